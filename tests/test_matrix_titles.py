"""A long title keeps its matrix row short: clamped to three lines on screen, whole in the HTML."""

from __future__ import annotations

from generator.build import build

SHARED = ("The minister said on Monday that the new bridge over the river would open in March "
          "after four years of work, and that tolls would stay below two euros for every car.")
LONG_TITLE = " ".join(f"longword{k}" for k in range(40))


def test_a_long_title_is_clamped_in_the_matrix_and_kept_as_tooltip(site, browser):
    root = site({"a.md": f"---\ntitle: {LONG_TITLE}\n---\n{SHARED}",
                 "b.md": f"---\ntitle: Bridge opens\n---\n{SHARED} Drivers welcomed the news."})
    build(root, root / "public")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto((root / "public" / "index.html").resolve().as_uri())
        row = page.locator("table.matrix th[scope=row] a", has_text="longword0")
        assert row.get_attribute("title") == LONG_TITLE
        assert LONG_TITLE in row.inner_html()
        line = float(row.evaluate("a => parseFloat(getComputedStyle(a).lineHeight)"))  # 1.55em in style.css
        assert 3 * line - 1 <= row.bounding_box()["height"] <= 3 * line + 1, "three lines, not the whole title"
    finally:
        page.close()
