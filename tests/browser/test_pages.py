"""Every page in a real browser: loads cleanly, links resolve, the interactive parts work."""

from __future__ import annotations

import urllib.parse
import urllib.request
from pathlib import Path

import pytest


def page_paths(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def exists(url: str) -> bool:
    if url.startswith("file:"):
        return Path(urllib.parse.unquote(urllib.parse.urlsplit(url).path)).is_file()
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def test_every_page_loads_cleanly_and_every_internal_link_resolves(open_page, demo_site, base):
    watched = open_page()
    ids, links = {}, set()
    for path in page_paths(demo_site):
        page = watched.goto(path)
        assert page.title(), path
        ids[base + path] = set(page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
        for href in page.eval_on_selector_all(
                "a[href]", "els => els.map(a => new URL(a.getAttribute('href'), document.baseURI).href)"):
            if not href.startswith(("http://", "https://")) or href.startswith(base):
                links.add((path, href))
    assert watched.errors == [], watched.errors
    assert watched.outside == [], watched.outside
    for path, href in sorted(links):
        assert href.startswith(base), f"{path}: link leaves the site: {href}"
        target, _, fragment = href.partition("#")
        if target in ids:
            assert not fragment or fragment in ids[target], f"{path}: no #{fragment} in {target}"
        else:
            assert exists(target), f"{path}: broken link {href}"


def test_matrix_cell_opens_the_pair_page(open_page):
    watched = open_page()
    page = watched.goto("index.html")
    cell = page.locator(".matrix td.cell a").first
    href = cell.get_attribute("href")
    cell.click()
    page.wait_for_load_state()
    assert page.url.endswith(href) and "/pairs/" in page.url
    # The first row's cells are all above the diagonal: text shared with a later article.
    assert page.locator("h1").inner_text().startswith("Text shared by")
    assert page.locator(".side-a .article-text").count() == 1 and page.locator(".side-s .article-text").count() == 1
    assert watched.errors == []


def _pair_with_passages(demo_site: Path) -> str:
    for path in page_paths(demo_site):
        if path.startswith("pairs/") and 'data-passage="1"' in (demo_site / path).read_text(encoding="utf-8"):
            return path
    pytest.fail("no pair page with a passage")


def test_clicking_a_passage_highlights_its_partner(open_page, demo_site):
    page = open_page().goto(_pair_with_passages(demo_site))
    partner = page.locator('.side-s [data-passage="1"]').first
    assert "linked" not in (partner.get_attribute("class") or "")
    page.locator('.side-a [data-passage="1"]').first.click(position={"x": 40, "y": 8})
    assert "linked" in partner.get_attribute("class")
    assert "linked" in page.locator("#passage-1").get_attribute("class")
    page.locator('.side-a [data-passage="1"]').first.dispatch_event("mouseleave")
    assert "linked" in partner.get_attribute("class")  # a click pins the highlight


def test_deep_link_scrolls_to_and_highlights_a_passage(open_page, demo_site):
    page = open_page(width=1280).goto(_pair_with_passages(demo_site) + "#passage-1")
    item = page.locator("#passage-1")
    assert "linked" in item.get_attribute("class")
    assert "linked" in page.locator('.side-a [data-passage="1"]').first.get_attribute("class")
    top = item.evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < 900


def test_quote_filters_change_the_visible_rows(open_page):
    page = open_page().goto("quotes.html")
    rows = page.locator("table.quotes tbody tr")
    total = rows.count()
    visible = lambda: page.locator("table.quotes tbody tr:not([hidden])").count()  # noqa: E731
    assert total > 1 and visible() == total
    for box in page.locator("input[name=status]").all():
        if box.get_attribute("value") != "altered":
            box.uncheck()
    shown = visible()
    assert 0 < shown < total
    for row in page.locator("table.quotes tbody tr:not([hidden])").all():
        assert "altered" in row.get_attribute("data-statuses").split()
    assert page.locator(".filter-count").inner_text() == f"Showing {shown} of {total} quotations."
    page.locator("input[name=status][value=verbatim]").check()
    speaker = page.locator("select[name=speaker] option").nth(1).inner_text()
    page.select_option("select[name=speaker]", speaker)
    for row in page.locator("table.quotes tbody tr:not([hidden])").all():
        assert row.get_attribute("data-speaker") == speaker


def test_tables_sort_by_a_column(open_page):
    page = open_page().goto("index.html")
    button = page.locator("table.articles thead th", has_text="Words").locator("button")
    words = lambda: [int(t) for t in page.locator("table.articles tbody td:nth-child(5)").all_inner_texts()]  # noqa: E731
    button.click()
    assert words() == sorted(words())
    button.press("Enter")
    assert words() == sorted(words(), reverse=True)
    assert page.locator("table.articles thead th", has_text="Words").get_attribute("aria-sort") == "descending"


def test_matrix_slider_fades_cells_below_the_threshold(open_page):
    page = open_page().goto("index.html")
    assert page.locator(".matrix-tools").is_visible()
    page.locator("#matrix-threshold").fill("20")
    assert page.locator("#matrix-threshold-value").inner_text() == "20%"
    for cell in page.locator(".matrix td.cell").all():
        faded = "faded" in cell.get_attribute("class")
        assert faded == (float(cell.get_attribute("data-reuse")) < 20)


def test_keyboard_reaches_the_skip_link_first(open_page):
    page = open_page().goto("index.html")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_pages_fit_a_phone_screen(open_page, demo_site, base):
    if not base.startswith("http"):
        pytest.skip("layout is the same from file://")
    watched = open_page(width=360)
    for path in ("index.html", "quotes.html", _pair_with_passages(demo_site), page_paths(demo_site)[0], "404.html"):
        page = watched.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} is {width}px wide on a 360px screen"
