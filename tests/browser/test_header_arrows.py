"""Sortable table headers: the sort arrow stays on the line of its one-word label (it wrapped
under 'Words', 'Outlet', 'Published' and '#' in the front page's articles table)."""

from __future__ import annotations


def test_a_one_word_header_keeps_its_sort_arrow_on_its_line(open_page):
    page = open_page(1280).goto("index.html")
    wrapped = page.evaluate("""() => Array.from(document.querySelectorAll('table.sortable button.sort'))
        .filter(b => b.textContent.trim().split(/\\s+/).length === 1)
        .filter(b => b.getBoundingClientRect().height > 1.5 * parseFloat(getComputedStyle(b).lineHeight))
        .map(b => b.textContent.trim())""")
    assert wrapped == []
