"""The render stage spaces the streamed data files through the pages it hands to workers in
consecutive ranges, so that no one worker writes all of them (generator/render.py)."""

from __future__ import annotations

from generator.parallel import ranges
from generator.render import _spread_streams
from generator.site import Page


def test_streamed_files_land_in_different_ranges():
    pages = [Page("index.html", "index.html", {})] + [Page(name, stream=list) for name in ("a", "b", "c")]
    pages += [Page(f"p{k}.html", "pair.html", {}) for k in range(600)]
    spread = _spread_streams(pages)
    assert sorted(p.path for p in spread) == sorted(p.path for p in pages)  # each page once
    chunks = ranges(len(spread), 2 * 8)
    where = [next(k for k, r in enumerate(chunks) if i in r) for i, p in enumerate(spread) if p.stream]
    assert len(set(where)) == 3 and where == sorted(where)
    assert [p.path for p in spread if p.stream is None] == [p.path for p in pages if p.stream is None]


def test_a_single_stream_leaves_the_order_alone():
    pages = [Page("index.html", "index.html", {}), Page("report.json", stream=list)]
    assert _spread_streams(pages) == pages
