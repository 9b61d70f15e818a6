"""Documents an article lists as signed (one a line, or after "gồm:") or names inline with a capitalised kind."""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from dataclasses import dataclass

from ..model import Agreement, Review
from ..scan import Alternatives
from ..text import fold, slugify

# Folded openings → kind code, longest first so "biên bản ghi nhớ" is not read as "biên bản".
KINDS = (
    ("bien ban ghi nho", "ghi-nho"), ("ban ghi nho", "ghi-nho"), ("bien ban thoa thuan", "thoa-thuan"),
    ("nghi dinh thu", "nghi-dinh-thu"), ("tuyen bo chung", "tuyen-bo-chung"), ("thoa thuan", "thoa-thuan"),
    ("hiep dinh", "hiep-dinh"), ("hiep uoc", "hiep-uoc"), ("ke hoach", "ke-hoach"), ("bien ban", "bien-ban"),
    ("chuong trinh hop tac", "chuong-trinh"),
)
# Inline, only the kinds that are proper names when capitalised mid-sentence ("Kế hoạch số 24" is not one).
_INLINE_KINDS = ("Hiệp định", "Hiệp ước", "Thỏa thuận", "Nghị định thư", "Tuyên bố chung", "Biên bản ghi nhớ", "Bản ghi nhớ")
# After a lower-case letter or a comma and a space; that look back is made after the kind's capital
# (the same test), so each pattern opens with one capital, which the engine skips to (scan.py).
_INLINE = Alternatives([re.compile(
    f"({c}(?<=[a-zà-ỹđ,] {c})(?:" + "|".join(k[1:] for k in _INLINE_KINDS if k[0] == c) + "))"
    r" ([^,;.()\n:“”\"]{3,160})") for c in dict.fromkeys(k[0] for k in _INLINE_KINDS)])
_BILATERAL = re.compile(r"Việt Nam|Lào|VN|Việt\s*[-–]\s*Lào|hai nước")
_INLINE_STOP = re.compile(r"\s(?:được|đã|sẽ|nhằm|để|cũng|là|với|tiếp tục|theo|trong|khi)\s.*$")
_KIND_INITIALS = frozenset("KTBHNC")  # Kế hoạch, Thỏa thuận, Tuyên bố, Biên bản, Bản, Hiệp…, Nghị định thư, Chương trình
_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,2}[.)]|[a-z][.)])\s+")
_ENUM = re.compile(r"(?:bao gồm|gồm|như)\s*:\s*", re.IGNORECASE)
_PERIOD = re.compile(r"giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})|năm\s+(\d{4})")
_BETWEEN = re.compile(r"\bgiữa\s+(.+?)(?=\s+(?:về|giai đoạn|năm \d|trong|nhằm|để|tại)\s|[;.]?$)")
_COUNTRY_END = re.compile(r"(?:Việt Nam|Lào|VN)$")
_SIGNED = re.compile(r"ky ket|(?<!\w)ky(?!\w)|trao (?:doi )?(?:cac )?van kien|chung kien|signed|exchanged")


@dataclass(frozen=True)
class Listed:
    """A document as the article writes it, with whether it was listed as signed here."""
    title: str
    kind: str
    signed: bool
    pos: int


# Only a title's opening words tell its kind, and folding keeps offsets: no more is folded.
_OPENING = max(len(opening) for opening, _code in KINDS) + 1
_OPENINGS = tuple(opening for opening, _code in KINDS)


# The first two letters of the openings: a text whose first two do not fold to one of them opens
# no document, and is not folded to find out (a look-up of its first two characters, remembered).
_OPENING_PAIRS = frozenset(opening[:2] for opening in _OPENINGS)
_PAIRS: dict[str, bool] = {}


def _folded_opening(head: str) -> str | None:
    """fold(head) when it starts with a document's opening words, else None (head: a title's first
    _OPENING characters)."""
    pair = head[:2]
    opens = _PAIRS.get(pair)
    if opens is None:
        if len(_PAIRS) > 4096:
            _PAIRS.clear()
        # fold() keeps each letter's place, and the two letters fold alike alone or in a longer text
        opens = _PAIRS[pair] = fold(pair) in _OPENING_PAIRS
    if opens:
        f = fold(head)
        if f.startswith(_OPENINGS):
            return f
    return None


# The first of KINDS's openings a folded title starts with as whole words (KINDS's order: the
# alternation tries its branches in turn), by one match instead of two str tests an opening.
_KIND_OF = re.compile("(?:" + "|".join(f"({re.escape(opening)})" for opening, _code in KINDS) + r")(?= |\Z)")


def _kind_of_folded(f: str) -> str | None:
    m = _KIND_OF.match(f)
    return KINDS[m.lastindex - 1][1] if m else None


def kind_of(title: str) -> str | None:
    """The kind code of a document title by its opening words (None: not a document)."""
    return _kind_of_folded(fold(title[:_OPENING]))


_CLOSING = re.compile(r"(?:[;,.]\s*(?:và)?|\s+và)\s*$")


