"""The bilateral event an article reports: kind, host, visitor, dates; matched to the registry or created."""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass

from ..model import Event, Leader, Review
from ..text import fold, slugify
from .names import canonical
from .dates import Span, spans
from .lexicon import PLACES, country_in
from .phrases import PhraseIndex, cased
from .tables import grown

# Kinds, strongest first: a visit is the event its talks and receptions belong to.
# (code, display title, folded phrase pattern, is a visit). Each phrase (alternative) of a pattern
# opens with plain text, by which kind_hits finds it (see _openings).
_COMMITTEE = r" of the [\w\s-]{0,30}inter-?governmental committee"
KINDS = (
    ("tham-cap-nha-nuoc", "Chuyến thăm cấp Nhà nước", r"tham cap nha nuoc|state visit", True),
    ("tham-huu-nghi-chinh-thuc", "Chuyến thăm hữu nghị chính thức",
     r"tham huu nghi chinh thuc|official friendship visit", True),
    ("tham-chinh-thuc", "Chuyến thăm chính thức", r"tham chinh thuc|official visit|visite officielle", True),
    ("tham-lam-viec", "Chuyến thăm làm việc", r"tham va lam viec|tham lam viec|working visit|chuyen cong tac", True),
    ("ky-hop-uy-ban-lien-chinh-phu", "Kỳ họp Ủy ban liên Chính phủ Việt Nam – Lào",
     r"ky hop (?:lan thu \d+ |thu \d+ |\d+ )?(?:cua )?uy ban lien chinh phu|meeting" + _COMMITTEE + "|session"
     + _COMMITTEE, False),
    ("tham", "Chuyến thăm", r"chuyen tham|sang tham|den tham|tham (?=lao|viet nam|nuoc)", True),
    ("hoi-dam", "Hội đàm", r"hoi dam|talks with|held talks", False),
    ("hoi-kien", "Hội kiến", r"hoi kien|chao xa giao|tiep xa giao|courtesy call", False),
    # "tiep" after a word: the look back is made after "tiep " (the same test), so the phrase opens with text
    ("tiep", "Tiếp", r"tiep (?<=[a-z] tiep )(?=doan|dong chi|bo truong|thu tuong|chu tich|dai su|pho)"
     r"|tiep va lam viec|don tiep", False),
    ("gap", "Cuộc gặp", r"cuoc gap|gap go", False),
    ("doi-thoai", "Đối thoại", r"doi thoai chinh sach quoc phong|doi thoai chien luoc|doi thoai an ninh", False),
    ("ky-niem", "Lễ kỷ niệm", r"le ky niem", False),
)
_KIND_RE = [(code, title, re.compile(r"(?<!\w)(?:" + pat + r")"), visit) for code, title, pat, visit in KINDS]
_LITERAL = re.compile(r"[a-z0-9 ]*")
_WORD = re.compile(r"\w+")


def _openings(pattern: str) -> list[str]:
    """The plain text each top-level alternative of a phrase pattern opens with (a character a
    quantifier follows may be absent, and is left out); an alternative that opens otherwise is an error."""
    alternatives, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 1
        elif c == "[":  # a set: to its "]" (one first, or after "^", belongs to it)
            i = pattern.index("]", i + (3 if pattern.startswith("^", i + 1) else 2))
        elif c in "()":
            depth += 1 if c == "(" else -1
        elif c == "|" and depth == 0:
            alternatives.append(pattern[start:i])
            start = i + 1
        i += 1
    out = []
    for alt in alternatives + [pattern[start:]]:
        text = _LITERAL.match(alt).group()
        if alt[len(text):len(text) + 1] in ("?", "*", "+", "{"):
            text = text[:-1]
        if not text:
            raise ValueError(f"a phrase must open with plain text: {alt!r}")
        out.append(text)
    return out


# Text some kinds' phrases share, looked for once for all of them (a scan of the article costs
# alike whatever it looks for, and what these find is few); a phrase with none is looked for by
# its opening.
_SHARED = ("tham", "visit", "talks", "of the", "xa giao", "tiep", "gap", "doi thoai")


