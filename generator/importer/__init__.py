"""The importer: a scraped page's text → an Article (pure; the store writes it)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import yamlio
from ..frontmatter import clean
from ..model import Article, Diagnostic, Leader, Review, error
from ..text import slugify
from . import blocks as B
from .cues import Cues, load_cues
from .dates import datelines, foreign_datelines, infer_year
from .decode import DecodeError, decode
from .page import walk
from .terms import terms_named

__all__ = ["Knowledge", "load_knowledge", "import_page", "import_bytes", "DecodeError"]


@dataclass(frozen=True)
class Knowledge:
    """What the importer knows beyond the page: outlet cues, calendar facts, leaders' terms."""
    cues: Cues
    calendar: dict = field(default_factory=dict)
    leaders: dict[str, Leader] = field(default_factory=dict)


def load_knowledge(data_dir: Path, leaders: dict[str, Leader] | None = None) -> Knowledge:
    """Read outlets.yaml and calendar.yaml from a content/data folder."""
    cal = data_dir / "calendar.yaml"
    calendar = yamlio.load(cal.read_text(encoding="utf-8")) if cal.exists() else {}
    return Knowledge(load_cues(data_dir / "outlets.yaml"), calendar or {}, leaders or {})


_LANG_WORDS = {
    "en": {"the", "and", "of", "to", "in", "with", "for", "on", "is", "will"},
    "fr": {"le", "la", "les", "des", "et", "du", "en", "une", "pour", "dans"},
    "es": {"el", "los", "las", "y", "del", "en", "una", "para", "con", "por"},
}
_VI_RE = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")


def language(text: str) -> str:
    """'vi' for Vietnamese, else the best of en/fr/es by common words."""
    # Enough Vietnamese letters in the first eighth already decide it, without lowering the rest
    # (İ is the one letter whose lower case is longer: it would shift the eighth).
    if "\u0130" not in text and len(_VI_RE.findall(text[:len(text) // 8].lower())) > len(text) / 60:
        return "vi"
    low = text.lower()
    if len(_VI_RE.findall(low)) > len(low) / 60:
        return "vi"
    words = re.findall(r"[a-zàâçéèêëîïôûùüÿñœ]+", low)
    scores = {lang: sum(w in common for w in words) for lang, common in _LANG_WORDS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] else "vi"


_LEADING_TIME = re.compile(
    r"^(?:(?:sáng sớm|rạng sáng|sáng|trưa|chiều|tối|đêm|ngày|hôm nay|hôm qua)(?:\s+nay)?\s*(?:ngày\s*)?"
    r"\(?\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?\)?\s*,\s*)", re.I)


_INTRO = re.compile(r"(?i)^(?:tại|trong|nhân|theo|sau|trước|nhận lời mời|tiếp theo|cùng ngày|về|với)\b")
_SAYS = re.compile(r"(?i)^[^,]{0,80}\bcho biết\s*,\s*")


def derive_title(lead: str) -> str:
    """A title from the lead's first sentence: its dateline and introductory clause dropped ("Ngày
    26/1, tại cuộc hội kiến với …, "), the main clause kept, cut at a clause near 25 words."""
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ])", lead.strip(), maxsplit=1)[0].rstrip(" .")
    sentence = _SAYS.sub("", _LEADING_TIME.sub("", sentence))
    if _INTRO.match(sentence):
        # The main clause starts after the last comma that is followed by a capitalised word and
        # leaves at least ten words; commas inside the intro's titles ("Tổng Bí thư, Chủ tịch
        # nước") are passed over because the main clause is what remains after the last one.
        # Tried from the end and stopped at the first that qualifies: counting the words after
        # every comma would be quadratic on a page that is one long sentence.
        for m in reversed(list(re.finditer(r",\s+(?=[A-ZĐÀ-Ỹ])", sentence))):
            if len(sentence[m.end():].split()) >= 10:
                sentence = sentence[m.end():]
                break
    words = sentence.split()
    if len(words) > 25:
        cut = " ".join(words[:25])
        for sep in (" và ", "; ", ", "):
            k = cut.rfind(sep)
            if k > len(cut) // 2:
                cut = cut[:k]
                break
        sentence = cut.rstrip(" ,;") + "…"
    return sentence[:1].upper() + sentence[1:]


def _resolve_date(page, content_text: str, know: Knowledge) -> tuple[dt.date | None, list[Review], str | None]:
    """The article's date and review marks; (None, [], message) when the page gives no date at all."""
    if page.scraper_date and page.scraper_date[2]:
        y, m, d = page.scraper_date
        try:
            return dt.date(y, m, d), [], None
        except ValueError:
            pass
    if page.stamp:
        return page.stamp, [], None
    found = datelines(content_text)
    lines = found or foreign_datelines(content_text)
    if page.scraper_date:  # the page gives the month only
        y, m, _ = page.scraper_date
        for dl in lines:
            if dl.month == m and (dl.year in (None, y)):
                return dt.date(y, m, dl.day), [Review("date", f"the page gives only {y}-{m:02d}; the day is "
                                                  f"the event's, from \"{dl.text.strip()}\"")], None
        return dt.date(y, m, 1), [Review("date", f"the page gives only {y}-{m:02d}; the day (1) is a placeholder")], None
    if not lines:
        return None, [], "no date: the page has no date line and its text gives no day (e.g. 'Ngày 4/12')"
    first = lines[0]
    if first.year:
        return dt.date(first.year, first.month, first.day), [], None
    ev = infer_year(first.day, first.month, content_text, know.calendar, terms_named(content_text, know.leaders), found)
    if ev.year is None:
        return None, [], (f"no year: the page has no date line, the text gives \"{first.text.strip()}\" "
                          f"without a year, and {ev.reason}")
    try:
        date = dt.date(ev.year, first.month, first.day)
    except ValueError:
        return None, [], f"\"{first.text.strip()}\" is not a date in {ev.year}"
    return date, [Review("date", f"no publication date on the page; the day is the event's "
                                 f"(\"{first.text.strip()}\") and the year {ev.year} is inferred from {ev.reason}")], None


# Every character the cleaning and normalising of a page may change: control characters, unusual
# spaces and line ends, Ð. A page with none (most) is looked at once here, instead of once per step.
_UNUSUAL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\xa0\xad\xd0\xf0\u1680\u2000-\u200f\u2028-\u202f"
                      "\u205f-\u206f\u3000\ud800-\udfff\ufeff\ufffe\uffff]")


