"""The entity registry in content/data/: leaders, events and agreements keyed by id, read and appended."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import yaml

from . import fastyaml, yamlio
from .frontmatter import clean
from .model import Agreement, Diagnostic, Event, Leader, Review, Role, error, warning
from .text import fold

FILES = {"leaders": "leaders.yaml", "events": "events.yaml", "agreements": "agreements.yaml"}
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_ID = 100  # an id is a folder name in site/: short enough for every file system
# Names Windows cannot give a file or folder: a site with lanh-dao/con/ cannot be checked out there.
RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))})
_FIELDS = {
    "leaders": {"name", "country", "aliases", "roles", "review", "note"},
    "events": {"title", "kind", "start", "end", "place", "host", "participants", "review", "note"},
    "agreements": {"title", "kind", "parties", "period", "event", "date", "witnesses", "review", "note"},
}


@dataclass(frozen=True)
class Registry:
    leaders: dict[str, Leader] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    agreements: dict[str, Agreement] = field(default_factory=dict)


def duplicate_keys(text: str) -> list[tuple[str, int]]:
    """Top-level keys that occur twice in a YAML block mapping, with the line of the second."""
    seen: dict[str, int] = {}
    dups = []
    for n, line in enumerate(text.split("\n"), 1):
        if line and not line[0].isspace() and not line.startswith(("#", "-", "...", "---")) and ":" in line:
            key = line.split(":", 1)[0].strip().strip("'\"")
            if key in seen:
                dups.append((key, n))
            seen.setdefault(key, n)
    return dups


def _date(value, what: str):
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int) and not isinstance(value, bool):  # a bare year
        if not 1 <= value <= 9999:
            raise ValueError(f"{what}: expected a date like 2025-12-01 or a year, got {value!r}")
        return dt.date(value, 1, 1)
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{what}: expected a date like 2025-12-01, got {value!r}") from None


def _ids(value, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ValueError(f"{what}: expected a list, got {type(value).__name__}")
    return tuple(str(v) for v in value)


def _review(value) -> tuple[Review, ...]:
    if not value:
        return ()
    if not isinstance(value, list):
        raise ValueError("review: expected a list of {field, reason}")
    return tuple(Review(clean(str(v.get("field", ""))), clean(str(v.get("reason", "")))) if isinstance(v, dict)
                 else Review(clean(str(v)), "") for v in value)


def _text(entry: dict, key: str, required: bool = False) -> str | None:
    value = entry.get(key)
    if value is None:
        if required:
            raise ValueError(f"{key}: missing")
        return None
    if isinstance(value, (dict, list)):
        raise ValueError(f"{key}: expected text, got {type(value).__name__}")
    return clean(str(value))


def _leader(id_: str, e: dict) -> Leader:
    roles = []
    for r in e.get("roles") or []:
        if isinstance(r, str):
            roles.append(Role(clean(r)))
        elif isinstance(r, dict) and r.get("title"):
            roles.append(Role(clean(str(r["title"])), _date(r.get("from"), "roles.from"), _date(r.get("to"), "roles.to")))
        else:
            raise ValueError(f"roles: expected {{title, from, to}}, got {r!r}")
    aliases = e.get("aliases") or []
    if not isinstance(aliases, list):
        raise ValueError("aliases: expected a list")
    return Leader(id_, _text(e, "name", True), (_text(e, "country") or "").upper(),
                  tuple(clean(str(a)) for a in aliases), tuple(roles), _review(e.get("review")))


def _event(id_: str, e: dict) -> Event:
    return Event(id_, _text(e, "title", True), _text(e, "kind") or "other", _date(e.get("start"), "start"),
                 _date(e.get("end"), "end"), _text(e, "place"), _text(e, "host"),
                 _ids(e.get("participants"), "participants"), _review(e.get("review")))


def _agreement(id_: str, e: dict) -> Agreement:
    return Agreement(id_, _text(e, "title", True), _text(e, "kind") or "other", _ids(e.get("parties"), "parties"),
                     _text(e, "period"), _text(e, "event"), _date(e.get("date"), "date"),
                     _ids(e.get("witnesses"), "witnesses"), _review(e.get("review")))


_MAKERS = {"leaders": _leader, "events": _event, "agreements": _agreement}


def parse(kind: str, text: str, path: str) -> tuple[dict, list[Diagnostic]]:
    """Read one registry file's text into {id: entity}; bad entries are reported and skipped."""
    diags: list[Diagnostic] = []
    for key, line in duplicate_keys(text):
        diags.append(error(f"duplicate id {key!r} (first defined earlier in the file)", path, line, "load"))
    try:
        data = fastyaml.load_blocks(text)  # PyYAML's reading, entry by entry: 3-4 times sooner
        if data is None:
            data = yamlio.load(text)
    except yaml.YAMLError as exc:
        return {}, [error(f"not valid YAML: {getattr(exc, 'problem', exc)}", path, yamlio.error_line(exc), "load")]
    if data is None:
        return {}, diags
    if not isinstance(data, dict):
        return {}, [error(f"expected a mapping of id → {kind[:-1]}, got a {type(data).__name__}", path, 1, "load")]
    lines = yamlio.key_lines(text)
    out = {}
    for id_, entry in data.items():
        id_ = str(id_)
        line = lines.get(id_)
        if not _ID.match(id_):
            diags.append(error(f"id {id_[:80]!r} is not an ASCII slug (a-z, 0-9, '-')", path, line, "load"))
            continue
        if len(id_) > MAX_ID or id_ in RESERVED:
            why = f"longer than {MAX_ID} characters" if len(id_) > MAX_ID else "a name Windows reserves for devices"
            diags.append(error(f"id {id_[:80]!r} cannot be a folder name: {why}", path, line, "load"))
            continue
        if not isinstance(entry, dict):
            diags.append(error(f"{id_}: expected a mapping of fields", path, line, "load"))
            continue
        unknown = sorted(set(map(str, entry)) - _FIELDS[kind])
        if unknown:
            diags.append(warning(f"{id_}: unknown field(s) {', '.join(unknown)} ignored", path, line, "load"))
        try:
            out[id_] = _MAKERS[kind](id_, entry)
        except (ValueError, TypeError, OverflowError) as exc:  # one bad entry must not stop the build
            diags.append(error(f"{id_}: {exc}", path, line, "load"))
    if kind == "leaders":
        diags += _shared_aliases(out, path, lines)
    return out, diags


