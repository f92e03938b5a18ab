"""Paths and helpers the tests import (conftest.py only holds fixtures: a module named
conftest is not importable once two folders have one)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))  # bench/synth.py: synthetic article sets with known reuse
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SCHEMA = ROOT.parent / "shared" / "report.schema.json"
CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium (apt-get install chromium); Playwright never downloads a browser here."""
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


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


SEA_WALL = """The harbour council voted on Monday to build a new sea wall along the northern quay before
the winter storms arrive. "We cannot wait for another flood to reach the {place}," said
council leader Ada Brook. The wall will cost four million and take two years to finish, and
the fishing fleet will move to the southern basin while the work goes on.
"""


def markdown_article(title: str, outlet: str, published: str, body: str) -> str:
    return f"---\ntitle: {title}\noutlet: {outlet}\npublished: {published}\n---\n{body}"


def sea_wall_pair(wire_published: str, copy_published: str) -> tuple[str, str]:
    """A short wire story and a copy of it that drops one word of its quote, as Markdown files."""
    return (markdown_article("Harbour council backs the new sea wall", "Wire", wire_published,
                             SEA_WALL.format(place="market square")),
            markdown_article("Sea wall approved", "Copycat News", copy_published, SEA_WALL.format(place="square")))


def copy_fixture(name: str, dest: Path) -> Path:
    shutil.copytree(FIXTURES / "sites" / name, dest)
    return dest


def assert_same_tree(first: Path, second: Path) -> None:
    """Two output folders hold the same files, byte for byte."""
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel


def synthetic_site(root: Path, n: int, seed: int = 5, extra_yml: str = "", stories: bool = False) -> Path:
    """A site of ``n`` synthetic articles (bench/synth.py) with dates, paraphrase detection off."""
    from synth import generate

    (root / "content").mkdir(parents=True)
    (root / "site.yml").write_text('semantic: "off"\n' + extra_yml, encoding="utf-8")
    for k, article in enumerate(generate(n, seed=seed, stories=stories).articles):
        (root / "content" / f"{article.id}.md").write_text(
            f"---\ntitle: Article {k}\npublished: 2024-01-{1 + k % 28:02d}\n---\n\n{article.text}\n",
            encoding="utf-8")
    return root
