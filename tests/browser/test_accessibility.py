"""axe-core in the page: no serious or critical violation on any page type, light or dark."""

from __future__ import annotations

import pytest

from test_pages import _pair_with_passages, page_paths
from browser_support import SCREENSHOTS


def page_types(demo_site) -> dict[str, str]:
    articles = [p for p in page_paths(demo_site) if p.startswith("articles/")]
    return {"index": "index.html", "quotes": "quotes.html", "article": articles[0],
            "pair": _pair_with_passages(demo_site), "404": "404.html"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(open_page, demo_site, base, axe_source, scheme):
    if not base.startswith("http"):
        pytest.skip("checked once, over HTTP")
    watched = open_page(scheme=scheme)
    problems = []
    for name, path in page_types(demo_site).items():
        page = watched.goto(path)
        page.add_script_tag(content=axe_source)
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        for v in result["violations"]:
            if v["impact"] in ("serious", "critical"):
                targets = [n["target"] for n in v["nodes"][:3]]
                problems.append(f"{name} ({scheme}): {v['id']} [{v['impact']}] {v['help']} at {targets}")
    assert problems == [], "\n".join(problems)


def test_screenshots_of_each_page_type(open_page, demo_site, base):
    """Saved under tests/screenshots/ for a person to look at (desktop and phone, light and dark)."""
    if not base.startswith("http"):
        pytest.skip("taken once, over HTTP")
    SCREENSHOTS.mkdir(exist_ok=True)
    for width, scheme in ((1280, "light"), (360, "light"), (1280, "dark")):
        watched = open_page(width=width, scheme=scheme)
        for name, path in page_types(demo_site).items():
            page = watched.goto(path)
            page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}-{scheme}.png"), full_page=True)
        assert watched.errors == []
    assert len(list(SCREENSHOTS.glob("*.png"))) >= 15
