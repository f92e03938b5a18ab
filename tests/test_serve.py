"""`wiretrace serve`: serves the build, rebuilds on change, keeps the last good build on error."""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request

import pytest

from generator.scaffold import scaffold
from generator.serve import Server


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def wait_for(predicate, timeout: float = 20.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def served(tmp_path):
    site = tmp_path / "site"
    scaffold(site)
    logs: list[str] = []
    server = Server(site, tmp_path / "out", port=0, log=logs.append, progress=False)
    assert server.start()
    stop = threading.Event()
    watcher = threading.Thread(target=server.watch, args=(stop,), kwargs={"debounce": 200}, daemon=True)
    watcher.start()
    time.sleep(0.5)  # let the watcher settle
    yield site, server, logs
    stop.set()
    watcher.join(timeout=10)
    server.close()


def test_serves_pages_and_404(served):
    site, server, _ = served
    assert server.url.startswith("http://127.0.0.1:")
    status, body = fetch(server.url + "index.html")
    assert status == 200 and "Kestrel Bay lighthouse" in body
    status, body = fetch(server.url + "static/style.css")
    assert status == 200
    status, body = fetch(server.url + "no/such/page.html")
    assert status == 404 and "Page not found" in body


def test_rebuilds_on_change_and_keeps_last_good_build_on_error(served):
    site, server, logs = served
    config = site / "site.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("Kestrel Bay lighthouse:", "Gull Point light:"),
                      encoding="utf-8")
    assert wait_for(lambda: "Gull Point light:" in fetch(server.url + "index.html")[1]), logs
    good = fetch(server.url + "index.html")[1]

    config.write_text(config.read_text(encoding="utf-8") + "\nno_such_key: 1\n", encoding="utf-8")
    assert wait_for(lambda: any("no_such_key" in line for line in logs)), logs
    assert any("still serving the last good build" in line for line in logs)
    assert fetch(server.url + "index.html") == (200, good)

    article = site / "content" / "02-bayside-daily.md"
    article.write_text(article.read_text(encoding="utf-8").replace("to shine again", "shines again"),
                       encoding="utf-8")
    config.write_text(config.read_text(encoding="utf-8").replace("no_such_key: 1", ""), encoding="utf-8")
    assert wait_for(lambda: "shines again" in fetch(server.url + "index.html")[1]), logs


def test_output_changes_do_not_trigger_rebuilds(tmp_path):
    site = tmp_path / "site"
    scaffold(site)
    logs: list[str] = []
    server = Server(site, site / "public", port=0, log=logs.append, progress=False)
    server.start()
    try:
        stop = threading.Event()
        watcher = threading.Thread(target=server.watch, args=(stop,), kwargs={"debounce": 200}, daemon=True)
        watcher.start()
        time.sleep(0.5)
        (site / "public" / "extra.html").write_text("x", encoding="utf-8")
        time.sleep(1.0)
        assert not any(line.startswith("changed:") for line in logs), logs
        stop.set()
        watcher.join(timeout=10)
    finally:
        server.close()
