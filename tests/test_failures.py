"""Failure: a build that stops at any stage leaves the previous site as it was and no
temporary folder behind; bad input gets a message naming the file, never a traceback."""

from __future__ import annotations

import os
import time

import pytest
from click.testing import CliRunner

import generator.build as build_module
import generator.render as render_module
from generator.build import build
from generator.cli import main
from generator.errors import BuildError
from generator.readers import MAX_ARTICLE_CHARS, read_file

ONE = "Harbour wall\n\nThe minister said on Tuesday that the new breakwater would be finished before winter."
TWO = "Harbour works\n\nThe council said the breakwater would cost more than planned, the mayor told reporters."


def _snapshot(out):
    return {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def _leftovers(out):
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith("."))


def _boom(*args, **kwargs):
    raise RuntimeError("boom")


def _interrupt(*args, **kwargs):
    raise KeyboardInterrupt


@pytest.mark.parametrize("stage, error", [
    ((build_module, "analyse"), _boom),
    ((build_module, "site_pages"), _boom),
    ((render_module, "_render"), _boom),
    ((render_module, "_render"), _interrupt),
    ((render_module, "_copy_static"), _interrupt),
])
def test_a_build_failing_at_any_stage_keeps_the_previous_site(site, tmp_path, monkeypatch, stage, error):
    root = site({"a.txt": ONE, "b.txt": TWO})
    out = tmp_path / "out"
    build(root, out)
    before = _snapshot(out)
    (root / "content" / "c.txt").write_text("A third\n\nThe mayor said the works would start in May.",
                                            encoding="utf-8")
    monkeypatch.setattr(*stage, error)
    with pytest.raises((RuntimeError, KeyboardInterrupt)):
        build(root, out)
    assert _snapshot(out) == before
    assert _leftovers(out) == []


def test_render_failing_after_some_pages_leaves_nothing_half_written(site, tmp_path, monkeypatch):
    root = site({"a.txt": ONE, "b.txt": TWO})
    out = tmp_path / "out"
    build(root, out)
    before = _snapshot(out)
    real, calls = render_module._render, []

    def third_page_fails(env, page):
        calls.append(page.path)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(env, page)

    monkeypatch.setattr(render_module, "_render", third_page_fails)
    edited = root / "content" / "b.txt"  # pages to render again (an unchanged one is kept, not rendered)
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA closing line the first build did not have.\n",
                      encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        build(root, out)
    assert _snapshot(out) == before and _leftovers(out) == []


def test_a_failed_swap_puts_the_previous_site_back(site, tmp_path, monkeypatch):
    root = site({"a.txt": ONE, "b.txt": TWO})
    out = tmp_path / "out"
    build(root, out)
    before = _snapshot(out)
    real_rename = os.rename

    def rename(src, dst):
        if str(src).rsplit("/", 1)[-1].startswith(".out.building-"):
            raise KeyboardInterrupt
        real_rename(src, dst)

    monkeypatch.setattr(render_module.os, "rename", rename)
    with pytest.raises(KeyboardInterrupt):
        build(root, out)
    assert _snapshot(out) == before and _leftovers(out) == []


def test_the_first_build_failing_leaves_no_output(site, tmp_path, monkeypatch):
    root = site({"a.txt": ONE, "b.txt": TWO})
    monkeypatch.setattr(render_module, "_render", _boom)
    with pytest.raises(RuntimeError):
        build(root, tmp_path / "out")
    assert not (tmp_path / "out").exists() and _leftovers(tmp_path / "out") == []


# --- bad input: a message naming the file (and line), the rest still checked -------------------

def _errors(root) -> str:
    with pytest.raises(BuildError) as exc:
        build(root, root / "public")
    assert not (root / "public").exists()
    return str(exc.value)


def test_invalid_utf8_is_read_with_a_warning_naming_file_and_line(site):
    body = "Caf\u00e9 news\n\nLine two is fine.\n\nThe caf\u00e9 owner said the r\u00e9sum\u00e9 was late.".encode("cp1252")
    root = site({"a.txt": body, "b.txt": TWO})
    _, problems = build(root, root / "public")
    assert [str(p) for p in problems] == ["content/a.txt:1: warning: not UTF-8 (first bad byte on line 1); "
                                          "read as cp1252"]
    text = (root / "public" / "articles" / "a.html").read_text(encoding="utf-8")
    assert "résumé" in text


def test_binary_empty_and_blank_files_are_errors_naming_the_file(site):
    root = site({"a.txt": ONE, "img.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "empty.md": "",
                 "blank.txt": "  \n\n \t\n", "nowords.txt": "!!! ??? ... ---"})
    text = _errors(root)
    assert "content/img.txt: this is a binary file" in text
    assert "content/empty.md: the file is empty" in text
    assert "content/blank.txt: the file is empty" in text
    assert "content/nowords.txt: no article text left after cleaning" in text


