"""Vietnamese text rules: one normal form on the way in, a folded form for matching, ASCII slugs."""
from __future__ import annotations

import functools
import re
import unicodedata

from .scan import Alternatives

# Spaces a scraper leaves behind that are not U+0020; zero-width ones are removed outright.
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"), " ")
_SPACES.update(dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None))
# U+00D0/U+00F0 (Icelandic eth) are pasted for Đ/đ by copy sites; the letters look the same.
_SPACES.update({0xD0: "Đ", 0xF0: "đ"})

_ODD = re.compile("[" + "".join(map(chr, _SPACES)) + "]")

_TONES = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng
# Old tone placement puts the mark on the second vowel of an open "oa", "oe", "uy" ("hoà", "thuỷ");
# the archive writes it on the first ("hòa", "thủy"), as most outlets do. "qu" is a consonant, so
# "quý" is left alone, and a closed syllable ("hoàn", "tuyến") is already unambiguous.
_OLD_TONE_NFD = re.compile(
    "(?i)(?<!q)(o)([ae])([" + _TONES + "])(?![\\w])|(?<!q)(u)(y)([" + _TONES + "])(?![\\w])"
)


_OLD_TONE_HINT = re.compile("(?i)[ou][àáảãạèéẻẽẹỳýỷỹỵ](?!\\w)")
# Where _OLD_TONE_NFD can match in NFC text: o then a letter that decomposes into a or e and a tone
# mark, u then one that decomposes into y and a tone mark; not followed by a letter ("hoà", not
# "toàn") unless one more mark follows the tone (ậ, ặ, ệ). tests/test_text.py checks the lists.
_TONED_AE = "ÀÁÃÈÉàáãèéẠạẢảẸẹẺẻẼẽ"
_TONED_AE_MORE = "ẬậẶặỆệ"
_TONED_Y = "ÝýỲỳỴỵỶỷỸỹ"
# One pattern per first letter (see scan.py): a whole page is looked at, and most hold no match.
_OLD_TONE_MAYBE = Alternatives(
    [re.compile(f"{o}(?:[{_TONED_AE}](?![A-Za-z0-9_])|[{_TONED_AE_MORE}])") for o in "oO"]
    + [re.compile(f"{u}[{_TONED_Y}](?![A-Za-z0-9_])") for u in "uU"])


def _move_tone(m: re.Match) -> str:
    if m.group(1) is not None:
        return m.group(1) + m.group(3) + m.group(2)
    return m.group(4) + m.group(6) + m.group(5)


def normalize(text: str, odd: bool | None = None) -> str:
    """Return text in the archive's one form: NFC, plain spaces, Đ not Ð, new tone placement, \\n.
    odd: whether text may hold an unusual space or character, when the caller has looked already."""
    if "\r" in text:  # (looked for alone: a two-character needle is searched for more slowly)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ODD.search(text) if odd is None else odd:  # rare, and translate() is slow on long texts
        text = text.translate(_SPACES)
    text = unicodedata.normalize("NFC", text)
    # Decomposing a whole page cost more than the rest of its normalisation, and a mark moves only
    # within a line ("\n" composes with nothing), so only the lines where one may move are decomposed.
    maybe = list(_OLD_TONE_MAYBE.finditer(text))
    if not maybe or not _OLD_TONE_HINT.search(text):  # the common case: nothing to move
        return text
    parts, done = [], 0
    for m in maybe:
        if m.start() < done:
            continue
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        parts += [text[done:start], _move_tones(text[start:end])]
        done = end
    parts.append(text[done:])
    return "".join(parts)


def _move_tones(text: str) -> str:
    nfd = unicodedata.normalize("NFD", text)
    nfd = _OLD_TONE_NFD.sub(_move_tone, nfd)
    return unicodedata.normalize("NFC", nfd)


@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in "đĐðÐ":
        return "d"
    if ch.isspace():
        return " "
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)).lower()
    return base if len(base) == 1 else ch


# Precomputed for the Latin letters Vietnamese (and French, Spanish) use, so folding is one
# C-level translate; other characters go through _fold_char.
_FOLD_TABLE = {cp: _fold_char(chr(cp)) for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00))}
_FOLD_TABLE.update({ord(c): " " for c in "\u00a0\u2000\u2001\u2002\u2003\u2009\u202f\u3000\t"})


_PLANE = 0x2500  # the scripts and signs of Vietnamese text and its neighbours' (Latin to ₫, №, ①)


@functools.lru_cache(maxsize=1)
def _fold_plane() -> list[str]:
    """What fold() makes of each character below _PLANE, as a list indexed by code point
    (translate's fastest table; half a megabyte). Made once, from the characters that fold to
    another: those with a lower case, a decomposition or white space, and đ/ð."""
    plane = [chr(c) for c in range(_PLANE)]
    for c, ch in enumerate(plane):
        if ch.isascii():  # as in a text that is not all ASCII: white space becomes a space
            plane[c] = " " if ch.isspace() else ch.lower()
        elif ch.lower() != ch or unicodedata.decomposition(ch) or ch.isspace() or ch in "đĐðÐ":
            folded = _fold_text(ch)
            plane[c] = folded if len(folded) == 1 else ch
    return plane


# What the table does not fold as folding the whole text would: characters beyond it, and Σ,
# whose lower case depends on the letter after it (σ or final ς).
_NOT_BY_CHARACTER = re.compile(f"[^\\x00-{chr(_PLANE - 1)}]|\u03a3")
_LONG = 200  # a text longer than this is folded with _fold_plane(): twice as fast, same result


def fold(text: str) -> str:
    """Lower-case text without diacritics (đ→d) for matching and search.

    One character in, one character out, so an offset in the folded text is an offset in the
    (NFC) original: matches found on folded text can be cut from the original.
    """
    if text.isascii():
        return text.lower()
    if len(text) > _LONG and not _NOT_BY_CHARACTER.search(text):
        return text.translate(_fold_plane())
    return _fold_text(text)


def _fold_text(text: str) -> str:
    folded = text.translate(_FOLD_TABLE).lower()
    if folded.isascii():
        return folded
    # The characters left (punctuation such as “ – …, other scripts) each once, not every character
    # of a long text; white space becomes a space as _fold_char says.
    rest = {ord(c): _fold_char(c) for c in set(folded) if not c.isascii() or c.isspace()}
    return folded.translate(rest)


# Every byte but a-z and 0-9 made a space: the runs of letters and digits are then what split() gives.
_NON_ALNUM_TO_SPACE = bytes(c if chr(c) in "abcdefghijklmnopqrstuvwxyz0123456789" else 0x20 for c in range(256))


def slugify(text: str, max_len: int = 80) -> str:
    """ASCII slug of text: 'Đà Nẵng' → 'da-nang'; cut at a word boundary within max_len."""
    # The runs of a-z and 0-9 of the folded text's ASCII, joined by '-' (re.sub("[^a-z0-9]+", "-",
    # …).strip("-"), without a match for each run between them: a tenth of the cost).
    slug = "-".join(fold(normalize(text)).encode("ascii", "ignore").translate(_NON_ALNUM_TO_SPACE).decode().split())
    if len(slug) > max_len:
        cut = slug[: max_len + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut[1:] else slug[:max_len]
        slug = slug.strip("-")
    return slug or "untitled"[:max(1, max_len)]  # never empty, never longer than asked


def collapse_spaces(line: str) -> str:
    """One space between words, none at the ends."""
    return " ".join(line.split())