@functools.lru_cache(maxsize=None)
def _needles(codes: frozenset[str]) -> tuple[tuple[str, tuple[tuple[int, int, tuple[str, ...]], ...]], ...]:
    """What to look for to find the phrases of the kinds `codes`: (text, ((its offset in phrases,
    kind index, the openings of the kind's phrases that have it there), …)). A phrase is looked for
    by the first shared text its opening has, else by the shortest opening its own starts with."""
    openings = [(i, o) for i, row in enumerate(KINDS) if row[0] in codes for o in _openings(row[2])]
    by_needle: dict[str, dict[tuple[int, int], list[str]]] = {}
    for i, o in openings:
        needle = next((n for n in _SHARED if n in o), None) or min((n for _i, n in openings if o.startswith(n)), key=len)
        by_needle.setdefault(needle, {}).setdefault((o.index(needle), i), []).append(o)
    return tuple((n, tuple((off, i, tuple(os)) for (off, i), os in places.items())) for n, places in by_needle.items())


VISITS = frozenset(row[0] for row in KINDS if row[3])
_CODES = frozenset(row[0] for row in KINDS)
_PLACES = PhraseIndex(PLACES)
_SENTENCE_END = re.compile(r"[.!?…\n]")  # on the original text: folding turns newlines into spaces
_COUNTRY_NAMES = {"VN": "Việt Nam", "LA": "Lào"}


@dataclass(frozen=True)
class Found:
    """What the text says about its event, before it is matched to the registry."""
    kind: str
    title: str
    start: dt.date
    end: dt.date
    host: str | None
    place: str | None
    participants: tuple[str, ...]  # leader ids, visitor first, then the host's leader, then the rest
    dated: bool                    # whether the dates come from the text (not only the article's date)


def _sentence(text: str, pos: int) -> tuple[int, int]:
    """The sentence pos is in: from after the last of ".!?…" or a newline before it to the next."""
    # A full stop or a newline is close before; the rarer marks are looked for only after the last
    # of those (rfind went back through the whole text for each, character by character in
    # Vietnamese text, which str keeps in two bytes a character).
    start = max(text.rfind(".", 0, pos), text.rfind("\n", 0, pos))
    for c in "!?…":
        start = max(start, text.rfind(c, start + 1, pos))
    m = _SENTENCE_END.search(text, pos)
    return start + 1, (m.start() if m else len(text))


def kind_hits(folded: str, vocab: frozenset[str] | None = None, codes: frozenset[str] = _CODES) -> dict[str, list[int]]:
    """Where the phrases of each kind (of those `codes`) stand, by kind code (positions sorted);
    vocab, when given, is the words the text has (words() of it), and only phrases whose first
    word is one count.

    A kind's pattern is tried only where one of its phrases' openings stands, found by str.find:
    the words they open with are common syllables (a pattern tried at every word cost more).
    """
    found: dict[int, set[int]] = {}
    for needle, places in _needles(codes):
        at = folded.find(needle)
        while at >= 0:
            for off, i, openings in places:
                pos = at - off
                if pos >= 0 and folded.startswith(openings, pos) and _KIND_RE[i][2].match(folded, pos):
                    found.setdefault(i, set()).add(pos)
            at = folded.find(needle, at + 1)
    if vocab is not None:
        found = {i: {p for p in pos if _WORD.match(folded, p).group() in vocab} for i, pos in found.items()}
    return {_KIND_RE[i][0]: sorted(pos) for i, pos in sorted(found.items()) if pos}


# The kinds in the order _kind weighs them: the first group with a kind in the text decides.
_NAMED = ("tham-cap-nha-nuoc", "tham-huu-nghi-chinh-thuc", "tham-chinh-thuc", "tham-lam-viec")
_ORDER = (_NAMED, ("ky-hop-uy-ban-lien-chinh-phu",), ("tham",), ("doi-thoai",),
          ("hoi-dam", "hoi-kien", "tiep", "gap", "ky-niem"))
_TITLES = {row[0]: row[1] for row in KINDS}


def _kind(hits: dict[str, list[int]]) -> tuple[str, str, int] | None:
    """The kind the article is about: its first named visit; else a session, a visit, talks, a reception."""
    first = {code: (code, _TITLES[code], pos[0]) for code, pos in hits.items()}
    named = [first[c] for c in _NAMED if c in first]
    if named:
        earliest = min(p for _c, _t, p in named)
        # two phrases close together describe one visit ("thăm chính thức …, kết hợp …"): the stronger wins
        return next(k for k in named if k[2] <= earliest + 200)
    for group in _ORDER[1:]:
        found = [first[c] for c in group if c in first]
        if found:
            return min(found, key=lambda k: k[2])
    return None


