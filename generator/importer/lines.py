"""Line classes of a scraped page: what a single line is, judged by its shape and the outlet cues."""
from __future__ import annotations

import re

from ..text import fold
from .cues import Cues, domain_match
from .dates import stamp_date

BLANK, STAMP, HOTLINE, FURNITURE, DOMAIN, URL, PLACEHOLDER, IMAGE, TRAILER, SLUGLINK, DOUBLED, TEXT = (
    "blank", "stamp", "hotline", "furniture", "domain", "url", "placeholder", "image", "trailer", "sluglink",
    "doubled", "text")

# "https://nhandan.vn/…-post123.html" or "Nguồn: https://…" alone on a line: where the page came from.
_URL_LINE = re.compile(r"^(?:(?:Nguồn|Source|Link|URL|Theo)\s*:?\s*)?(https?://([^/\s]+)/\S*)$", re.I)

# "Tổng Bí thư hội đàm ... - Ảnh 1." : the alt text of an image, repeated by the scraper.
_PLACEHOLDER = re.compile(r"\s[-–]\s*(?:Ảnh|Hình|Photo|Image)\s*\d+\.?$", re.I)
_MD_IMAGE = re.compile(r"^!\[([^\]]*)\]\([^)]*\)\s*\|?\s*(.*)$")
# An image's file name or alt slug pasted before a headline: "viet nam lao hop uy ban ... Hai Thủ tướng …"
_SLUG_PREFIX = re.compile(r"^(?:[a-z0-9]+ ){4,}[a-z0-9]+(?: |$)")
_ASCII_WORDS = re.compile(r"^[a-z0-9 ]+$")
# (?<!\s): a match starts at the first space of a run, so a long run of spaces is scanned once, not
# once from each of its spaces (quadratic).
_GLUED_IMAGE = re.compile(r"(?<!\s)\s*\bhinh anh \d+\s*", re.I)
_SENTENCE_END = re.compile(r"[.!?…;:\"”'’)\]]\s*$|\./\.$")


def _placeholder(line: str) -> bool:
    # _PLACEHOLDER ends with a digit, or a digit and '.', before a last newline if any: other
    # lines (most end with a word and '.') need no search.
    last = len(line) - 1 - line.endswith("\n")
    if line[last:last + 1] == ".":
        last -= 1
    return last >= 0 and line[last].isdecimal() and _PLACEHOLDER.search(line) is not None


_WORD = re.compile(r"\w+")


def words(line: str) -> list[str]:
    """The words of a line (letters and digits)."""
    return _WORD.findall(line)


# "At least n words", by one match that passes over them (possessive: a word is never taken as
# two) and stops at the n-th, instead of a list of every word: 1-2 µs for a paragraph of 400
# characters against 11 µs for words().
_AT_LEAST: dict[int, re.Pattern] = {}


def has_words(line: str, n: int) -> bool:
    """len(words(line)) >= n."""
    pattern = _AT_LEAST.get(n)
    if pattern is None:
        pattern = _AT_LEAST[n] = re.compile(r"(?:\W*+\w++){%d}" % n)
    return pattern.match(line) is not None


def doubled(line: str) -> bool:
    """True when a line is one text written twice ('A headline A headline'): a scraped link."""
    n = len(line)
    if n < 20:
        return False
    half = (n - 1) // 2
    return n % 2 == 1 and line[half] == " " and line[:half] == line[half + 1:] and has_words(line[:half], 3)


def split_glued(line: str) -> list[str]:
    """Split a headline glued to a caption by an image marker ('… 6-7 hinh anh 1Lao Prime …')."""
    if "inh anh" not in line:
        return [line]
    parts = _GLUED_IMAGE.split(line)
    return [p.strip() for p in parts if p.strip()] if len(parts) > 1 else [line]


