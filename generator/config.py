"""The site's settings: content/site.yaml, each key with a documented default; CLI flags override."""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path

import yaml

from . import yamlio
from .model import Diagnostic, error, warning


@dataclass(frozen=True)
class SiteConfig:
    title: str = "Lưu trữ quan hệ Việt Nam – Lào"
    """Site name, shown in every page header and in feeds."""
    description: str = "Kho lưu trữ tin tức về quan hệ đặc biệt Việt Nam – Lào: lãnh đạo, sự kiện, văn kiện."
    """One sentence used in meta descriptions and the feed subtitle."""
    base_url: str = "/"
    """Where the site is served: '/' for a domain root, or 'https://user.github.io/repo/'."""
    language: str = "vi"
    """The interface language (BCP 47), written to <html lang>."""
    per_page: int = 50
    """How many items a list page shows before it is split into pages."""
    feed_size: int = 30
    """How many entries each Atom feed carries."""

    @property
    def base_path(self) -> str:
        """The base URL's path, always starting and ending with '/': '/repo/' or '/'."""
        url = self.base_url
        if "://" in url:
            url = "/" + url.split("://", 1)[1].partition("/")[2]
        return "/" + url.strip("/") + "/" if url.strip("/") else "/"

    @property
    def origin(self) -> str:
        """Scheme and host of an absolute base URL ('' when the base is only a path)."""
        if "://" not in self.base_url:
            return ""
        scheme, rest = self.base_url.split("://", 1)
        return f"{scheme}://{rest.partition('/')[0]}"


def load(content_dir: Path, **overrides) -> tuple[SiteConfig, list[Diagnostic]]:
    """Read content/site.yaml (missing file: defaults) and apply non-None overrides."""
    path = content_dir / "site.yaml"
    diags: list[Diagnostic] = []
    values: dict = {}
    if path.exists():
        try:
            data = yamlio.load(path.read_text(encoding="utf-8")) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            data = {}
            diags.append(error(f"not valid YAML: {exc}", str(path), yamlio.error_line(exc) if isinstance(exc, yaml.YAMLError) else None, "config"))
        if not isinstance(data, dict):
            diags.append(error("expected a mapping of settings", str(path), 1, "config"))
            data = {}
        known = {f.name: f for f in fields(SiteConfig)}
        for key, value in data.items():
            if key not in known:
                diags.append(warning(f"unknown setting {key!r} ignored", str(path), None, "config"))
            elif key in ("per_page", "feed_size") and not (isinstance(value, int) and value > 0):
                diags.append(error(f"{key} must be a positive whole number", str(path), None, "config"))
            else:
                values[key] = value if isinstance(value, int) and key in ("per_page", "feed_size") else str(value)
    values.update({k: v for k, v in overrides.items() if v is not None})
    return replace(SiteConfig(), **values), diags
