"""`serve`: build, serve the site on 127.0.0.1, rebuild on every change and reload open tabs.

A client of the build, built from livereload's parts rather than its Server, to avoid its traps:
its watcher runs rebuilds on the event loop (requests wait) and swallows their exceptions, and its
poller drops a reload that comes within 3 s of the previous one. Here a thread polls content/ and
templates/, rebuilds (the site is swapped in whole, so requests never see half a site), and asks
the event loop to tell the browsers; livereload's websocket handler and script do the rest. The
reload script, and an error banner while the last rebuild failed, are added to pages as they are
served, never written into site/.
"""
from __future__ import annotations

import errno
import os
import signal
import html
import sys
import threading
import time
import webbrowser
from dataclasses import dataclass, field
from pathlib import Path

from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
from tornado import ioloop, web

from . import changes
from . import config as config_mod
from .model import Diagnostic
from .render import TEMPLATES
from .incremental import Session
from .store import import_pages
from .watcher import Watcher

VERSION_PATH = "/__generator/version"


def live_script(version: int) -> bytes:
    """The script added to every page served: livereload's client, and a check, each time it
    connects, that the site has not been rebuilt since this page was served (a reload sent while
    the page was loading, between two quick saves, reached no one: the page would stay stale)."""
    return (
        '<script>(function(){var v=%d;'
        'document.addEventListener("LiveReloadConnect",function(){'
        'fetch("%s",{cache:"no-store"}).then(function(r){return r.text();})'
        '.then(function(t){if(+t!==v)window.location.reload();},function(){});});'
        'var s=document.createElement("script");'
        'var port=(window.location.port||(window.location.protocol=="https:"?443:80));'
        's.src="//"+window.location.hostname+":"+port+"/livereload.js?port="+port;'
        'document.head.appendChild(s);})();</script>' % (version, VERSION_PATH)
    ).encode("ascii")


BANNER_ID = "generator-build-errors"


def banner_html(errors: list[Diagnostic]) -> bytes:
    """The error banner shown on every page while the last rebuild failed (escaped text)."""
    items = "".join(f"<li>{html.escape(str(d))}</li>" for d in errors[:20])
    more = f"<li>… {len(errors) - 20} more</li>" if len(errors) > 20 else ""
    return (f'<div id="{BANNER_ID}" role="alert" style="position:fixed;z-index:99999;left:0;right:0;top:0;'
            'max-height:50vh;overflow:auto;background:#7f1d1d;color:#fff;font:15px/1.4 system-ui,sans-serif;'
            'padding:12px 16px;box-shadow:0 2px 8px #0006"><strong>Lỗi khi dựng lại trang — trang đang hiển '
            f'thị là bản tốt gần nhất:</strong><ul style="margin:6px 0 0 18px;padding:0">{items}{more}</ul></div>'
            ).encode("utf-8")


def inject(chunk: bytes, script: bytes, banner: bytes = b"") -> bytes:
    """Add the reload script before the first '</head>' and the banner after the '<body…>' tag."""
    chunk = chunk.replace(b"</head>", script + b"</head>", 1)
    if banner:
        start = chunk.find(b"<body")
        end = chunk.find(b">", start) if start >= 0 else -1
        if end >= 0:
            chunk = chunk[:end + 1] + banner + chunk[end + 1:]
    return chunk


