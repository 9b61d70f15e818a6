"""The archive's content as frozen dataclasses: articles, the three entity kinds, review marks."""
from __future__ import annotations

import datetime as dt
import operator
from dataclasses import dataclass, field, fields

# The order front matter is written in; also the set of keys an article may have.
FRONT_MATTER_KEYS = (
    "title", "date", "source", "source_url", "author", "lead", "captions", "language",
    "leaders", "events", "agreements", "raw", "review",
)
ENTITY_KINDS = ("leaders", "events", "agreements")


def pickled_by_values(cls):
    """Class decorator: pickle a frozen dataclass as its class and its field values, in order, so
    that unpickling calls the class as a constructor would. dataclasses' own way for a slotted one
    (__getstate__ and __setstate__ over fields(), in Python) cost the import three times as much
    for each article and entity sent from the preparing processes to the one that stores them."""
    values = operator.attrgetter(*(f.name for f in fields(cls)))

    def __reduce__(self):
        return cls, values(self)
    cls.__reduce__ = __reduce__
    return cls


@pickled_by_values
@dataclass(frozen=True, slots=True)
class Review:
    """Something an editor should look at: which field, and why it is uncertain."""
    field: str
    reason: str


@pickled_by_values
@dataclass(frozen=True, slots=True)
class Article:
    """One article: front matter fields plus the Markdown body; `slug` is the file name's stem."""
    slug: str
    title: str
    date: dt.date
    body: str = ""
    source: str | None = None
    source_url: str | None = None
    author: str | None = None
    lead: str | None = None
    captions: tuple[str, ...] = ()
    language: str = "vi"
    leaders: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    agreements: tuple[str, ...] = ()
    raw: str | None = None
    review: tuple[Review, ...] = ()
    path: str | None = field(default=None, compare=False)  # where it was read from, for messages
    lines: dict = field(default_factory=dict, compare=False)  # front matter key → line, for messages


@pickled_by_values
@dataclass(frozen=True, slots=True)
class Role:
    """A position a leader held, with the dates they held it (None: unknown or still held)."""
    title: str
    start: dt.date | None = None
    end: dt.date | None = None


@pickled_by_values
@dataclass(frozen=True, slots=True)
class Leader:
    id: str
    name: str
    country: str
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    review: tuple[Review, ...] = ()


@pickled_by_values
@dataclass(frozen=True, slots=True)
class Event:
    id: str
    title: str
    kind: str
    start: dt.date | None = None
    end: dt.date | None = None
    place: str | None = None
    host: str | None = None  # country code of the host
    participants: tuple[str, ...] = ()  # leader ids
    review: tuple[Review, ...] = ()


@pickled_by_values
@dataclass(frozen=True, slots=True)
class Agreement:
    id: str
    title: str
    kind: str
    parties: tuple[str, ...] = ()
    period: str | None = None
    event: str | None = None
    date: dt.date | None = None
    witnesses: tuple[str, ...] = ()  # leader ids
    review: tuple[Review, ...] = ()


@pickled_by_values
@dataclass(frozen=True, slots=True)
class Diagnostic:
    """An error or warning found while importing or building, pointing at a file and line."""
    severity: str  # "error" or "warning"
    message: str
    file: str | None = None
    line: int | None = None
    step: str | None = None

    def __str__(self) -> str:
        where = self.file or ""
        if self.file and self.line:
            where += f":{self.line}"
        step = f"{self.step}: " if self.step else ""
        return f"{where + ': ' if where else ''}{step}{self.severity}: {self.message}"


def error(message: str, file: str | None = None, line: int | None = None, step: str | None = None) -> Diagnostic:
    """An error diagnostic."""
    return Diagnostic("error", message, file, line, step)


def warning(message: str, file: str | None = None, line: int | None = None, step: str | None = None) -> Diagnostic:
    """A warning diagnostic."""
    return Diagnostic("warning", message, file, line, step)
