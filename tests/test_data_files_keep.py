"""The data files (report.json, pairs.csv, quotes.csv) are keyed by the analysis they are
made from (generator/site/datafiles.py): a build whose analysis is unchanged keeps them
without making them; a changed article makes them again, equal to a fresh build's."""

from __future__ import annotations

from generator import rendered
from generator.build import build
from support import assert_same_tree, synthetic_site

DATA_FILES = ("report.json", "pairs.csv", "quotes.csv")


def _count_makes(monkeypatch) -> list[str]:
    """Records the path of every streamed file the build makes (``rendered.write_stream``)."""
    made: list[str] = []
    real = rendered.write_stream

    def write_stream(chunks, theme, previous, path, *rest):
        made.append(path)
        return real(chunks, theme, previous, path, *rest)

    monkeypatch.setattr(rendered, "write_stream", write_stream)
    return made


def test_unchanged_analysis_keeps_the_data_files_unmade(tmp_path, monkeypatch):
    root = synthetic_site(tmp_path / "site", 12)
    build(root, root / "public", jobs=1)
    inodes = {f: (root / "public" / f).stat().st_ino for f in DATA_FILES}
    made = _count_makes(monkeypatch)
    build(root, root / "public", jobs=1)
    assert made == []
    assert {f: (root / "public" / f).stat().st_ino for f in DATA_FILES} == inodes


def test_an_edited_article_makes_them_again(tmp_path, monkeypatch):
    root = synthetic_site(tmp_path / "site", 12)
    build(root, root / "public", jobs=1)
    first = next(iter(sorted((root / "content").iterdir())))
    first.write_text(first.read_text(encoding="utf-8").replace(" the ", " a ", 3), encoding="utf-8")
    made = _count_makes(monkeypatch)
    build(root, root / "public", jobs=1)
    assert sorted(made) == sorted(DATA_FILES)
    monkeypatch.undo()
    build(root, tmp_path / "fresh", jobs=1)
    assert_same_tree(root / "public", tmp_path / "fresh")
