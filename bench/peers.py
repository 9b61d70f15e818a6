"""The synthetic archive as a Hugo site and as a Pelican site, so the peers do comparable work.

Both get the same articles (same Markdown body), the same registries, and templates of about
our weight: a base with head meta, header, navigation and footer; article pages with the
leaders, events and agreements they report (names looked up in the registry data); paginated
list and term pages; Atom/RSS feeds. Hugo: taxonomies leaders/events/agreements (front matter
keys as ours), registry in data/, related articles, a JSON search index. Pelican (which has tags,
one category and authors): tags are leaders, the category is the first event, authors are
agreements; the registry is read by pelicanconf.py with PyYAML for the names.
URLs follow ours: bai-viet/<slug>/, lanh-dao/<id>/, su-kien/<id>/, van-kien/<id>/.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from bench.synth import write_registry
from generator.model import Article
from generator.registry import Registry

SITE_TITLE = "Lưu trữ quan hệ Việt Nam – Lào (dữ liệu thử)"
KINDS = {"leaders": "lanh-dao", "events": "su-kien", "agreements": "van-kien"}


def _fresh(root: Path) -> None:
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _yaml_str(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML scalar


HUGO_CONFIG = """\
baseURL: /
languageCode: vi
defaultContentLanguage: vi
title: {title}
enableRobotsTXT: true
disableKinds: []
taxonomies:
  leader: leaders
  event: events
  agreement: agreements
permalinks:
  page:
    articles: /bai-viet/:slug/
  section:
    articles: /bai-viet/
  term:
    leaders: /lanh-dao/:slug/
    events: /su-kien/:slug/
    agreements: /van-kien/:slug/
  taxonomy:
    leaders: /lanh-dao/
    events: /su-kien/
    agreements: /van-kien/
pagination:
  pagerSize: 50
outputs:
  home: [HTML, RSS, JSON]
  section: [HTML, RSS]
  taxonomy: [HTML]
  term: [HTML, RSS]
related:
  includeNewer: true
  threshold: 10
  toLower: false
  indices:
    - name: events
      weight: 100
    - name: leaders
      weight: 80
markup:
  goldmark:
    renderer:
      unsafe: false
"""

# Hugo ≥ 0.146 template layout (layouts/page.html, term.html, …; _default/ is not consulted for terms).
HUGO_LAYOUTS = {
    "baseof.html": """\
<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
<meta name="description" content="{{ with .Params.lead }}{{ . }}{{ else }}{{ site.Title }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" title="{{ site.Title }}" href="{{ .RelPermalink }}">{{ end }}
<meta property="og:site_name" content="{{ site.Title }}">
<meta property="og:title" content="{{ .Title }}">
<meta property="og:type" content="{{ if .IsPage }}article{{ else }}website{{ end }}">
<meta property="og:url" content="{{ .Permalink }}">
<meta property="og:locale" content="vi_VN">
</head>
<body>
<a class="skip-link" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
<header class="site-header">
  <p class="site-title"><a href="{{ "" | relURL }}">{{ site.Title }}</a></p>
  <nav class="site-nav" aria-label="Mục chính"><ul>
    <li><a href="{{ "bai-viet/" | relURL }}">Bài viết</a></li>
    <li><a href="{{ "lanh-dao/" | relURL }}">Lãnh đạo</a></li>
    <li><a href="{{ "su-kien/" | relURL }}">Sự kiện</a></li>
    <li><a href="{{ "van-kien/" | relURL }}">Văn kiện</a></li>
  </ul></nav>
</header>
<main id="noi-dung">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer"><p>{{ site.Title }} — lưu trữ công khai; bản quyền các bài viết thuộc về cơ quan báo chí đã đăng.</p></footer>
</body>
</html>
""",
    "page.html": """\
{{ define "main" }}
<article class="article">
  <h1>{{ .Title }}</h1>
  <p class="byline">{{ .Date.Format "02/01/2006" }} · {{ .Params.source }}{{ with .Params.author }} · {{ . }}{{ end }}</p>
  {{ with .Params.lead }}<p class="lead">{{ . }}</p>{{ end }}
  <div class="body">{{ .Content }}
  {{ range .Params.captions }}<figure class="caption"><figcaption>{{ . }}</figcaption></figure>{{ end }}
  </div>
