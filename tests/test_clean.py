"""Cleaning on the seeds: what is trimmed, what is kept, what is recorded as a credit."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import ROOT

from generator.build import load_site
from generator.clean import clean
from generator.config import CleanRules
from generator.model import Document, Metadata
from generator.text import join_paragraphs


@pytest.fixture(scope="module")
def seeds():
    _, articles, _ = load_site(ROOT)
    return {a.id[:3]: a for a in articles}


def trimmed_text(article) -> list[str]:
    return [article.text[t.start:t.end] for t in article.trimmed]


def analysed(article) -> str:
    return " ".join(article.words.norm)


def test_seed_004_breadcrumb_title_ads_and_teasers_are_trimmed(seeds):
    a = seeds["004"]
    cut = " ".join(trimmed_text(a))
    for boiler in ("HomeWorldChinese Leader Xi and...", "Free Subscribtion", "- Advertisement -",
                   "Most Popular", "Please enter your comment!", "Aquaman and the Lost Kingdom",
                   "2023 MTV Video Music Awards", "Global News"):
        assert boiler in cut, boiler
    words = analysed(a)
    assert "aquaman" not in words and "advertisement" not in words and "subscribtion" not in words
    assert "work together to maintain stability in the international arena" in words
    assert "strengthening ties amidst isolation" in words  # the article's own subheadings stay


def test_seed_001_section_label_and_related_posts_are_trimmed(seeds):
    a = seeds["001"]
    assert trimmed_text(a) == ["World News", "Related Posts"]
    assert any("CNN" in c for c in a.credits)


def test_seed_003_caption_line_is_trimmed_and_the_story_kept(seeds):
    a = seeds["003"]
    assert any("Image Source" in t for t in trimmed_text(a))
    assert analysed(a).startswith("beijing chinese president xi jinping met")


def test_seed_000_credit_line_is_recorded_and_trimmed(seeds):
    a = seeds["000"]
    assert a.credits == ("This post appeared first on cnn.com",)
    assert trimmed_text(a) == ["This post appeared first on cnn.com"]
    assert "appeared first" not in analysed(a)


def test_seed_002_has_nothing_to_trim(seeds):
    assert seeds["002"].trimmed == ()


def doc(*paragraphs: str, title: str | None = None) -> Document:
    return Document("x.txt", "text", join_paragraphs(paragraphs), Metadata(title=title))


def test_user_rules_add_to_the_builtin_ones():
    d = doc("Story text here.", "Sponsored by Acme Corp", "More story.", "SEE ALSO", "Teaser one.",
            "Originally published by The Gazette.")
    rules = CleanRules(trim=("Sponsored by .*",), trim_after=("see also",))
    cleaned = clean(d, rules)
    cut = [d.text[t.start:t.end] for t in cleaned.trimmed]
    assert cut[0] == "Sponsored by Acme Corp"
    assert cut[1].startswith("SEE ALSO") and cut[1].endswith("The Gazette.")
    assert [t.rule for t in cleaned.trimmed] == ["boilerplate (site.yml)", "end of article (site.yml)"]


def test_builtin_rules_can_be_switched_off():
    d = doc("Story text here.", "Advertisement")
    assert clean(d, CleanRules(builtin=False)).trimmed == ()


def test_repeated_title_is_trimmed_and_credit_mentions_recorded():
    d = doc("Big News Today", "The story, as reported by Reuters, goes on.", title="Big news today")
    cleaned = clean(d, CleanRules())
    assert [t.rule for t in cleaned.trimmed] == ["title repeated"]
    assert cleaned.credits == ("as reported by Reuters",)
