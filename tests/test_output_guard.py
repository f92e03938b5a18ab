"""A build never replaces a folder holding the articles, the site or other files."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.build import build
from generator.cli import main
from generator.errors import BuildError
from support import make_site

ARTICLE = "Sea wall\n\nThe harbour council voted on Monday to build a new sea wall along the quay.\n"


def _files(root):
    """Every file but the build cache (reading the articles fills it)."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if ".wiretrace-cache" not in p.parts)


@pytest.mark.parametrize("output", [".", "..", "content", "content/public", "public/../content", "templates"])
def test_an_output_that_would_delete_the_articles_or_other_files_is_refused(tmp_path, output):
    """``output: ..`` replaced the folder holding the site with the built pages."""
    site = make_site(tmp_path / "site", {"a.txt": ARTICLE}, f"output: '{output}'\n")
    (site / "templates").mkdir()
    (site / "templates" / "page.html").write_text("mine", encoding="utf-8")
    (tmp_path / "neighbour.txt").write_text("keep me", encoding="utf-8")
    before = _files(tmp_path)
    with pytest.raises(BuildError, match=f"output: {output}: this "):
        build(site)
    assert _files(tmp_path) == before
    result = CliRunner().invoke(main, ["check", str(site)])
    assert result.exit_code == 1 and f"site.yml: output: {output}: this " in result.output


def test_output_on_the_command_line_is_checked_and_a_previous_build_is_replaced(tmp_path):
    site = make_site(tmp_path / "site", {"a.txt": ARTICLE})
    with pytest.raises(BuildError, match="--output .*content: this is the content folder"):
        build(site, site / "content")
    build(site)
    build(site)  # the previous build (it has report.json) is replaced
    assert (site / "public" / "report.json").is_file() and (site / "content" / "a.txt").is_file()


@pytest.mark.parametrize("content", ["''", ".", ".."])
def test_a_content_folder_that_is_or_holds_the_site_is_refused(tmp_path, content):
    """content: '' read site.yml and the previous build's pages as articles."""
    site = make_site(tmp_path / "site", {"a.txt": ARTICLE}, f"content: {content}\n")
    result = CliRunner().invoke(main, ["check", str(site)])
    assert result.exit_code == 1 and "is the site folder or holds it, so site.yml" in result.output


def test_a_folder_holding_only_desktop_or_repository_placeholders_counts_as_empty(tmp_path):
    """A fresh `public/` with a .gitkeep (or a desktop's .DS_Store) was refused as 'other files'."""
    site = make_site(tmp_path / "site", {"a.txt": ARTICLE})
    (site / "public").mkdir()
    (site / "public" / ".gitkeep").write_text("", encoding="utf-8")
    (site / "public" / ".DS_Store").write_bytes(b"\0")
    build(site)
    assert (site / "public" / "report.json").is_file()
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / ".gitkeep").write_text("", encoding="utf-8")
    (tmp_path / "notes" / "draft.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(BuildError, match="holds other files"):
        build(site, tmp_path / "notes")