def _stages() -> tuple[tuple[tuple[str, ...], frozenset[str]], ...]:
    """(group of _ORDER, the kinds to look for with it): its own, and every visit with a visit's
    (find_event then reads them all), less those looked for before."""
    out, done = [], frozenset()
    for group in _ORDER:
        codes = frozenset(group).union(VISITS if VISITS.intersection(group) else ()) - done
        out.append((group, codes))
        done |= codes
    return tuple(out)


_STAGES = _stages()


def _kind_and_hits(folded: str, vocab) -> tuple[tuple[str, str, int] | None, dict[str, list[int]]]:
    """_kind(kind_hits(folded, vocab)) and the hits find_event reads after it (those of the kind,
    and of every visit when it is one), the phrases of a group in _ORDER looked for only when no
    group before it is in the text: most articles name a visit, and the other kinds' phrases,
    scanned for in vain, cost most."""
    hits: dict[str, list[int]] = {}
    for group, codes in _STAGES:
        hits.update(kind_hits(folded, vocab, codes))
        if any(c in hits for c in group):
            break
    return _kind(hits), hits


# Per place: whether its display name folds to its key (then a span written with diacritics must
# be the display name itself), and that name as canonical() writes it.
_DISPLAY = {key: (fold(display) == key, canonical(display)) for key, (_c, display) in PLACES.items()}


def places(text: str, sp: str, caps: str | None = None, capvocab=None, start: int = 0,
           end: int | None = None) -> list[tuple[int, str, str]]:
    """(offset, country, display name) of every place the text names, as written (between start
    and end only, when given: a stretch that no place name crosses, such as a sentence)."""
    caps = cased(text) if caps is None else caps
    out = []
    for s, e, key in _PLACES.find(sp, capvocab, capitals=caps, start=start, end=end):
        span = text[s:e]
        country, display = PLACES[key]
        folds_to_key, written = _DISPLAY[key]
        if span[0].isupper() and (span.isascii() or not folds_to_key or canonical(span) == written):
            out.append((s, country, display))
    return out


def _host(text: str, folded: str, code: str, hits: list[int], named) -> tuple[str | None, str | None]:
    """Host country and place: the country a visit phrase goes to, else the place the text names
    first; named(start, end) gives the places a sentence names."""
    where = (None, None)
    rx = next(r for c, _t, r, _v in _KIND_RE if c == code)
    for pos in hits:
        s, e = _sentence(text, pos)
        if where == (None, None):  # only the first sentence naming a place counts
            place = next(iter(named(s, e)), None)
            if place:
                where = place[1:]
        if code in VISITS:
            end = rx.match(folded, pos).end()
            said = country_in(text[end:min(e, end + 90)])
            if said in ("VN", "LA"):
                return said, where[1] if where[0] == said else None
    return where


def _dates(text: str, folded: str, code: str, hits: dict[str, list[int]], ref: dt.date) -> Span | None:
    """The event's days: those of the first sentence that names the event and a day (a range before a
    single day), else the dateline near the top."""
    found = spans(folded, ref)
    if not found:
        return None
    codes = VISITS if code in VISITS else {code}
    starts = [sp.pos for sp in found]  # in order
    s = e = 0
    for pos in sorted(p for c in codes for p in hits.get(c, ())):
        if s <= pos < e:
            continue  # in the sentence just read
        s, e = _sentence(text, pos)
        here = found[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]
        if here:
            return next((sp for sp in here if sp.end > sp.start), here[0])
    # A year far from the article's is a birth date or history, not the event.
    return next((sp for sp in found[:bisect.bisect_left(starts, 600)] if abs(sp.start.year - ref.year) <= 1), None)