@dataclass
class Preview:
    """The served site's state: where things are, the build session, the last rebuild's errors."""
    content: Path
    out: Path
    templates: Path = TEMPLATES
    host: str = "127.0.0.1"
    errors: list[Diagnostic] = field(default_factory=list)
    base_path: str = "/"
    lock: threading.Lock = field(default_factory=threading.Lock)
    last_seconds: float = 0.0
    session: Session | None = None
    version: int = 0  # how many times the site was rebuilt and the browsers told to reload

    def rebuild(self, kinds: dict[str, list[str]] | None = None, log=print) -> list[str]:
        """Import new raw pages, then rebuild what changed (everything when kinds is None); errors
        keep the last good site. Returns the content files the import itself wrote, which are
        rebuilt here and need no second rebuild when the watcher sees them."""
        t0 = time.perf_counter()
        written: list[str] = []
        import_errors: list[Diagnostic] = []
        kinds = {k: list(v) for k, v in (kinds or {}).items()}
        with self.lock:
            if self.session is None:
                self.session = Session(self.content, self.out, self.templates)
            raws = [self.content / "raw" / Path(rel).name for rel in kinds.get(changes.RAW, [])]
            raws = [p for p in raws if p.is_file()]
            if raws:
                report = import_pages(self.content, raws)
                import_errors = [d for d in report.diagnostics if d.severity == "error"]
                written = [f"content/articles/{name}" for name in report.written]
                kinds.setdefault(changes.ARTICLE, []).extend(written)
                registry_files = [f"content/data/{k}.yaml" for k in report.new_entities]
                if registry_files:
                    kinds.setdefault(changes.REGISTRY, []).extend(registry_files)
                written += ["content/.import-state.json"] + registry_files
                log(f"serve: imported {len(report.written)} new page(s)" if report.written else "serve: nothing imported")
            cfg, cfg_diags = config_mod.load(self.content)
            self.base_path = cfg.base_path
            result = self.session.update(kinds) if kinds else self.session.full()
            self.errors = [d for d in cfg_diags + result.diagnostics if d.severity == "error"] + import_errors
            self.last_seconds = time.perf_counter() - t0
        state = f"{len(self.errors)} error(s), last good site kept" if self.errors else "ok"
        log(f"serve: rebuilt in {self.last_seconds:.2f} s ({result.stats.written} file(s) written): {state}")
        for d in self.errors:
            log(f"  {d}")
        return written

    def finish(self, cancel: threading.Event | None = None, log=print) -> None:
        """The second lane: the search index, after the browsers have reloaded. Setting `cancel`
        (the watcher does on the next change) abandons it within milliseconds."""
        with self.lock:
            if self.session is not None and self.session.pending_slow and not (cancel and cancel.is_set()):
                t0 = time.perf_counter()
                stats = self.session.finish_slow(cancel.is_set if cancel else None)
                if stats is None:
                    log("serve: search index left for the next rebuild (a newer change came in)")
                else:
                    log(f"serve: search index updated in {time.perf_counter() - t0:.2f} s ({stats.written} file(s))")


def make_app(preview: Preview) -> web.Application:
    """The tornado application: livereload's websocket and script, and the site under its base path."""

    class SiteFiles(web.StaticFileHandler):
        def set_extra_headers(self, path):
            self.set_header("Cache-Control", "no-store")

        def should_return_304(self):
            return False

        def validate_absolute_path(self, root, absolute_path):
            # A NUL or other unusable path makes the OS calls below raise ValueError: not found.
            try:
                return super().validate_absolute_path(root, absolute_path)
            except ValueError:
                raise web.HTTPError(404) from None

        def write_error(self, status_code, **kwargs):
            page = preview.out / "404.html"
            if status_code == 404 and page.is_file():
                self.set_header("Content-Type", "text/html; charset=UTF-8")
                self.finish(page.read_bytes())
            else:
                super().write_error(status_code, **kwargs)

    class Inject(web.OutputTransform):
        def __init__(self, request):
            super().__init__(request)
            # Made as the request comes in, before the file is read: the page is at least this
            # version (a rebuild swaps its files in before the version is raised).
            self.version = preview.version

        def transform_first_chunk(self, status_code, headers, chunk, finishing):
            if str(headers.get("Content-Type", "")).startswith("text/html"):
                banner = banner_html(preview.errors) if preview.errors else b""
                new = inject(chunk, live_script(self.version), banner)
                if "Content-Length" in headers:
                    headers["Content-Length"] = str(int(headers["Content-Length"]) + len(new) - len(chunk))
                chunk = new
            return status_code, headers, chunk

    class Version(web.RequestHandler):
        def get(self):
            self.set_header("Cache-Control", "no-store")
            self.set_header("Content-Type", "text/plain")
            self.finish(str(preview.version))

    base = preview.base_path
    handlers = [(r"/livereload", LiveReloadHandler), (r"/livereload.js", LiveReloadJSHandler), (VERSION_PATH, Version)]
    if base != "/":
        handlers.append((r"/", web.RedirectHandler, {"url": base}))
    handlers.append((rf"{base}(.*)", SiteFiles, {"path": str(preview.out), "default_filename": "index.html"}))
    return web.Application(handlers, transforms=[Inject], debug=False)


class _NoWatcher:
    """LiveReloadHandler asks its watcher for the changed path; ours always names it."""
    filepath = None


def notify(path: str) -> None:
    """Tell every connected browser to reload (a .css path is applied without a reload)."""
    LiveReloadHandler.reload_waiters(path)


