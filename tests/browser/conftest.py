"""Browser tests: Debian's Chromium driven by Playwright, against the demo site served over
HTTP under a sub-path and opened from file://. Skipped when Chromium or Playwright is absent.

axe-core comes from the npm registry (``npm pack``) into tests/.cache/ (gitignored) the first
time; the accessibility test is skipped if it cannot be had.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import tarfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from browser_support import SCREENSHOTS
from support import CHROMIUM

SUB_PATH = "sub/dir/"
CACHE = Path(__file__).resolve().parent.parent / ".cache"
AXE_VERSION = "4.10.3"

if not CHROMIUM.exists():
    pytest.skip("no /usr/bin/chromium (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


@pytest.fixture(scope="session")
def http_root(demo_site, tmp_path_factory):
    """The demo site served on a free localhost port under /sub/dir/; yields its base URL."""
    root = tmp_path_factory.mktemp("www")
    shutil.copytree(demo_site, root / SUB_PATH)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/{SUB_PATH}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session", params=["http", "file"])
def base(request, demo_site):
    """The site's base URL: served over HTTP under a sub-path, or opened from file://."""
    if request.param == "http":
        return request.getfixturevalue("http_root")
    return demo_site.resolve().as_uri() + "/"


class Watched:
    """A page with its console errors, page errors and requests outside the site recorded."""

    def __init__(self, page, base: str):
        self.page, self.base = page, base
        self.errors: list[str] = []
        self.outside: list[str] = []
        # The browser asks the server's root for /favicon.ico on its own: not a request of the site.
        page.on("console", lambda m: m.type == "error" and not m.location.get("url", "").endswith("/favicon.ico")
                and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: None if r.url.startswith((base, "data:", "about:")) else self.outside.append(r.url))

    def goto(self, path: str):
        self.page.goto(self.base + path)
        return self.page


@pytest.fixture
def open_page(browser, base):
    """open_page(width=1280, scheme='light') → a Watched page on the site."""
    contexts = []

    def make(width: int = 1280, scheme: str = "light") -> Watched:
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        contexts.append(context)
        return Watched(context.new_page(), base)

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe.min.js of a pinned axe-core release, from the npm registry, cached in tests/.cache/."""
    target = CACHE / f"axe-core-{AXE_VERSION}" / "axe.min.js"
    if not target.exists():
        npm = shutil.which("npm")
        if not npm:
            pytest.skip("npm is needed once to fetch axe-core")
        CACHE.mkdir(parents=True, exist_ok=True)
        try:
            subprocess.run([npm, "pack", f"axe-core@{AXE_VERSION}", "--silent"], cwd=CACHE, check=True,
                           capture_output=True, timeout=120)
        except (subprocess.SubprocessError, OSError) as exc:
            pytest.skip(f"could not fetch axe-core from the npm registry: {exc}")
        with tarfile.open(CACHE / f"axe-core-{AXE_VERSION}.tgz") as archive:
            member = archive.extractfile("package/axe.min.js")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(member.read())
    return target.read_text(encoding="utf-8")