def test_a_huge_article_is_refused_quickly_with_its_size(site):
    paragraph = "The minister said the harbour wall would be finished before the winter storms came. " * 40
    root = site({"a.txt": ONE, "huge.txt": "Huge\n\n" + "\n\n".join([paragraph] * 200)})
    started = time.monotonic()
    text = _errors(root)
    assert time.monotonic() - started < 30
    assert f"content/huge.txt: the article text is" in text and f"{MAX_ARTICLE_CHARS:,} characters" in text


def test_a_50_mb_file_is_refused_without_decoding_it(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"The minister said the wall would hold. " * 1_300_000)
    started = time.monotonic()
    with pytest.raises(Exception) as exc:
        read_file(path, "content/big.txt")
    assert time.monotonic() - started < 5
    assert "content/big.txt: the file is 50.7 MB" in str(exc.value.problem)


def test_one_article_builds(site):
    root = site({"only.txt": ONE})
    analysis, _ = build(root, root / "public")
    assert [a.id for a in analysis.articles] == ["only"] and analysis.pairs == ()
    assert (root / "public" / "index.html").is_file()


def test_two_identical_articles_are_each_others_full_reuse(site):
    root = site({"a.txt": ONE, "b.txt": ONE})
    analysis, _ = build(root, root / "public")
    assert len(analysis.articles) == 2
    assert all(p.reuse == pytest.approx(1.0) for p in analysis.pairs)


def test_articles_with_no_quotes_or_only_quotes(site):
    only_quotes = 'Quotes only\n\n"We will finish the wall before winter," the minister said.\n\n"It is too late."'
    no_sentence_end = "No stops\n\nthe minister said the wall would be finished before winter and nothing else"
    root = site({"a.txt": ONE, "b.txt": only_quotes, "c.txt": no_sentence_end})
    analysis, _ = build(root, root / "public")
    assert len(analysis.articles) == 3
    assert any(q.text.startswith("We will finish") for q in analysis.quotes)


@pytest.mark.parametrize("published, expected", [
    ("2024-04-09T23:30:00-05:00", "2024-04-10T04:30:00Z"),
    ("9 April 2024 18:00 +0530", "2024-04-09T12:30:00Z"),
    ("Tue, 09 Apr 2024 15:14:35 GMT", "2024-04-09T15:14:35Z"),
    ("2024-04-09", "2024-04-09"),
    ("April 9, 2024", "2024-04-09"),
])
def test_dates_in_odd_formats_and_time_zones(site, published, expected):
    root = site({"a.md": f"---\npublished: '{published}'\n---\n{ONE}"})
    analysis, _ = build(root, root / "public")
    assert analysis.articles[0].meta.published == expected


def test_a_bad_date_names_the_file_and_line(site):
    text = _errors(site({"a.md": "---\ntitle: x\npublished: 'the day after tomorrow-ish'\n---\nText here.",
                         "b.txt": ONE}))
    assert "content/a.md:3: published: cannot read" in text  # the file's line: '---' is line 1


def test_duplicate_slugs_name_both_files(site):
    text = _errors(site({"a.md": f"---\nslug: Same\n---\n{ONE}", "b.md": f"---\nslug: same\n---\n{TWO}"}))
    assert "content/b.md: id 'same' is already used by content/a.md" in text


def test_a_reader_crash_becomes_a_problem_naming_the_file(site, monkeypatch):
    from generator.readers import plaintext

    monkeypatch.setattr(plaintext, "read", _boom)
    root = site({"a.txt": ONE, "b.md": f"---\ntitle: x\n---\n{TWO}"})
    result = CliRunner().invoke(main, ["build", str(root), "-q"])
    assert result.exit_code == 1
    assert "content/a.txt: cannot be read (RuntimeError: boom)" in result.output
    assert "Traceback" not in result.output


def test_deeply_nested_json_is_a_problem_not_a_crash(site):
    root = site({"a.json": "[" * 100_000 + "]" * 100_000, "b.txt": ONE})
    text = _errors(root)
    assert "content/a.json" in text


@pytest.mark.parametrize("relative", ["yesterday", "3 days ago", "in 2 hours"])
def test_a_relative_date_is_refused_so_the_build_does_not_depend_on_today(site, relative):
    text = _errors(site({"a.md": f"---\npublished: '{relative}'\n---\n{ONE}", "b.txt": TWO}))
    assert f"content/a.md:2: published: cannot read '{relative}' as a date" in text