def clean_title(line: str) -> str:
    """A listed line as a title: no list mark, no closing ';' '.' ', và'."""
    line = _ITEM.sub("", line).strip()
    # _CLOSING takes from a line with no space at its end the mark it ends with, or what ends with
    # "và": the pattern, tried at every mark and space, is left for the latter.
    if line.endswith((";", ",", ".")):
        line = line[:-1]
    elif line.endswith("và"):
        line = _CLOSING.sub("", line)
    return line.strip().rstrip(";,. ")


def listed(body: str) -> list[Listed]:
    """Documents listed one a line (list items, or ';'-ended lines) and after 'gồm:' in a paragraph."""
    out = []
    pos = 0
    for line in body.split("\n"):
        here, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if not stripped or (stripped.lstrip("-*+•0123456789.) ")[:1] not in _KIND_INITIALS and ":" not in stripped):
            continue  # most lines open with no document kind: skip them before any folding
        item = _ITEM.match(stripped)
        # A title is the start of the line without its list mark (whose \s+ takes every space after
        # it), so a line whose start is no document's opening has no kind, and is not cleaned up to
        # find out.
        start = item.end() if item else 0
        folded = _folded_opening(stripped[start:start + _OPENING])
        if folded:
            title = clean_title(stripped)
            # the title starts where the head does: as long, its first characters are the head's
            kind = _kind_of_folded(folded) if len(title) >= _OPENING else kind_of(title)
            if kind and (item or stripped.endswith(";")) and title[:1].isupper() and len(title) <= 400:
                out.append(Listed(title, kind, True, here))
                continue
        m = _ENUM.search(stripped) if ":" in stripped else None
        if m and (";" in stripped[m.end():]):
            for part in stripped[m.end():].split(";"):
                title = clean_title(part)
                kind = kind_of(title)
                if kind and title[:1].isupper():
                    out.append(Listed(title, kind, True, here + m.end()))
    return out


def inline(text: str) -> list[Listed]:
    """Documents named mid-sentence with a capitalised kind and a bilateral marker ("Thỏa thuận cấp cao Việt Nam-Lào")."""
    out = []
    for m in _INLINE.finditer(text):
        rest = _INLINE_STOP.sub("", m.group(2)).strip(" -–")
        title = f"{m.group(1)} {rest}".strip()
        if len(rest.split()) < 2 or not _BILATERAL.search(rest):
            continue
        s = text.rfind(".", 0, m.start()) + 1
        e = text.find(".", m.end())
        signed = bool(_SIGNED.search(fold(text[s:e if e >= 0 else len(text)])))
        out.append(Listed(title, kind_of(title) or "thoa-thuan", signed, m.start()))
    return out


_VN = re.compile(r"(?<!\w)vn(?!\w)")
_WORDS = re.compile(r"\w+")


# The storing process reads a new document's key three times (its id, the agreement made, the
# registry's table of keys) and the same documents recur: both are remembered.
@functools.lru_cache(maxsize=4096)
def key(title: str) -> str:
    """The folded form two articles' spellings of one document share: its folded words, "VN"
    spelt out ("thoả" folds as "thỏa" does)."""
    f = fold(title)
    if "vn" in f:  # str's scan skips most titles sooner than the pattern's
        f = _VN.sub("viet nam", f)
    return " ".join(_WORDS.findall(f))


@functools.lru_cache(maxsize=4096)
def agreement_id(title: str) -> str:
    """A stable id from the folded title; long titles keep a hash of the whole so they stay distinct."""
    k = key(title)
    slug = slugify(k, max_len=200)
    if len(slug) <= 80:
        return slug
    return slugify(k, max_len=72) + "-" + hashlib.sha1(k.encode()).hexdigest()[:6]


def parties(title: str) -> tuple[str, ...]:
    """The two parties of 'giữa X và Y' (split where the first ends with a country name when it can)."""
    m = _BETWEEN.search(title)
    if not m:
        return ()
    both = m.group(1)
    cuts = [c.start() for c in re.finditer(r" và ", both)]
    if not cuts:
        return ()
    good = [c for c in cuts if _COUNTRY_END.search(both[:c].rstrip(", ")) and both[c + 4:c + 5].isupper() | both[c + 4:].startswith(("tỉnh", "thành phố"))]
    cut = (good or cuts)[0]
    left, right = both[:cut].strip(" ,"), both[cut + 4:].strip(" ,")
    return (left, right) if left and right else ()


def period(title: str) -> str | None:
    """'2026-2030' from 'giai đoạn 2026-2030', '2026' from 'năm 2026'."""
    m = _PERIOD.search(title)
    if not m:
        return None
    return f"{m.group(1)}-{m.group(2)}" if m.group(1) else m.group(3)


def make(doc: Listed, event: str | None, day: dt.date | None, witnesses: tuple[str, ...], slug: str) -> Agreement:
    """A registry agreement for a document first reported by the article `slug`."""
    return Agreement(agreement_id(doc.title), doc.title, doc.kind, parties(doc.title), period(doc.title),
                     event if doc.signed else None, day if doc.signed else None,
                     witnesses if doc.signed else (),
                     (Review("agreement", f"created from {slug}; check title, kind, parties and event"),))
