"""The demo build end to end: pages, report.json against the schema, errors, atomicity."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

from support import SCHEMA, assert_same_tree

from generator.build import build
from generator.errors import BuildError

SEED_TITLES = {
    "000-1c23b08f53f0f917": "Chinese leader Xi meets Russia’s Lavrov as two partners tout strong ties",
    "001-51fc6473181976f5": "XI Jinping meets with Sergey Lavrov, the Russian Foreign Minister",
    "003-7cf7d18d3802595e": "Russian Foreign Minister Sergey Lavrov meets Chinese President Xi Jinping",
    "004-e149cd83e211bb7b": "Chinese Leader Xi and Russian Foreign Minister Lavrov Strengthen Strategic Partnership",
}


def test_demo_report_matches_the_schema(demo_report):
    jsonschema.validate(demo_report, json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_demo_has_the_five_articles_with_titles_and_dates(demo_report):
    articles = {a["id"]: a for a in demo_report["articles"]}
    assert len(articles) == 5
    for article_id, title in SEED_TITLES.items():
        assert articles[article_id]["title"] == title
    assert articles["002-8b0b5c4e5056cfb8"]["title"].startswith("Chinese leader Xi Jinping held a meeting")
    assert articles["000-1c23b08f53f0f917"]["published"] == "2024-04-09T15:14:35Z"
    assert articles["000-1c23b08f53f0f917"]["outlet"] == "CNN"
    assert articles["003-7cf7d18d3802595e"]["published"] == "2024-04-09"
    assert articles["003-7cf7d18d3802595e"]["outlet"] == "India TV"
    assert articles["000-1c23b08f53f0f917"]["file"] == "content/000_1c23b08f53f0f917.txt"


def test_demo_pages_exist_and_link_relatively(demo_site, demo_report):
    for article in demo_report["articles"]:
        assert (demo_site / article["page"]).is_file()
    for pair in demo_report["pairs"]:
        if pair["page"]:
            assert (demo_site / pair["page"]).is_file()
    for name in ("index.html", "quotes.html", "404.html", "pairs.csv", "quotes.csv", "static/style.css",
                 "static/app.js"):
        assert (demo_site / name).is_file(), name
    for page in demo_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for url in re.findall(r'(?:href|src)="([^"#]+)', html):
            if url.startswith(("http://", "https://")):
                assert 'rel="nofollow noopener noreferrer"' in html
                continue
            assert not url.startswith("/"), f"{page.name}: absolute link {url}"
            assert (page.parent / url).resolve().exists(), f"{page.name}: broken link {url}"


def test_no_page_loads_anything_from_outside(demo_site):
    for page in demo_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(?:https?:)?//', html), page.name


def test_article_page_shows_trimmed_boilerplate_greyed_out(demo_site):
    html = (demo_site / "articles/004-e149cd83e211bb7b.html").read_text(encoding="utf-8")
    assert 'class="trimmed"' in html and "Not analysed" in html
    assert "Aquaman and the Lost Kingdom" in html  # kept visible, never silently dropped
    text = (demo_site / "articles/000-1c23b08f53f0f917.html").read_text(encoding="utf-8")
    assert "This post appeared first on cnn.com" in text


def test_credits_are_recorded(demo_report):
    credits = {a["id"]: a["credits"] for a in demo_report["articles"]}
    assert "This post appeared first on cnn.com" in credits["000-1c23b08f53f0f917"]
    assert any("CNN" in c for c in credits["001-51fc6473181976f5"])


def test_build_is_deterministic(tmp_path):
    from support import ROOT

    first, second = tmp_path / "a", tmp_path / "b"
    build(ROOT, first)
    build(ROOT, second)
    assert_same_tree(first, second)


def test_failed_build_leaves_the_previous_site_untouched(site, tmp_path):
    root = site({"a.txt": "Title one\n\nSome text of the first article here.",
                 "b.txt": "Title two\n\nOther text of the second article here."})
    out = tmp_path / "out"
    build(root, out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (root / "content" / "c.json").write_text("{broken", encoding="utf-8")
    with pytest.raises(BuildError) as exc:
        build(root, out)
    assert "content/c.json:1" in str(exc.value)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".")] == []


def test_every_error_is_listed_with_its_file(site):
    root = site({"a.txt": "Fine\n\nA real article with words.", "b.json": "[1, 2", "c.md": "---\ntitle: [x\n---\nB",
                 "d.txt": "", "e.txt": "Related Posts"},
                site_yml="title: ok\ncolour: blue\n")
    with pytest.raises(BuildError) as exc:
        build(root, root / "public")
    text = str(exc.value)
    for expected in ("site.yml:2: unknown key 'colour'; valid keys are: title,", "content/b.json:1:",
                     "content/c.md:", "content/d.txt: the file is empty",
                     "content/e.txt: no article text left after cleaning"):
        assert expected in text
    assert not (root / "public").exists()


def test_duplicate_ids_name_both_files(site):
    root = site({"a.txt": "T\n\nText one here.", "A.md": "---\ntitle: x\n---\nText two here."})
    with pytest.raises(BuildError, match=r"id 'a' is already used by content/"):
        build(root, root / "public")


def test_a_killed_build_leaves_nothing_that_outlives_the_next_one(site, tmp_path):
    import os

    root = site({"a.txt": "Title one\n\nSome text of the first article here."})
    out = tmp_path / "out"
    stale = tmp_path / ".out.building-dead"
    stale.mkdir()
    (stale / "index.html").write_text("half", encoding="utf-8")
    os.utime(stale, (0, 0))
    fresh = tmp_path / ".out.building-running"
    fresh.mkdir()
    build(root, out)
    assert not stale.exists() and fresh.exists() and (out / "index.html").is_file()


def test_a_crash_while_cleaning_names_the_file(site, monkeypatch):
    from generator import clean

    def broken(document, rules):
        raise RuntimeError("boom")

    monkeypatch.setattr(clean, "clean", broken)
    root = site({"a.txt": "Title one\n\nSome text here."})
    with pytest.raises(BuildError, match=r"content/a.txt: cleaning failed \(RuntimeError: boom\)"):
        build(root, root / "public")


def test_quote_occurrences_carry_speaker_and_paraphrase_fields(demo_report):
    for quote in demo_report["quotes"]:
        for occurrence in quote["occurrences"]:
            assert "speaker" in occurrence and "paraphrase" in occurrence
            if occurrence["paraphrase"] is not None:
                assert occurrence["status"] in ("absent", "unquoted")
