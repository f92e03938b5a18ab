"""Hostile input: a site of articles that try to run script, link out, leak or escape the
output folder (tests/fixtures/hostile/) builds into pages where every such string is text."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from pathlib import Path

import lxml.html
import pytest

from support import FIXTURES, assert_same_tree

from generator.build import build
from generator.read import article_id, content_files
from generator.errors import BuildError

HOSTILE = FIXTURES / "hostile"
OWN_BASE_URL = "https://example.org/x\"><script>window.__pwned=5</script>/"
# Attributes whose value the browser loads or navigates to.
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "srcset", "poster", "data", "background",
                  "{http://www.w3.org/1999/xlink}href", "xlink:href")
# Elements no page of ours needs and every injection would love to have.
FORBIDDEN_TAGS = {"iframe", "object", "embed", "frame", "frameset", "base", "applet"}
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("hostile") / "public"
    build(HOSTILE, out)
    return out


@pytest.fixture(scope="module")
def hostile_report(hostile_site) -> dict:
    return json.loads((hostile_site / "report.json").read_text(encoding="utf-8"))


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_hostile_article_is_built(hostile_report):
    assert len(hostile_report["articles"]) == 5
    assert len(hostile_report["quotes"]) > 0


def test_no_script_element_but_our_own(hostile_site):
    for page in _pages(hostile_site):
        tree = lxml.html.fromstring(page.read_bytes())
        for script in tree.iter("script"):
            src = script.get("src")
            if src is None:
                assert script.get("type") == "application/json", f"{page.name}: inline script"
                json.loads(script.text or "null")  # a </script> inside would have cut it short
            else:
                assert src.endswith("static/app.js") and "//" not in src, f"{page.name}: script {src}"


def test_no_event_handler_or_dangerous_element(hostile_site):
    for page in _pages(hostile_site):
        tree = lxml.html.fromstring(page.read_bytes())
        for el in tree.iter():
            if not isinstance(el.tag, str):
                continue
            tag = el.tag.rsplit("}", 1)[-1].lower()
            assert tag not in FORBIDDEN_TAGS, f"{page.name}: <{tag}>"
            if tag == "img":
                pytest.fail(f"{page.name}: an <img> from article content")
            for name in el.attrib:
                assert not name.rsplit("}", 1)[-1].lower().startswith("on"), f"{page.name}: <{tag} {name}>"


def test_only_http_links_and_nothing_loaded_from_outside(hostile_site):
    for page in _pages(hostile_site):
        tree = lxml.html.fromstring(page.read_bytes())
        for el in tree.iter():
            if not isinstance(el.tag, str):
                continue
            for name in URL_ATTRIBUTES:
                value = el.get(name)
                if value is None:
                    continue
                stripped = re.sub(r"[\x00-\x20]", "", value).lower()
                assert not stripped.startswith(("javascript:", "data:", "vbscript:", "file:")), \
                    f"{page.name}: {name}={value!r}"
                if re.match(r"^[a-z][a-z0-9+.-]*:", stripped) or stripped.startswith("//"):
                    assert el.tag == "a" and stripped.startswith(("http://", "https://")), \
                        f"{page.name}: <{el.tag} {name}={value!r}>"
                    # Links into the site's own public address (the 404 page's) are not outside.
                    assert value.startswith(OWN_BASE_URL) or "noopener" in (el.get("rel") or ""), \
                        f"{page.name}: {value}"
        html = page.read_text(encoding="utf-8")
        assert "evil.example/pixel" not in html or "<img" not in html
        assert "url(http" not in html, page.name


def test_hostile_strings_appear_as_text(hostile_site):
    index = (hostile_site / "index.html").read_text(encoding="utf-8")
    tree = lxml.html.fromstring(index)
    # The site title is shown literally, Jinja syntax included, not evaluated.
    assert "<script>window.__pwned=1</script>Report {{ 7*7 }}" in tree.findtext(".//title")
    assert "&lt;script&gt;window.__pwned=1" in index
    for page in _pages(hostile_site):
        html = page.read_text(encoding="utf-8")
        for raw in ("<script>window", "<svg onload", "<svg/onload", "<img src=x", "<b onmouseover", "<style>*",
                    "<a href=javascript", "</title><script"):
            assert raw not in html, (page.name, raw)
        assert "Report 49" not in html


def test_wordpress_content_keeps_the_words_drops_the_markup(hostile_site, hostile_report):
    wire = next(a for a in hostile_report["articles"] if a["id"] == "wire")
    assert wire["url"] == "javascript:window.__pwned=10"  # kept as data, never a link
    html = (hostile_site / wire["page"]).read_text(encoding="utf-8")
    assert "javascript:window.__pwned=10" in html  # shown as text
    assert 'href="javascript' not in html.lower()
    assert "Jane Doe" in html and "{{ 7*7 }}" in html


def test_bidi_overrides_are_removed_from_text_and_metadata(hostile_site):
    """Right-to-left overrides and zero-width characters (in article text, front matter and
    site.yml metadata) would let shown text lie about what it says."""
    for path in hostile_site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".csv"):
            found = re.search("[\u200b\u202a-\u202e\u2066-\u2069]", path.read_text(encoding="utf-8"))
            assert found is None, (path.name, hex(ord(found.group())))


def test_csv_cells_never_start_a_formula(hostile_site):
    seen_formula_text = False
    for name in ("pairs.csv", "quotes.csv"):
        rows = list(csv.reader(io.StringIO((hostile_site / name).read_text(encoding="utf-8"))))
        for row in rows[1:]:
            for cell in row:
                assert not cell.lstrip().startswith(("=", "+", "-", "@", "\t", "\r")), (name, cell)
                seen_formula_text |= cell.startswith("'=")
    assert seen_formula_text, "the hostile corpus should put a formula in quotes.csv"


def test_report_json_is_valid_and_keeps_the_hostile_text(hostile_report):
    titles = [a["title"] for a in hostile_report["articles"]]
    assert any("<script>" in t for t in titles)  # data, escaped only where it is shown
    assert any(q["text"].startswith("=HYPERLINK") for q in hostile_report["quotes"])


def test_sitemap_is_xml_escaped(hostile_site):
    sitemap = hostile_site / "sitemap.xml"
    if sitemap.exists():
        from lxml import etree

        etree.fromstring(sitemap.read_bytes())


def test_every_output_path_stays_inside_the_site(hostile_site, hostile_report):
    root = hostile_site.resolve()
    for path in hostile_site.rglob("*"):
        assert path.resolve().is_relative_to(root)
        assert path.name.isascii(), path
    for article in hostile_report["articles"]:
        assert ID_RE.match(article["id"]), article["id"]
        assert article["id"] not in ("con", "nul", "prn", "aux")
        assert (hostile_site / article["page"]).resolve().is_relative_to(root)
    ids = {a["id"] for a in hostile_report["articles"]}
    assert {"etc-passwd", "abs-olute-con", "con-article"} <= ids


@pytest.mark.parametrize("raw, expected", [
    ("../../../etc/passwd", "etc-passwd"),
    ("/absolute/path", "absolute-path"),
    ("C:\\Windows\\system32", "c-windows-system32"),
    ("CON", "con-article"),
    ("nul", "nul-article"),
    ("Com1", "com1-article"),
    ("console", "console"),
    ("Ünïcødé Ärticle", "unicde-article"),
    ("日本語", ""),
    ("a" * 300, "a" * 80),
    ("x-" * 100, ("x-" * 40).rstrip("-")),
])
def test_article_id_is_always_a_safe_file_name(raw, expected):
    assert article_id(raw) == expected


def test_a_slug_with_no_usable_character_falls_back_to_the_file_name(site):
    root = site({"story.md": "---\nslug: '../..//日本'\n---\nSome text of the story here, long enough.",
                 "other.md": "---\nslug: '\u202e'\n---\nOther text of a second story here."})
    analysis, _ = build(root, root / "public")
    assert {a.id for a in analysis.articles} == {"story", "other"}


def test_a_link_out_of_the_content_folder_is_refused(site, tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("Secret title\n\nThe password is hunter2 and nobody should publish it.", encoding="utf-8")
    root = site({"a.txt": "Title one\n\nSome text of the first article here."})
    os.symlink(outside, root / "content" / "leak.txt")
    os.symlink(tmp_path, root / "content" / "leakdir")
    files, problems = content_files(root / "content", "content")
    assert [p.name for p in files] == ["a.txt"]
    assert sorted(p.file for p in problems) == ["content/leak.txt", "content/leakdir"]
    with pytest.raises(BuildError) as exc:
        build(root, root / "public")
    assert "content/leak.txt: a link to a file outside the content folder" in str(exc.value)
    assert not (root / "public").exists()


def test_a_link_inside_the_content_folder_is_read(site):
    root = site({"a.txt": "Title one\n\nSome text of the first article here.",
                 "b.txt": "Title two\n\nOther text of the second article here."})
    os.symlink(root / "content" / "a.txt", root / "content" / "c.txt")
    files, problems = content_files(root / "content", "content")
    assert [p.name for p in files] == ["a.txt", "b.txt", "c.txt"] and problems == []


def test_a_link_to_nothing_is_named_not_skipped(site, tmp_path):
    root = site({"a.txt": "Title one\n\nSome text of the first article here."})
    os.symlink(tmp_path / "gone.txt", root / "content" / "moved.txt")
    os.symlink(root / "content" / "gone.png", root / "content" / "photo.png")
    files, problems = content_files(root / "content", "content")
    assert [p.name for p in files] == ["a.txt"]
    assert [(p.file, p.warning) for p in problems] == [("content/moved.txt", False), ("content/photo.png", True)]
    with pytest.raises(BuildError) as exc:
        build(root, root / "public")
    assert "content/moved.txt: cannot read the file: it is a link to a file that does not exist" in str(exc.value)
    assert not (root / "public").exists()


def test_hostile_build_is_deterministic(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    build(HOSTILE, first)
    build(HOSTILE, second)
    assert_same_tree(first, second)


# --- a real browser: no dialog, no script of the content runs, no request leaves the site ----

def test_a_browser_runs_no_injected_script_and_sends_no_request(hostile_site, tmp_path, browser):
    site = tmp_path / "site"
    shutil.copytree(hostile_site, site)
    root = site.resolve().as_uri()
    dialogs, outside, errors = [], [], []
    page = browser.new_page()
    try:
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: errors.append(str(e)))

        def check_request(route):
            url = route.request.url
            if url.startswith(root + "/"):
                route.continue_()
            else:
                outside.append(url)
                route.abort()

        page.route("**/*", check_request)
        for html in _pages(site):
            page.goto(html.resolve().as_uri())
            page.wait_for_load_state("load")
            # Hover and click what an injected handler would hang on.
            page.mouse.move(10, 10)
            assert page.evaluate("window.__pwned === undefined"), html.name
    finally:
        page.close()
    assert dialogs == []
    assert outside == []
    assert errors == []
