"""The front page's "Facts changed" findings name articles like the other findings do."""

from __future__ import annotations

from generator.drift import DriftFinding
from generator.model import Metadata
from generator.segment import article_from_text
from generator.site.drift import drift_key_findings
from generator.site.finding_parts import TITLE_WORDS

LONG_TITLE = " ".join(f"word{k}" for k in range(40))


def test_long_titles_are_shortened_with_the_full_title_as_tooltip():
    source = article_from_text("src", "The toll was 12 on Monday.", Metadata(title=LONG_TITLE))
    rewrite = article_from_text("rew", "The toll was 21 on Monday.", Metadata(title="Short title"))
    finding = DriftFinding("rew", "src", "number", "12", "21", 13, 15, 13, 15, 0, "high")
    [key] = drift_key_findings((finding,), (source, rewrite))
    named = [p for p in key.parts if p.page]
    assert [p.number for p in named] == [2, 1]
    assert named[0].text == "“Short title”"
    shortened = " ".join(LONG_TITLE.split()[:TITLE_WORDS])
    assert named[1].text == f"“{shortened}…”"
    assert named[1].title == LONG_TITLE
