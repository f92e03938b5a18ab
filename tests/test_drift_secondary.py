"""Drift against a minor direct source: an article that kept its main source's wording changed nothing."""

from __future__ import annotations

WIRE = """---
title: Xi meets Lavrov in Beijing
outlet: Wire
published: 2025-03-01T08:00:00Z
---
Chinese leader Xi Jinping met Russian Foreign Minister Sergey Lavrov in Beijing on Tuesday, the
first visit of a senior Russian official since the spring. The two sides discussed trade, energy
and the situation in Ukraine, according to a statement from the foreign ministry in Beijing.

Lavrov arrived on Monday for a two-day visit and held talks with his counterpart Wang Yi before
the meeting with the president. Officials said new agreements on grain shipments and rail links
would be signed later in the year, after a round of talks between the two trade ministries.
"""

REWRITE = """---
title: Premier Xi hosts Lavrov
outlet: Daily
published: 2025-03-01T12:00:00Z
---
Chinese Premier Xi Jinping hosted Sergey Lavrov for talks in the Chinese capital this week, in a
meeting both governments described as warm. Analysts in Moscow said the visit was meant to show
that the partnership remains strong despite pressure from Western capitals over the war.

The visit also included a stop at a new railway terminal on the edge of the city, where Lavrov
praised the engineers who built the freight line to Siberia and spoke about future cargo routes.
"""

COPY = """---
title: Xi and Lavrov hold talks
outlet: Aggregator
published: 2025-03-02T08:00:00Z
---
""" + WIRE.split("---\n", 2)[2] + "\n" + REWRITE.split("\n\n")[-1]
"""The wire's text and the rewrite's last paragraph: the rewrite is a minor source."""


def test_no_title_change_against_a_minor_source_when_the_main_one_has_the_wording(site, tmp_path):
    from generator.build import build

    root = site({"wire.md": WIRE, "rewrite.md": REWRITE, "copy.md": COPY})
    analysis, _ = build(root, tmp_path / "out")
    sources = [k.source for k in analysis.provenance.sources_of("copy")]
    assert sources == ["wire", "rewrite"]  # the rewrite is a minor direct source of the copy
    assert [(d.article, d.kind) for d in analysis.drift if d.article == "copy"] == []
    # The rewrite did change the wire's wording: that finding stays.
    assert ("rewrite", "wire", "title", "Chinese Premier") in {
        (d.article, d.source, d.kind, d.article_text) for d in analysis.drift}