</article>
<aside class="sidebar">
  {{ with .Params.leaders }}<section><h2>Lãnh đạo</h2><ul>{{ range . }}{{ $l := index site.Data.leaders . }}
    <li><a href="{{ printf "lanh-dao/%s/" . | relURL }}">{{ with $l }}{{ .name }}{{ else }}{{ $.Title }}{{ end }}</a></li>{{ end }}</ul></section>{{ end }}
  {{ with .Params.events }}<section><h2>Sự kiện</h2><ul>{{ range . }}{{ $e := index site.Data.events . }}
    <li><a href="{{ printf "su-kien/%s/" . | relURL }}">{{ with $e }}{{ .title }}{{ end }}</a></li>{{ end }}</ul></section>{{ end }}
  {{ with .Params.agreements }}<section><h2>Văn kiện</h2><ul>{{ range . }}{{ $a := index site.Data.agreements . }}
    <li><a href="{{ printf "van-kien/%s/" . | relURL }}">{{ with $a }}{{ .title }}{{ end }}</a></li>{{ end }}</ul></section>{{ end }}
  {{ $related := site.RegularPages.Related . | first 5 }}
  {{ with $related }}<section><h2>Bài liên quan</h2><ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></section>{{ end }}
  <nav class="prev-next">{{ with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
  {{ with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
</aside>
{{ end }}
""",
    "list.html": """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ $pager := .Paginate .Pages.ByDate.Reverse }}
<ul class="article-list">{{ range $pager.Pages }}
  <li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "02/01/2006" }}</time><p>{{ .Params.lead }}</p></li>{{ end }}
</ul>
{{ partial "pager.html" $pager }}
{{ end }}
""",
    "taxonomy.html": """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ $kind := .Data.Plural }}
<ul class="term-list">{{ range .Data.Terms.Alphabetical }}{{ $d := index site.Data $kind .Name }}
  <li><a href="{{ .Page.RelPermalink }}">{{ with $d }}{{ or .name .title }}{{ else }}{{ .Name }}{{ end }}</a> ({{ .Count }})</li>{{ end }}
</ul>
{{ end }}
""",
    "term.html": """\
{{ define "main" }}
{{ $d := index site.Data .Data.Plural .Data.Term }}
{{ with $d }}
<h1>{{ or .name .title }}</h1>
{{ with .roles }}<ul class="roles">{{ range . }}<li>{{ .title }} {{ .from }}–{{ .to }}</li>{{ end }}</ul>{{ end }}
{{ with .participants }}<p>Thành phần: {{ range . }}<a href="{{ printf "lanh-dao/%s/" . | relURL }}">{{ with index site.Data.leaders . }}{{ .name }}{{ end }}</a> {{ end }}</p>{{ end }}
{{ with .witnesses }}<p>Chứng kiến: {{ range . }}<a href="{{ printf "lanh-dao/%s/" . | relURL }}">{{ with index site.Data.leaders . }}{{ .name }}{{ end }}</a> {{ end }}</p>{{ end }}
{{ else }}<h1>{{ .Title }}</h1>{{ end }}
{{ $pager := .Paginate .Pages.ByDate.Reverse }}
<ul class="article-list">{{ range $pager.Pages }}
  <li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "02/01/2006" }}</time></li>{{ end }}
</ul>
{{ partial "pager.html" $pager }}
{{ end }}
""",
    "home.html": """\
{{ define "main" }}
<h1>{{ site.Title }}</h1>
<section><h2>Bài mới</h2><ul class="article-list">{{ range first 20 (where site.RegularPages "Section" "articles").ByDate.Reverse }}
  <li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "02/01/2006" }}</time></li>{{ end }}</ul></section>
<section><h2>Sự kiện</h2><ul>{{ range first 10 site.Taxonomies.events.ByCount }}{{ $e := index site.Data.events .Name }}
  <li><a href="{{ .Page.RelPermalink }}">{{ with $e }}{{ .title }}{{ end }}</a></li>{{ end }}</ul></section>
{{ end }}
""",
    "home.json": """\
{{- $items := slice -}}
{{- range where site.RegularPages "Section" "articles" -}}
{{- $items = $items | append (dict "title" .Title "url" .RelPermalink "date" (.Date.Format "2006-01-02") "leaders" .Params.leaders "events" .Params.events "agreements" .Params.agreements "lead" .Params.lead) -}}
{{- end -}}
{{- $items | jsonify -}}
""",
    "_partials/pager.html": """\
{{ if gt .TotalPages 1 }}<nav class="pager">{{ with .Prev }}<a rel="prev" href="{{ .URL }}">Trang trước</a>{{ end }}
 Trang {{ .PageNumber }}/{{ .TotalPages }} {{ with .Next }}<a rel="next" href="{{ .URL }}">Trang sau</a>{{ end }}</nav>{{ end }}
