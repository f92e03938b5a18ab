"""`wiretrace serve`: build, serve the site on localhost, rebuild when the sources change.

The HTTP server runs in a thread and always serves the output folder as it is; a rebuild
writes a complete new site beside it and swaps it in (see render.write_site), so a build
that fails leaves the last good site in place and only prints its errors.
"""

from __future__ import annotations

import functools
import sys
import tempfile
import threading
import traceback
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from watchfiles import Change, DefaultFilter, watch

from .build import build
from .config import CONFIG_FILE, load_config
from .errors import BuildError
from .progress import Progress

Log = Callable[[str], None]


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class _Handler(SimpleHTTPRequestHandler):
    """Static files of the output folder, its 404.html for a missing page, no caching."""

    def send_error(self, code, message=None, explain=None):  # noqa: D401 - http.server's signature
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 - http.server's signature
        pass


class SourceFilter(DefaultFilter):
    """Changes that call for a rebuild: site.yml, the content folder and the site's templates/,
    never the output folder (nor the usual editor and VCS noise)."""

    def __init__(self, site_dir: Path, content: str, output: Path):
        super().__init__()
        self.roots = [(site_dir / content).resolve(), (site_dir / "templates").resolve()]
        self.config = (site_dir / CONFIG_FILE).resolve()
        self.output = output.resolve()

    def __call__(self, change: Change, path: str) -> bool:
        p = Path(path).resolve()
        if p == self.output or self.output in p.parents or not super().__call__(change, path):
            return False
        return p == self.config or any(p == r or r in p.parents for r in self.roots)


class Server:
    """A site being served: ``start()``, then ``watch()`` until stopped, then ``close()``."""

    def __init__(self, site_dir: Path, output: Path | None = None, host: str = "127.0.0.1", port: int = 8000,
                 log: Log = _stderr, progress: bool = True):
        self.site_dir = site_dir.resolve()
        self.output = (output or Path(tempfile.mkdtemp(prefix="wiretrace-serve-")) / "site").resolve()
        self.log = log
        self.progress = progress
        handler = functools.partial(_Handler, directory=str(self.output))
        self.httpd = ThreadingHTTPServer((host, port), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/"

    def rebuild(self) -> bool:
        """Build into the output folder; on error print the problems and keep the old site."""
        try:
            _, problems = build(self.site_dir, self.output, progress=Progress(enabled=self.progress))
        except BuildError as exc:
            for problem in exc.problems:
                self.log(str(problem))
            self.log("build failed: still serving the last good build." if self.output.exists() else
                     "build failed: nothing to serve until the errors are fixed.")
            return False
        except Exception:  # a bug must not stop the server: show it and keep serving
            self.log(traceback.format_exc())
            self.log("build crashed: still serving the last good build.")
            return False
        for problem in problems:
            self.log(str(problem))
        self.log(f"built: {self.url}")
        return True

    def start(self) -> bool:
        """First build, then start serving (even if the build failed: fixing it will rebuild)."""
        ok = self.rebuild()
        self.output.mkdir(parents=True, exist_ok=True)
        self.thread.start()
        return ok

    def watch(self, stop_event: threading.Event | None = None, **watch_options) -> None:
        """Rebuild on every batch of changes to the sources until ``stop_event`` is set."""
        config, _ = load_config(self.site_dir)
        source_filter = SourceFilter(self.site_dir, config.content, self.output)
        for changes in watch(self.site_dir, watch_filter=source_filter, stop_event=stop_event, **watch_options):
            names = sorted({Path(p).name for _, p in changes})
            self.log(f"changed: {', '.join(names[:5])}{' …' if len(names) > 5 else ''}; rebuilding")
            self.rebuild()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def serve(site_dir: Path, host: str, port: int, output: Path | None = None, log: Log = _stderr) -> None:
    """Build, serve and rebuild on change until interrupted (Ctrl+C)."""
    server = Server(site_dir, output, host, port, log)
    server.start()
    log(f"serving {site_dir} at {server.url} (Ctrl+C to stop)")
    try:
        server.watch()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        log("stopped.")