def find_event(text: str, folded: str, sp: str, vocab, ref: dt.date, mentions: list[tuple[int, str]],
               leaders: dict[str, Leader], caps: str | None = None, capvocab=None) -> Found | None:
    """The event an article reports, from its text and the leaders it names ((offset, id), in text order)."""
    mentioned = list(dict.fromkeys(i for _p, i in mentions))
    kind, hits = _kind_and_hits(folded, vocab)
    if kind is None:
        return None
    code, title, pos = kind
    span = _dates(text, folded, code, hits, ref)
    start, end = (span.start, span.end) if span else (ref, ref)
    dated = span is not None
    active = [i for i in mentioned if _active(leaders[i], start)]
    countries = {leaders[i].country for i in active}
    # Places are looked for only in the sentences _host reads (a place name never crosses one's end).
    host, place = _host(text, folded, code, hits[code], lambda s, e: places(text, sp, caps, capvocab, s, e))
    guest_side = ({"VN", "LA"} - {host}) if host in ("VN", "LA") and code in VISITS else set()
    if not ({"VN", "LA"} <= countries or guest_side & countries):
        return None  # a bilateral event needs someone from each side, or a visitor to the other
    s, e = _sentence(text, pos)
    near = list(dict.fromkeys(i for p, i in mentions if s <= p < e and i in active))
    if host:
        guests = [i for i in near + active if leaders[i].country != host]
        hosts = [i for i in active if leaders[i].country == host]
        order = guests[:1] + hosts[:1]
    else:
        order = (near + active)[:2]
    participants = tuple(dict.fromkeys(order + active))
    return Found(code, title, start, end, host, place, participants, dated)


def _active(leader: Leader, day: dt.date) -> bool:
    """Whether a leader held a role on a day (or has no dated roles): the dead are not participants."""
    roles = leader.roles
    if not roles or not all(r.start or r.end for r in roles):
        return True  # a role without dates may be held on any day
    return any((r.start is None or r.start <= day) and (r.end is None or r.end >= day - _GRACE) for r in roles)


_GRACE = dt.timedelta(days=31)  # a leader who left office a month before an event may still be reported in it


def match(found: Found, events: dict[str, Event]) -> str | None:
    """The registry event the found one is: shared principal participant, host, overlapping dates."""
    slack = dt.timedelta(days=1 if found.dated else 3)
    principal = set(found.participants[:2])
    best = None
    # Only events a principal took part in, starting close enough, can match: scanning every event
    # grew with the import (which adds thousands), and so did scanning each principal's.
    index = grown("events by participant and week", events, _EventIndex, _EventIndex.add)
    first = (found.start - slack - dt.timedelta(days=index.longest)).toordinal() // 7
    last = (found.end + slack).toordinal() // 7
    near = {id(ev): ev for p in sorted(principal) if p in index.weeks
            for week in range(first, last + 1) for ev in index.weeks[p].get(week, ())}
    for ev in near.values():
        ev_end = ev.end or ev.start
        if found.start > ev_end + slack or found.end < ev.start - slack:
            continue
        if found.host and ev.host and found.host != ev.host:
            continue
        shared = principal & set(ev.participants)
        if not shared:
            continue
        key = (-len(shared), abs((ev.start - found.start).days), ev.id)
        if best is None or key < best[0]:
            best = (key, ev.id)
    return best[1] if best else None


class _EventIndex:
    """Dated events by participant and by the week they start; `longest`: the most days any lasts
    (so that an event starting that long before a day may still reach it)."""

    def __init__(self) -> None:
        self.weeks: dict[str, dict[int, list[Event]]] = {}
        self.longest = 0

    def add(self, ev: Event) -> None:
        if ev.start is None:
            return  # match() passes over undated events
        self.longest = max(self.longest, ((ev.end or ev.start) - ev.start).days)
        week = ev.start.toordinal() // 7
        for p in dict.fromkeys(ev.participants):
            self.weeks.setdefault(p, {}).setdefault(week, []).append(ev)


def new_event(found: Found, leaders: dict[str, Leader], article_slug: str) -> Event:
    """A registry event for what an article reports, with an id that any report of it would give."""
    lead = found.participants[0]
    if found.kind in VISITS and found.host:
        title = f"{found.title} tới {_COUNTRY_NAMES[found.host]} của {leaders[lead].name}"
    elif found.kind == "ky-hop-uy-ban-lien-chinh-phu":
        title = found.title
    else:
        names = " – ".join(leaders[i].name for i in found.participants[:2])
        title = f"{found.title} {names}"
    id_ = f"{found.start.isoformat()}-{found.kind}-{slugify(leaders[lead].name)}"
    why = "created from an article; check title, kind, dates, place and participants"
    if not found.dated:
        why += " (no date in the text: the article's date was used)"
    return Event(id_, title, found.kind, found.start, found.end, found.place, found.host, found.participants,
                 (Review("event", f"{why}; first seen in {article_slug}"),))