""",
}

CSS = "body{font-family:sans-serif;max-width:60rem;margin:auto;padding:1rem}.sidebar{font-size:.9rem}\n"


class HugoWriter:
    """A Hugo site: hugo.yaml, content/articles/*.md, data/*.yaml, layouts/, static/style.css."""

    def __init__(self, root: Path):
        self.root = root

    def start(self, reg: Registry) -> None:
        _fresh(self.root)
        _write(self.root / "hugo.yaml", HUGO_CONFIG.format(title=_yaml_str(SITE_TITLE)))
        for name, text in HUGO_LAYOUTS.items():
            _write(self.root / "layouts" / name, text)
        _write(self.root / "static" / "style.css", CSS)
        (self.root / "data").mkdir()
        write_registry(reg, self.root / "data")
        _write(self.root / "content" / "articles" / "_index.md", "---\ntitle: Bài viết\n---\n")
        for kind, title in (("leaders", "Lãnh đạo"), ("events", "Sự kiện"), ("agreements", "Văn kiện")):
            _write(self.root / "content" / kind / "_index.md", f"---\ntitle: {title}\n---\n")

    def add(self, article: Article, raw: str) -> None:
        lines = ["---", f"title: {_yaml_str(article.title)}", f"date: {article.date.isoformat()}",
                 f"slug: {article.slug}", f"source: {_yaml_str(article.source or '')}",
                 f"author: {_yaml_str(article.author or '')}", f"lead: {_yaml_str(article.lead or '')}",
                 "captions:", *[f"  - {_yaml_str(c)}" for c in article.captions]]
        for key in ("leaders", "events", "agreements"):
            ids = getattr(article, key)
            lines += [f"{key}: []"] if not ids else [f"{key}:", *[f"  - {i}" for i in ids]]
        text = "\n".join(lines) + "\n---\n\n" + article.body + "\n"
        (self.root / "content" / "articles" / f"{article.slug}.md").write_text(text, encoding="utf-8")

    def finish(self) -> None:
        """Every article file was written as it came."""


PELICAN_CONF = """\
# Pelican settings for the synthetic archive (generated by bench/peers.py).
from pathlib import Path

import yaml

_DATA = Path(__file__).parent / "data"
_load = lambda name: yaml.load((_DATA / name).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {{}}
LEADERS = _load("leaders.yaml")
EVENTS = _load("events.yaml")
AGREEMENTS = _load("agreements.yaml")

SITENAME = {title}
SITEURL = ""
AUTHOR = ""
PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = []
STATIC_PATHS = []
THEME = "theme"
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
DEFAULT_DATE_FORMAT = "%d/%m/%Y"
DEFAULT_CATEGORY = "khong-su-kien"
USE_FOLDER_AS_CATEGORY = False
DEFAULT_PAGINATION = 50
RELATIVE_URLS = False
ARTICLE_URL = "bai-viet/{{slug}}/"
ARTICLE_SAVE_AS = "bai-viet/{{slug}}/index.html"
TAG_URL = "lanh-dao/{{slug}}/"
TAG_SAVE_AS = "lanh-dao/{{slug}}/index.html"
TAGS_SAVE_AS = "lanh-dao/index.html"
CATEGORY_URL = "su-kien/{{slug}}/"
CATEGORY_SAVE_AS = "su-kien/{{slug}}/index.html"
CATEGORIES_SAVE_AS = "su-kien/index.html"
AUTHOR_URL = "van-kien/{{slug}}/"
AUTHOR_SAVE_AS = "van-kien/{{slug}}/index.html"
AUTHORS_SAVE_AS = "van-kien/index.html"
ARCHIVES_SAVE_AS = "bai-viet/index.html"
YEAR_ARCHIVE_SAVE_AS = "dong-thoi-gian/{{date:%Y}}/index.html"
FEED_DOMAIN = "https://example.org"
FEED_ALL_ATOM = "feed.xml"
CATEGORY_FEED_ATOM = "su-kien/{{slug}}/feed.xml"
TAG_FEED_ATOM = "lanh-dao/{{slug}}/feed.xml"
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
DIRECT_TEMPLATES = ["index", "tags", "categories", "authors", "archives"]
"""

PELICAN_THEME = {
    "base.html": """\
<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% block title %}{{ SITENAME }}{% endblock %}</title>
<meta name="description" content="{% block description %}{{ SITENAME }}{% endblock %}">
<link rel="stylesheet" href="{{ SITEURL }}/theme/style.css">
<link rel="alternate" type="application/atom+xml" title="{{ SITENAME }}" href="{{ SITEURL }}/{{ FEED_ALL_ATOM }}">
<meta property="og:site_name" content="{{ SITENAME }}">
<meta property="og:title" content="{{ self.title() }}">
<meta property="og:locale" content="vi_VN">
</head>
<body>
<a class="skip-link" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
<header class="site-header">
  <p class="site-title"><a href="{{ SITEURL }}/">{{ SITENAME }}</a></p>
  <nav class="site-nav" aria-label="Mục chính"><ul>
    <li><a href="{{ SITEURL }}/bai-viet/">Bài viết</a></li>
    <li><a href="{{ SITEURL }}/lanh-dao/">Lãnh đạo</a></li>
    <li><a href="{{ SITEURL }}/su-kien/">Sự kiện</a></li>
    <li><a href="{{ SITEURL }}/van-kien/">Văn kiện</a></li>
  </ul></nav>
</header>
<main id="noi-dung">
{% block content %}{% endblock %}
</main>
<footer class="site-footer"><p>{{ SITENAME }} — lưu trữ công khai; bản quyền các bài viết thuộc về cơ quan báo chí đã đăng.</p></footer>
</body>
</html>
""",
    "article.html": """\
{% extends "base.html" %}
{% block title %}{{ article.title }} · {{ SITENAME }}{% endblock %}
{% block description %}{{ article.summary|striptags }}{% endblock %}
{% block content %}
<article class="article">
  <h1>{{ article.title }}</h1>
  <p class="byline">{{ article.locale_date }} · {{ article.source }} · {{ article.byline }}</p>
  <div class="body">{{ article.content }}
  {% for c in article.captions.split(" | ") if article.captions %}<figure class="caption"><figcaption>{{ c }}</figcaption></figure>{% endfor %}
  </div>
</article>
<aside class="sidebar">
  {% if article.tags %}<section><h2>Lãnh đạo</h2><ul>{% for t in article.tags %}
    <li><a href="{{ SITEURL }}/{{ t.url }}">{{ LEADERS.get(t.slug, {}).get("name", t.name) }}</a></li>{% endfor %}</ul></section>{% endif %}
  {% if article.category.slug != DEFAULT_CATEGORY %}<section><h2>Sự kiện</h2><ul>
    <li><a href="{{ SITEURL }}/{{ article.category.url }}">{{ EVENTS.get(article.category.slug, {}).get("title", article.category.name) }}</a></li></ul></section>{% endif %}
  {% if article.authors %}<section><h2>Văn kiện</h2><ul>{% for a in article.authors %}
    <li><a href="{{ SITEURL }}/{{ a.url }}">{{ AGREEMENTS.get(a.slug, {}).get("title", a.name) }}</a></li>{% endfor %}</ul></section>{% endif %}
</aside>
{% endblock %}
""",
    "_list.html": """\
<ul class="article-list">{% for article in articles_page.object_list %}
  <li><a href="{{ SITEURL }}/{{ article.url }}">{{ article.title }}</a> <time>{{ article.locale_date }}</time><p>{{ article.summary|striptags }}</p></li>{% endfor %}
</ul>
{% if articles_page.has_other_pages() %}<nav class="pager">
{% if articles_page.has_previous() %}<a rel="prev" href="{{ SITEURL }}/{{ articles_previous_page.url }}">Trang trước</a>{% endif %}
 Trang {{ articles_page.number }}/{{ articles_paginator.num_pages }}
{% if articles_page.has_next() %}<a rel="next" href="{{ SITEURL }}/{{ articles_next_page.url }}">Trang sau</a>{% endif %}</nav>{% endif %}
""",
    "index.html": """\
{% extends "base.html" %}
{% block content %}<h1>{{ SITENAME }}</h1>{% include "_list.html" %}{% endblock %}
""",
    "tag.html": """\
{% extends "base.html" %}
{% block title %}{{ LEADERS.get(tag.slug, {}).get("name", tag.name) }} · {{ SITENAME }}{% endblock %}
{% block content %}{% set d = LEADERS.get(tag.slug, {}) %}
<h1>{{ d.get("name", tag.name) }}</h1>
<ul class="roles">{% for r in d.get("roles", []) %}<li>{{ r.title }} {{ r.get("from", "") }}–{{ r.get("to", "") }}</li>{% endfor %}</ul>
{% include "_list.html" %}{% endblock %}
""",
    "category.html": """\
{% extends "base.html" %}
{% block title %}{{ EVENTS.get(category.slug, {}).get("title", category.name) }} · {{ SITENAME }}{% endblock %}
{% block content %}{% set d = EVENTS.get(category.slug, {}) %}
<h1>{{ d.get("title", category.name) }}</h1>
<p>Thành phần: {% for p in d.get("participants", []) %}<a href="{{ SITEURL }}/lanh-dao/{{ p }}/">{{ LEADERS.get(p, {}).get("name", p) }}</a> {% endfor %}</p>
{% include "_list.html" %}{% endblock %}
""",
    "author.html": """\
{% extends "base.html" %}
{% block title %}{{ AGREEMENTS.get(author.slug, {}).get("title", author.name) }} · {{ SITENAME }}{% endblock %}
{% block content %}{% set d = AGREEMENTS.get(author.slug, {}) %}
<h1>{{ d.get("title", author.name) }}</h1>
<p>Chứng kiến: {% for p in d.get("witnesses", []) %}<a href="{{ SITEURL }}/lanh-dao/{{ p }}/">{{ LEADERS.get(p, {}).get("name", p) }}</a> {% endfor %}</p>
{% include "_list.html" %}{% endblock %}
""",
    "tags.html": """\
{% extends "base.html" %}
{% block content %}<h1>Lãnh đạo</h1><ul>{% for tag, articles in tags|sort %}
<li><a href="{{ SITEURL }}/{{ tag.url }}">{{ LEADERS.get(tag.slug, {}).get("name", tag.name) }}</a> ({{ articles|count }})</li>{% endfor %}</ul>{% endblock %}
""",
    "categories.html": """\
{% extends "base.html" %}
{% block content %}<h1>Sự kiện</h1><ul>{% for category, articles in categories|sort %}
<li><a href="{{ SITEURL }}/{{ category.url }}">{{ EVENTS.get(category.slug, {}).get("title", category.name) }}</a> ({{ articles|count }})</li>{% endfor %}</ul>{% endblock %}
""",
    "authors.html": """\
{% extends "base.html" %}
{% block content %}<h1>Văn kiện</h1><ul>{% for author, articles in authors|sort %}
<li><a href="{{ SITEURL }}/{{ author.url }}">{{ AGREEMENTS.get(author.slug, {}).get("title", author.name) }}</a> ({{ articles|count }})</li>{% endfor %}</ul>{% endblock %}
""",
    "archives.html": """\
{% extends "base.html" %}
{% block content %}<h1>Bài viết</h1><ul>{% for article in dates %}
<li><a href="{{ SITEURL }}/{{ article.url }}">{{ article.title }}</a> <time>{{ article.locale_date }}</time></li>{% endfor %}</ul>{% endblock %}
""",
    "period_archives.html": """\
{% extends "base.html" %}
{% block content %}<h1>{{ period | reverse | join(" ") }}</h1><ul>{% for article in dates %}
<li><a href="{{ SITEURL }}/{{ article.url }}">{{ article.title }}</a> <time>{{ article.locale_date }}</time></li>{% endfor %}</ul>{% endblock %}
""",
    "page.html": """\
{% extends "base.html" %}
{% block content %}<h1>{{ page.title }}</h1>{{ page.content }}{% endblock %}
""",
}


def _meta(text: str) -> str:
    return " ".join(text.split())  # one line: Markdown metadata cannot continue onto the next


class PelicanWriter:
    """A Pelican site: pelicanconf.py, content/articles/*.md, data/*.yaml, theme/."""

    def __init__(self, root: Path):
        self.root = root

    def start(self, reg: Registry) -> None:
        _fresh(self.root)
        _write(self.root / "pelicanconf.py", PELICAN_CONF.format(title=repr(SITE_TITLE)))
        for name, text in PELICAN_THEME.items():
            _write(self.root / "theme" / "templates" / name, text)
        _write(self.root / "theme" / "static" / "style.css", CSS)
        (self.root / "data").mkdir()
        write_registry(reg, self.root / "data")
        (self.root / "content" / "articles").mkdir(parents=True)

    def add(self, article: Article, raw: str) -> None:
        lines = [f"Title: {_meta(article.title)}", f"Date: {article.date.isoformat()}", f"Slug: {article.slug}",
                 f"Summary: {_meta(article.lead or '')}", f"Source: {_meta(article.source or '')}",
                 f"Byline: {_meta(article.author or '')}", f"Captions: {' | '.join(map(_meta, article.captions))}"]
        if article.leaders:
            lines.append("Tags: " + ", ".join(article.leaders))
        if article.events:
            lines.append(f"Category: {article.events[0]}")
        if article.agreements:
            lines.append("Authors: " + ", ".join(article.agreements))
        text = "\n".join(lines) + "\n\n" + article.body + "\n"
        (self.root / "content" / "articles" / f"{article.slug}.md").write_text(text, encoding="utf-8")

    def finish(self) -> None:
        """Every article file was written as it came."""