def classify(line: str, cues: Cues, low: str | None = None) -> str:
    """The class of one stripped, normalised line, judged alone (low: line.lower(), when the caller has it)."""
    if not line:
        return BLANK
    if stamp_date(line):
        return STAMP
    if cues.hotlines and cues.hotlines.match(line, low):
        return HOTLINE
    if domain_match(cues, line):
        return DOMAIN
    if _URL_LINE.match(line):
        return URL
    if _MD_IMAGE.match(line):
        return IMAGE
    if cues.furniture and cues.furniture.match(line, low):
        return FURNITURE
    if _placeholder(line):
        return PLACEHOLDER
    if len(line) <= 60 and _trailer_sized(line, cues) and fold(line).strip(" :.") in cues.trailers:
        return TRAILER
    if _SLUG_PREFIX.match(line) and (not line.isascii() or _ASCII_WORDS.match(line)):
        return SLUGLINK
    if doubled(line):
        return DOUBLED
    return TEXT


def _trailer_sized(line: str, cues: Cues) -> bool:
    """False when fold(line).strip(" :.") is too long or too short for a trailer (told without folding)."""
    # fold() gives one character for one, and only white space, ':' and '.' fold to ' ', ':' or
    # '.': unless white space ends what strip(" :.") leaves of the line, the key is as long.
    core = line.strip(" :.")
    return len(core) in cues.trailer_lengths or core[:1].isspace() or core[-1:].isspace()


def url(line: str) -> tuple[str, str]:
    """(the URL, its host without 'www.') of a URL line."""
    m = _URL_LINE.match(line)
    return m.group(1), m.group(2).lower().removeprefix("www.")


def image_alt(line: str) -> str:
    """The alt text (or the text after it) of a Markdown image line, '' when there is none."""
    m = _MD_IMAGE.match(line)
    if not m:
        return ""
    return (m.group(1) or m.group(2) or "").strip(" |")


def credit(line: str, cues: Cues) -> bool:
    """True when the line ends with a photo credit ('(Ảnh: TTXVN)', 'Ảnh: Hải Long.', 'ẢNH: TTXVN')."""
    tail = line[-120:]
    # The credit patterns are tried at every place of the tail (their alternation gives the engine
    # no first character to skip to): most lines hold none of the characters every credit holds.
    if cues.credit_needs is not None:
        for c in cues.credit_needs:
            if c in tail:
                break
        else:
            return False
    return bool(cues.credit and cues.credit.search(tail)) and has_words(line, 3)


_ENDS = frozenset(".!?…;:\"”'’)]")  # the characters _SENTENCE_END ends with


def terminated(line: str) -> bool:
    """True when a line ends like a sentence (or a list item, or a quotation)."""
    # _SENTENCE_END, read from the end: its last character, then only white space ("./." ends with '.').
    return line.rstrip()[-1:] in _ENDS


_BYLINE_TAIL = re.compile(r"(?<!\s)\s*(?:\|+|\((?:tổng hợp|TH|lược dịch|theo [^)]{1,30})\)|[-–/]\s*(?:TTXVN|VNA|[A-ZĐ]{2,8}))\s*$", re.I)
_TAIL_END = re.compile(r"[|)]|[A-ZĐ]", re.I)  # the last character of every _BYLINE_TAIL


def byline(line: str) -> str | None:
    """The author's name when a line is a byline ('Dương Ngọc', 'BÍCH QUYÊN', 'Thanh Hà |',
    'Mạnh Đức (tổng hợp)'), else None."""
    # Asked of every body line; most end with a full stop, which ends no tail: the tail pattern,
    # tried at every space of the line, is run only when the last character may end one.
    last = line.rstrip()[-1:]
    core = (_BYLINE_TAIL.sub("", line) if last and _TAIL_END.match(last) else line).strip(" |-–")
    if len(core) > 40:
        return None
    ws = core.split()
    if not 2 <= len(ws) <= 5:
        return None
    if any(not w[0].isupper() or not w.replace("-", "").isalpha() for w in ws):
        return None
    if core.isupper() or all(w[:1].isupper() and (w[1:].islower() or not w[1:]) for w in ws):
        return " ".join(w.capitalize() for w in ws) if core.isupper() else core
    return None


_AGENCY = re.compile(r"[A-ZĐ]{2,8}(?:/[A-ZĐ]{2,8})?")


def agency_line(line: str) -> bool:
    """True for a lone agency credit at the end of a story ('VNA', 'TTXVN')."""
    return bool(_AGENCY.fullmatch(line.strip()))
