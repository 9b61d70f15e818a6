"""The outlet and furniture cues of content/data/outlets.yaml, compiled once for the line classifier."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

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
    furniture: re.Pattern | None = None         # whole-line furniture
    hotlines: re.Pattern | None = None          # whole-line hotline/subscription
    credit: re.Pattern | None = None            # a caption credit at the end of a line
    caption_starts: tuple[str, ...] = ()         # folded openings of credit-less captions
    end_marks: tuple[str, ...] = ("./.",)
    dateline: re.Pattern | None = None          # "(NLĐO) - " and friends at a line's start
    domain: re.Pattern | None = None            # a line that is only a domain name
    by_dateline: dict = field(default_factory=dict)  # folded dateline code → Outlet
    by_domain: dict = field(default_factory=dict)    # domain → Outlet


def _alternation(patterns) -> re.Pattern | None:
    patterns = [p for p in patterns if p]
    if not patterns:
        return None
    return re.compile("^(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\s*$", re.IGNORECASE)


def compile_cues(data: dict) -> Cues:
    """Compile the parsed outlets.yaml mapping (raises ValueError on a bad pattern)."""
    outlets, hotlines = [], []
    for oid, o in sorted((data.get("outlets") or {}).items()):
        outlets.append(Outlet(str(oid), normalize(str(o.get("name", oid))),
                              tuple(str(d).lower() for d in o.get("domains") or ()),
                              tuple(normalize(str(d)) for d in o.get("datelines") or ())))
        hotlines += [normalize(str(h)) for h in o.get("hotlines") or ()]
    codes = sorted({d for o in outlets for d in o.datelines}, key=len, reverse=True)
    dateline = None
    if codes:
        alt = "|".join(re.escape(c) for c in codes)
        # "(NLĐO) - ", "(NLĐO)- ", "Hanoi (VNA) – ", "VOV.VN - "
        dateline = re.compile(rf"^(?:[A-ZÀ-Ỹ][\w .]{{0,30}}\s)?\(?({alt})\)?\s*[-–—:]\s*", re.IGNORECASE)  # see dateline_match
    domains = sorted({d for o in outlets for d in o.domains}, key=len, reverse=True)
    try:
        return Cues(
            outlets=tuple(outlets),
            trailers=frozenset(fold(normalize(str(t))).strip(" :") for t in data.get("trailers") or ()),
            furniture=_alternation(normalize(str(p)) for p in data.get("furniture") or ()),
            hotlines=_alternation(hotlines),
            credit=re.compile("(?:" + "|".join(f"(?:{normalize(str(p))})" for p in data.get("caption_credit") or ["$^"]) + r")\s*[|]?\s*$"),
            caption_starts=tuple(fold(str(s)) for s in data.get("caption_starts") or ()),
            end_marks=tuple(str(m) for m in data.get("end_marks") or ("./.",)),
            dateline=dateline,
            domain=re.compile(r"^(?:https?://)?(?:www\.)?(" + "|".join(map(re.escape, domains)) + r")/?\s*$", re.I) if domains else None,
            by_dateline={fold(c): o for o in outlets for c in o.datelines},
            by_domain={d: o for o in outlets for d in o.domains},
        )
    except re.error as exc:
        raise ValueError(f"bad regular expression in outlets.yaml: {exc}") from None


# The dateline pattern compile_cues() writes needs one of these after the code: a line without any
# (most) is not tried, which saves its look for a code after up to 30 characters of a place name.
_DATELINE_SEPARATOR = re.compile("[-–—:]")


def dateline_match(cues: Cues, line: str) -> re.Match | None:
    """cues.dateline.match(line) (None without a dateline pattern)."""
    if cues.dateline is None or not _DATELINE_SEPARATOR.search(line):
        return None
    return cues.dateline.match(line)


def load_cues(path: Path) -> Cues:
    """Read and compile an outlets.yaml file (missing file: no outlet knowledge, general rules only)."""
    if not path.exists():
        return compile_cues({})
    return compile_cues(yamlio.load(path.read_text(encoding="utf-8")) or {})