def _shared_aliases(leaders: dict[str, Leader], path: str, lines: dict[str, int]) -> list[Diagnostic]:
    owner: dict[str, str] = {}
    diags = []
    # In file order, so the message points at the entry written later (usually the one just added).
    for id_ in sorted(leaders, key=lambda i: (lines.get(i, 0), i)):
        leader = leaders[id_]
        for name in {fold(n) for n in (leader.name, *leader.aliases)}:
            other = owner.setdefault(name, id_)
            if other != id_:
                diags.append(error(f"{id_}: the name {name!r} also belongs to {other}; a name must "
                                   "point at one leader", path, lines.get(id_), "load"))
    return diags


def entry_yaml(entity) -> dict:
    """The registry entry for an entity, in the order its file is written in (without the id)."""
    if isinstance(entity, Leader):
        d = {"name": entity.name, "country": entity.country, "aliases": list(entity.aliases),
             "roles": [{k: v for k, v in (("title", r.title), ("from", r.start), ("to", r.end)) if v is not None}
                       for r in entity.roles]}
    elif isinstance(entity, Event):
        d = {"title": entity.title, "kind": entity.kind, "start": entity.start, "end": entity.end,
             "place": entity.place, "host": entity.host, "participants": list(entity.participants)}
    else:
        d = {"title": entity.title, "kind": entity.kind, "parties": list(entity.parties), "period": entity.period,
             "event": entity.event, "date": entity.date, "witnesses": list(entity.witnesses)}
    if entity.review:
        d["review"] = [{"field": r.field, "reason": r.reason} for r in entity.review]
    return d


def append_text(entities) -> str:
    """YAML text for new entries, to be appended to a registry file so editors' text stays as it is."""
    return "".join(yamlio.quick_dump({e.id: entry_yaml(e)}) + "\n" for e in entities)
