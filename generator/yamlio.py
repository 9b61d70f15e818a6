"""YAML in and out: the C loader and dumper where PyYAML has them, one readable output style."""
from __future__ import annotations

import datetime as dt
import functools
import re

import yaml

class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The safe loader, except that an impossible date ('2025-02-30') is a YAMLError with its line
    (PyYAML raises a bare ValueError without one, which would stop a whole build)."""


def _timestamp(loader, node):
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError as exc:
        raise yaml.constructor.ConstructorError(None, None, f"{node.value!r} is not a date ({exc})",
                                                node.start_mark) from None


Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Never writes anchors and aliases (&id001): files are edited by hand and appended to."""

    def ignore_aliases(self, data):
        return True


def load(text: str):
    """Parse one YAML document (raises yaml.YAMLError)."""
    return yaml.load(text, Loader=Loader)


def dump(data) -> str:
    """Readable UTF-8 YAML: keys in the given order, no line folding, block style."""
    return yaml.dump(
        data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=1_000_000,
        default_flow_style=False,
    )


def quick_dump(mapping: dict) -> str:
    """dump(mapping), written without PyYAML (a tenth of the time) when it holds only text of
    common characters, dates, None, and lists and mappings of those; else by dump()."""
    text = _block(mapping, "") if mapping else None
    return dump(mapping) if text is None else text


# Text made of these is written plain, or in single quotes, by PyYAML with this module's settings
# (no line folding); anything else is left to PyYAML (tests/test_yamlio.py compares them).
_SIMPLE_TEXT = re.compile(r"[\w .,;:()\-–—/%'\"“”‘’…!?&+]*")
_SIMPLE_FIRST = re.compile(r"[^\W_]|[(“‘]")
_RESOLVER = yaml.resolver.Resolver()
_STR = "tag:yaml.org,2002:str"


def reads_as_text(plain: str) -> bool:
    """Whether YAML reads this plain (unquoted) scalar back as text, not as null, a number, a date…"""
    resolvers = _RESOLVER.yaml_implicit_resolvers
    if plain and plain[0] not in resolvers and None not in resolvers and not _RESOLVER.yaml_path_resolvers:
        return True  # no implicit type starts with this character (resolve() would say str, slower)
    return _RESOLVER.resolve(yaml.ScalarNode, plain, (True, False)) == _STR


def simple_scalar(text: str) -> str | None:
    """text as PyYAML writes it in block context, when it is simple enough to tell; else None."""
    if not text or text[0] == " " or text[-1] == " " or not _SIMPLE_FIRST.match(text) \
            or not _SIMPLE_TEXT.fullmatch(text):
        return None
    if ": " in text or text.endswith(":") or not reads_as_text(text):
        return "'" + text.replace("'", "''") + "'"
    return text


# Keys and short values (the outlet, the language, a field name, an author) come back in every
# article an import writes: each is worked out once. Long texts (titles, leads) are not kept.
_short_scalar = functools.lru_cache(maxsize=4096)(simple_scalar)
_SHORT = 40


def _scalar(text: str) -> str | None:
    """simple_scalar(text), remembered for short texts."""
    return _short_scalar(text) if len(text) <= _SHORT else simple_scalar(text)


def _block(mapping: dict, indent: str) -> str | None:
    """A non-empty block mapping's lines at indent, as dump() writes them; None when any key or
    value is not simple. Sequences in a mapping are not indented (PyYAML's way)."""
    out = []
    for key, value in mapping.items():
        name = _scalar(key) if type(key) is str and len(key) < 100 else None
        if name is None:
            return None
        if value is None:
            out.append(f"{indent}{name}: null\n")
        elif type(value) is str:
            text = _scalar(value)
            if text is None:
                return None
            out.append(f"{indent}{name}: {text}\n")
        elif type(value) is dt.date:
            out.append(f"{indent}{name}: {value.isoformat()}\n")
        elif type(value) is dict:
            if not value:
                out.append(f"{indent}{name}: {{}}\n")
                continue
            inner = _block(value, indent + "  ")
            if inner is None:
                return None
            out.append(f"{indent}{name}:\n{inner}")
        elif type(value) is list:
            if not value:
                out.append(f"{indent}{name}: []\n")
                continue
            out.append(f"{indent}{name}:\n")
            for item in value:
                if type(item) is str:
                    text = _scalar(item)
                    if text is None:
                        return None
                    out.append(f"{indent}- {text}\n")
                elif type(item) is dict and item:
                    inner = _block(item, indent + "  ")
                    if inner is None:
                        return None
                    out.append(f"{indent}- {inner[len(indent) + 2:]}")
                else:
                    return None
        else:
            return None
    return "".join(out)


def error_line(exc: yaml.YAMLError) -> int | None:
    """1-based line of a YAML error, when PyYAML knows it."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return mark.line + 1 if mark is not None else None


def key_lines(text: str) -> dict[str, int]:
    """1-based line of each top-level key in a block mapping, for messages about a key's value."""
    lines = {}
    for n, line in enumerate(text.split("\n"), 1):
        if line and not line[0].isspace() and not line.startswith(("#", "-")) and ":" in line:
            key = line.split(":", 1)[0].strip().strip("'\"")
            lines.setdefault(key, n)
    return lines
