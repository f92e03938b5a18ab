"""Shared fixtures: the demo site built once per session, tiny sites in temp folders."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SCHEMA = ROOT.parent / "shared" / "report.schema.json"


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


def make_site(root: Path, files: dict[str, str | bytes], site_yml: str | None = None) -> Path:
    """A site folder with the given content files (path → text or bytes)."""
    content = root / "content"
    content.mkdir(parents=True, exist_ok=True)
    for name, body in files.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(body, bytes):
            path.write_bytes(body)
        else:
            path.write_text(body, encoding="utf-8")
    if site_yml is not None:
        (root / "site.yml").write_text(site_yml, encoding="utf-8")
    return root


@pytest.fixture
def site(tmp_path):
    return lambda files, site_yml=None: make_site(tmp_path / "site", files, site_yml)


def copy_fixture(name: str, dest: Path) -> Path:
    shutil.copytree(FIXTURES / "sites" / name, dest)
    return dest
