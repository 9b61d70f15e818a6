"""The outlet and furniture cues of content/data/outlets.yaml, compiled once for the line classifier."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from re import _constants as sre, _parser as sre_parse

from .. import yamlio
from ..text import fold, normalize


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    domains: tuple[str, ...] = ()
    datelines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cues:
    outlets: tuple[Outlet, ...] = ()
    trailers: frozenset[str] = frozenset()      # folded headings
    trailer_lengths: frozenset[int] = frozenset()  # their lengths
    furniture: "WholeLine | None" = None        # whole-line furniture
    hotlines: "WholeLine | None" = None         # whole-line hotline/subscription
    credit: re.Pattern | None = None            # a caption credit at the end of a line
    credit_needs: str | None = None             # every credit holds one of these (see required_chars)
    caption_starts: tuple[str, ...] = ()         # folded openings of credit-less captions
    end_marks: tuple[str, ...] = ("./.",)
    dateline: re.Pattern | None = None          # "(NLĐO) - " and friends at a line's start
    dateline_reach: int = 0                     # the separator stands before this, or after spaces there
    dateline_ends: re.Pattern | None = None     # the codes written backwards (see dateline_match)
    domain: re.Pattern | None = None            # a line that is only a domain name
    domain_reach: int = 0                       # such a line is no longer, but for white space at its end
    by_dateline: dict = field(default_factory=dict)  # folded dateline code → Outlet
    by_domain: dict = field(default_factory=dict)    # domain → Outlet


# A pattern that is text anywhere in the line: '.*HOTLINE.*', without any special character between.
_ANYWHERE = re.compile(r"\.\*([^\\.^$*+?{}\[\]|()]+)\.\*")


# Lower-case letters (and digits, spaces, ASCII punctuation) that the regular expression engine
# folds one way only: a character matches one of these ignoring case exactly when its lower case
# (str.lower's, the same for every character whose lower case is one of them) is that one. Not
# i and s: "ı" and "ſ" match them too.
_ONE_WAY = frozenset("abcdefghjklmnopqrtuvwxyz0123456789 -.,:;/|!?'\"_"
                     "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ")


class WholeLine:
    """Whether a line (without a newline) is matched, whole and case-insensitively, by any of some
    patterns: as `^(?:p1|p2|…)\\s*$` tells. A pattern '.*TEXT.*' is TEXT found anywhere; a
    case-insensitive scan costs ~8 µs a paragraph of 600 characters (asked of every line of
    every page), so it is made only when the lower-cased line holds the longest part of TEXT
    that folds one way only (_ONE_WAY), which it must for TEXT to match."""

    def __init__(self, patterns: list[str]):
        """Raises re.error for a bad pattern (a '.*TEXT.*' one cannot be)."""
        anywhere, whole = [], []
        for p in patterns:
            m = _ANYWHERE.fullmatch(p)
            if m:
                anywhere.append(m.group(1))
            else:
                whole.append(p)
        self._whole = re.compile("^(?:" + "|".join(f"(?:{p})" for p in whole) + r")\s*$", re.IGNORECASE) \
            if whole else None
        self._anywhere = re.compile("|".join(map(re.escape, anywhere)), re.IGNORECASE) if anywhere else None
        cores = [max(re.split(f"[^{re.escape(''.join(sorted(_ONE_WAY)))}]", text.lower()), key=len) for text in anywhere]
        # Without a part to look for in one of them, every line is scanned.
        self._cores = tuple(cores) if all(cores) else None
        self.compiled = tuple(p for p in (self._whole, self._anywhere) if p is not None)

    def match(self, line: str, low: str | None = None) -> bool:
        """Whether the patterns match line (low: line.lower(), when the caller has it)."""
        if self._anywhere is not None and self._may_hold(line, low) and self._anywhere.search(line):
            return True
        return self._whole is not None and self._whole.match(line) is not None

    def _may_hold(self, line: str, low: str | None) -> bool:
        if self._cores is None:
            return True
        low = line.lower() if low is None else low
        for core in self._cores:  # (a loop: any() and its generator cost more than the searches)
            if core in low:
                return True
        return False


def required_chars(pattern: re.Pattern) -> str | None:
    """Characters of which every text the pattern matches holds at least one, as few as the
    pattern tells (None when it tells none): a text without any of them needs no search. Read
    from the parsed pattern: a character it must match as written (not ignoring case), the
    union of those of every branch of an alternation, what a repetition at least once needs."""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # not a pattern this reading knows: no shortcut
        return None
    needs = _needs(parsed, bool(parsed.state.flags & re.IGNORECASE))
    return "".join(sorted(needs)) if needs else None


def _needs(items, nocase: bool) -> frozenset[str] | None:
    """The fewest characters one of which a match of the sequence `items` holds, or None."""
    best = None
    for op, av in items:
        need = _needs_one(op, av, nocase)
        if need is not None and (best is None or len(need) < len(best)):
            best = need
    return best


def _needs_one(op, av, nocase: bool) -> frozenset[str] | None:
    if op is sre.LITERAL:
        return None if nocase else frozenset(chr(av))
    if op is sre.IN:  # a set of characters written out ([(:]), not ranges, classes or negated
        return None if nocase or any(o is not sre.LITERAL for o, _ in av) else frozenset(chr(c) for _, c in av)
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        return _needs(sub, (nocase or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE)
    if op is sre.ATOMIC_GROUP:
        return _needs(av, nocase)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        least, _, sub = av
        return _needs(sub, nocase) if least >= 1 else None
    if op is sre.BRANCH:
        branches = [_needs(sub, nocase) for sub in av[1]]
        return None if None in branches else frozenset().union(*branches)
    return None  # anything else (a class, a look-around, a back reference…) promises no character


def _alternation(patterns) -> WholeLine | None:
    patterns = [p for p in patterns if p]
    return WholeLine(patterns) if patterns else None


def compile_cues(data: dict) -> Cues:
    """Compile the parsed outlets.yaml mapping (raises ValueError on a bad pattern)."""
    outlets, hotlines = [], []
    for oid, o in sorted((data.get("outlets") or {}).items()):
        outlets.append(Outlet(str(oid), normalize(str(o.get("name", oid))),
                              tuple(str(d).lower() for d in o.get("domains") or ()),
                              tuple(normalize(str(d)) for d in o.get("datelines") or ())))
        hotlines += [normalize(str(h)) for h in o.get("hotlines") or ()]
    codes = sorted({d for o in outlets for d in o.datelines}, key=len, reverse=True)
    dateline = dateline_ends = None
    if codes:
        alt = "|".join(re.escape(c) for c in codes)
        # "(NLĐO) - ", "(NLĐO)- ", "Hanoi (VNA) – ", "VOV.VN - "
        dateline = re.compile(rf"^(?:[A-ZÀ-Ỹ][\w .]{{0,30}}\s)?\(?({alt})\)?\s*[-–—:]\s*", re.IGNORECASE)  # see dateline_match
        if not any(_DATELINE_SEPARATOR.search(c) or c[-1:].isspace() or c.endswith(")") for c in codes):
            dateline_ends = re.compile("|".join(re.escape(c[::-1]) for c in codes), re.IGNORECASE)
    domains = sorted({d for o in outlets for d in o.domains}, key=len, reverse=True)
    trailers = frozenset(fold(normalize(str(t))).strip(" :") for t in data.get("trailers") or ())
    try:
        credit = re.compile("(?:" + "|".join(f"(?:{normalize(str(p))})" for p in data.get("caption_credit") or ["$^"]) + r")\s*[|]?\s*$")
        return Cues(
            outlets=tuple(outlets),
            trailers=trailers,
            trailer_lengths=frozenset(map(len, trailers)),
            furniture=_alternation(normalize(str(p)) for p in data.get("furniture") or ()),
            hotlines=_alternation(hotlines),
            credit=credit,
            credit_needs=required_chars(credit),
            caption_starts=tuple(fold(str(s)) for s in data.get("caption_starts") or ()),
            end_marks=tuple(str(m) for m in data.get("end_marks") or ("./.",)),
            dateline=dateline,
            # place (32) + "(" + the longest code + ")": the separator stands before, unless spaces follow
            dateline_reach=35 + max(map(len, codes), default=0),
            dateline_ends=dateline_ends,
            domain=re.compile(r"^(?:https?://)?(?:www\.)?(" + "|".join(map(re.escape, domains)) + r")/?\s*$", re.I) if domains else None,
            domain_reach=len("https://www./") + max(map(len, domains), default=0),  # see domain_match
            by_dateline={fold(c): o for o in outlets for c in o.datelines},
            by_domain={d: o for o in outlets for d in o.domains},
        )
    except re.error as exc:
        raise ValueError(f"bad regular expression in outlets.yaml: {exc}") from None


# The dateline pattern compile_cues() writes needs one of these after the code: a line without any
# where it could stand (most) is not tried, which saves its look for a code after up to 30
# characters of a place name.
_DATELINE_SEPARATOR = re.compile("[-–—:]")


def dateline_match(cues: Cues, line: str) -> re.Match | None:
    """cues.dateline.match(line) (None without a dateline pattern)."""
    if cues.dateline is None:
        return None
    # The pattern's separator stands before dateline_reach, or after a run of white space that
    # covers the character before it: looking that far, not along the whole paragraph, tells.
    reach = cues.dateline_reach
    sep = _DATELINE_SEPARATOR.search(line, 0, reach)
    if sep is not None:
        at = sep.start()
    else:
        after = line[reach - 1:].lstrip()  # (not white space at reach - 1: a separator there was found)
        if not _DATELINE_SEPARATOR.match(after):
            return None
        at = len(line) - len(after)
    # Where no code holds a separator, the first one is the pattern's: before it stand the code, a
    # ')' and white space, or no dateline (the pattern tries a code after each space of the place
    # name, ~25k instructions). The code is looked for at the end, backwards, by one match.
    if cues.dateline_ends is not None:
        before = line[:at].rstrip()
        if not cues.dateline_ends.match((before[:-1] if before.endswith(")") else before)[::-1]):
            return None
    return cues.dateline.match(line)


def domain_match(cues: Cues, line: str) -> re.Match | None:
    """cues.domain.match(line) (None without domains)."""
    if cues.domain is None:
        return None
    # The pattern matches one character of the line for each of its own (ignoring case too), so a
    # line longer than its longest match, and not ending in the white space it may take, is none.
    if len(line) > cues.domain_reach and not line[-1].isspace():
        return None
    return cues.domain.match(line)


def load_cues(path: Path) -> Cues:
    """Read and compile an outlets.yaml file (missing file: no outlet knowledge, general rules only)."""
    if not path.exists():
        return compile_cues({})
    return compile_cues(yamlio.load(path.read_text(encoding="utf-8")) or {})
