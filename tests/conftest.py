"""Shared fixtures: the demo site built once per session, tiny sites in temp folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support import ROOT, make_site


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
