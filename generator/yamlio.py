"""YAML in and out: the C loader and dumper where PyYAML has them, one readable output style."""
from __future__ import annotations

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