def _is_plain(text: str) -> bool:
    """_UNUSUAL.search(text) is None."""
    # _UNUSUAL starts with a set of characters the engine tests each character against (~60
    # instructions a character); isprintable() (~25) is False for all of them (and more) but Ð, ð
    # and "\n": a page it finds printable needs no search.
    if text.replace("\n", " ").isprintable():
        return "\xd0" not in text and "\xf0" not in text
    return _UNUSUAL.search(text) is None


def import_page(text: str, raw_name: str, know: Knowledge) -> tuple[Article | None, list[Diagnostic]]:
    """Turn one page's text into an Article without entities; None and an error when it has none."""
    plain = _is_plain(text)
    if not plain:
        # Control characters would reach the front matter and make the feeds ill-formed XML.
        text = clean(text.replace("\x0b", " ").replace("\x0c", "\n"))
    page = walk(text, know.cues, plain)
    if not page.lead and not page.body:
        return None, [error("no article text found in the page", raw_name, None, "import")]
    body, more_captions = B.blocks(page.body, know.cues.caption_starts)
    captions = page.captions + [c for c in more_captions if c not in page.captions]
    lead = page.lead or B.unescape(next((b for b in body if not b.startswith(("## ", "- "))), ""))
    content_text = "\n".join([page.title or "", page.lead or "", *page.body])
    review: list[Review] = []
    title = page.title
    if not title:
        title = derive_title(lead or page.body[0])
        review.append(Review("title", "the page has no title; this one is made from the lead's first sentence"))
    date, date_review, problem = _resolve_date(page, content_text, know)
    if date is None:
        return None, [error(problem + "; add a ' date YYYY-MM-DD' first line to the raw page", raw_name, None, "import")]
    review += date_review
    if page.outlet is None:
        review.append(Review("source", "the outlet was not recognised (add it to content/data/outlets.yaml)"))
    slug = f"{date.isoformat()}-{slugify(title, 70)}"
    article = Article(
        slug=slug, title=title, date=date, body="\n\n".join(body), source=page.outlet.name if page.outlet else None,
        source_url=page.source_url, author=page.author, lead=lead or None, captions=tuple(captions), language=language(content_text),
        raw=raw_name, review=tuple(review),
    )
    return article, []


def import_bytes(data: bytes, raw_name: str, know: Knowledge) -> tuple[Article | None, list[Diagnostic]]:
    """Decode a raw file's bytes and import it; undecodable input is an error naming the file."""
    try:
        text, _ = decode(data)
    except DecodeError as exc:
        return None, [error(str(exc), raw_name, None, "import")]
    return import_page(text, raw_name, know)
