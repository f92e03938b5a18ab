"""Shared fixtures: the demo site built once per session, tiny sites in temp folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support import CHROMIUM, CHROMIUM_ARGS, ROOT, make_site


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """The demo built once into a temp folder (content and site.yml of the repository)."""
    from generator.build import build

    out = tmp_path_factory.mktemp("demo") / "public"
    build(ROOT, out)
    return out


@pytest.fixture(scope="session")
def demo_report(demo_site) -> dict:
    return json.loads((demo_site / "report.json").read_text(encoding="utf-8"))


@pytest.fixture
def site(tmp_path):
    return lambda files, site_yml=None: make_site(tmp_path / "site", files, site_yml)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for every browser test: Playwright's sync API allows only one
    instance per thread, so the browser tests and the hostile-input test share it."""
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