def watch(preview: Preview, roots: dict[str, Path], loop: ioloop.IOLoop, stop: threading.Event,
          interval: float = 0.2, log=print, events: bool = True, watcher: Watcher | None = None) -> None:
    """Wait for changes under the roots (file system events, else polling every `interval`);
    on each, rebuild and reload the browsers, until `stop` is set. A `watcher` made before the
    first build reports what was saved while that build ran."""
    if watcher is None:
        watcher = Watcher(roots, interval, events)
    else:
        watcher.start()
    cancel, indexer = threading.Event(), None
    try:
        while True:
            changed = watcher.wait(stop)
            if not changed:
                return
            cancel.set()  # a search index still being built for the previous edit is now stale
            if indexer is not None:
                indexer.join()
            kinds = changes.classify(changed)
            if not kinds or not changes.needs_build(kinds):
                continue
            log(f"serve: changed {', '.join(changed[:5])}{' …' if len(changed) > 5 else ''}")
            try:
                own = preview.rebuild(kinds, log=log)
            except Exception as exc:  # never let one bad rebuild stop the watcher; show it in the page
                from .model import error
                preview.errors = [error(f"rebuild failed: {type(exc).__name__}: {exc}", None, None, "serve")]
                log(f"serve: {preview.errors[0]}")
                own = []
            watcher.accept(own)  # the importer's own writes are not an editor's change
            only_style = set(kinds) == {changes.STYLE} and not preview.errors
            target = "style.css" if only_style else (changed[0].split("/", 1)[1] if "/" in changed[0] else changed[0])
            preview.version += 1
            loop.add_callback(notify, target)
            # The search index is brought up to date on its own thread; rebuilding it whole (after
            # an edit that renumbers the articles) is abandoned as soon as the next change is seen.
            cancel = threading.Event()
            indexer = threading.Thread(target=preview.finish, args=(cancel, log), daemon=True, name="index")
            indexer.start()
    finally:
        watcher.close()


def listen(app: web.Application, host: str, port: int, tries: int = 20) -> int:
    """Listen on port, or the next free one; returns the port used (OSError when none is free)."""
    for candidate in range(port, port + tries):
        try:
            app.listen(candidate, address=host)
            return candidate
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE:
                raise
    raise OSError(errno.EADDRINUSE, f"ports {port}–{port + tries - 1} are all in use")


def serve_command(args) -> int:
    """The `serve` verb: build, serve, watch, reload; Ctrl-C stops it."""
    templates = Path(getattr(args, "templates", None) or TEMPLATES)
    preview = Preview(Path(args.content), Path(args.out), templates, args.host)
    # Watching starts before the first build, so a file saved while it runs (half a minute at
    # 10,000 articles) is rebuilt as soon as the site is served, not missed.
    roots = {"content": preview.content, "templates": templates}
    files = Watcher(roots, start=False)
    preview.rebuild()
    if not (preview.out / "index.html").exists():
        files.close()
        print(f"serve: the first build wrote no site to {preview.out}; fix the errors above", file=sys.stderr)
        return 1
    LiveReloadHandler.watcher = _NoWatcher()
    LiveReloadHandler.live_css = True
    app = make_app(preview)
    try:
        port = listen(app, args.host, args.port)
    except OSError as exc:
        print(f"serve: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    if port != args.port:
        print(f"serve: port {args.port} is in use; using {port} instead")
    url = f"http://{args.host}:{port}{preview.base_path}"
    print(f"serve: {url} (Ctrl-C to stop); watching {preview.content} and {templates}", flush=True)
    loop = ioloop.IOLoop.current()
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(preview, roots, loop, stop), kwargs={"watcher": files},
                               daemon=True, name="watch")
    watcher.start()
    if args.open:
        threading.Timer(0.5, webbrowser.open, (url,)).start()
    # SIGTERM (a service manager, a test harness) stops as cleanly as Ctrl-C does.
    signal.signal(signal.SIGTERM, lambda *_: loop.add_callback_from_signal(loop.stop))
    try:
        loop.start()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        watcher.join(timeout=1)
    print("serve: stopped", flush=True)
    # Exit at once, without freeing the archive object by object (seconds at 10,000 articles after
    # Ctrl-C), and without waiting for a rebuild under way: abandoning it is safe, since pages are
    # replaced by rename and a full build swaps its staging folder in only when complete.
    sys.stderr.flush()
    os._exit(0)
