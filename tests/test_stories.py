"""Story clustering (issue 9): a mixed corpus gets a page set per story under stories/<id>/."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from click.testing import CliRunner
from support import SCHEMA

from generator.build import build
from generator.cli import main

WORDS = [f"{c}{v}{d}" for c in "bcdfghklmnprst" for v in "aeiou" for d in "nrst"]


def _text(rng: random.Random, n: int) -> str:
    sentences = []
    while n > 0:
        k = min(n, rng.randint(8, 16))
        sentences.append(" ".join(rng.choice(WORDS) for _ in range(k)).capitalize() + ".")
        n -= k
    return " ".join(sentences)


def _mixed_site(root: Path, pins: str = "") -> Path:
    """Story a: three articles sharing a wire paragraph; story b: two; one loner."""
    rng = random.Random(7)
    (root / "content").mkdir(parents=True)
    (root / "site.yml").write_text('semantic: "off"\n' + pins, encoding="utf-8")
    day = 1
    for story, size in (("a", 3), ("b", 2), ("c", 1)):
        wire = _text(rng, 120)
        for k in range(size):
            body = f"{wire}\n\n{_text(rng, 60)}" if size > 1 else _text(rng, 150)
            (root / "content" / f"{story}{k}.md").write_text(
                f"---\ntitle: Story {story} article {k}\npublished: 2024-02-{day:02d}\n---\n\n{body}\n",
                encoding="utf-8")
            day += 1
    return root


def _hrefs_resolve(out: Path) -> list[str]:
    broken = []
    for page in out.rglob("*.html"):
        for href in re.findall(r'href="([^"#?]+)', page.read_text(encoding="utf-8")):
            if "://" not in href and not (page.parent / href).resolve().exists():
                broken.append(f"{page.relative_to(out)} → {href}")
    return broken


def test_mixed_corpus_gets_one_page_set_per_story(tmp_path):
    site = _mixed_site(tmp_path / "site")
    analysis, _ = build(site, tmp_path / "out")
    assert [s.articles for s in analysis.stories] == [("a0", "a1", "a2"), ("b0", "b1"), ("c0",)]
    assert [s.id for s in analysis.stories] == ["a0", "b0", "c0"]
    out = tmp_path / "out"
    for story in ("a0", "b0", "c0"):
        assert (out / "stories" / story / "index.html").is_file()
        assert (out / "stories" / story / "quotes.html").is_file()
    front = (out / "index.html").read_text(encoding="utf-8")
    assert 'id="stories"' in front and 'href="stories/a0/index.html"' in front
    assert 'class="matrix"' not in front  # the matrix is per story
    across = front.split('id="findings">Key findings across the stories', 1)[1]
    assert front.count("First published") == 3 and "First published" not in across  # one per story row
    assert '<div class="table-wrap" id="matrix">' in front  # where the site-wide "Matrix" link lands
    story = (out / "stories" / "a0" / "index.html").read_text(encoding="utf-8")
    assert story.count('<th scope="row">') == 3  # a 3 × 3 matrix
    assert 'href="../../articles/a1.html"' in story and 'href="../../report.json"' in story
    assert _hrefs_resolve(out) == []
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [(s["id"], s["articles"]) for s in report["stories"]] == [
        ("a0", ["a0", "a1", "a2"]), ("b0", ["b0", "b1"]), ("c0", ["c0"])]
    assert all((out / s["page"]).is_file() for s in report["stories"])


def test_a_story_quote_table_numbers_its_column_key_as_its_columns(tmp_path):
    """Story b's columns are the site-wide articles 4 and 5: the list that explains them says
    4 and 5 too, not 1 and 2."""
    site = _mixed_site(tmp_path / "site")
    for name in ("b0.md", "b1.md"):
        with (site / "content" / name).open("a", encoding="utf-8") as f:
            f.write("\n“We will open the new bridge before the winter storms arrive,” said Mayor Ann Roe.\n")
    build(site, tmp_path / "out")
    page = (tmp_path / "out" / "stories" / "b0" / "quotes.html").read_text(encoding="utf-8")
    key = page.split('class="column-key"', 1)[1].split("</ol>", 1)[0]
    head = page.split("<thead>", 1)[1].split("</thead>", 1)[0]
    columns = re.findall(r'title="[^"]*">(\d+)</a></th>', head)
    assert columns == ["4", "5"]
    assert re.findall(r'<li value="(\d+)">', key) == columns


def test_one_story_keeps_the_plain_site(tmp_path):
    site = _mixed_site(tmp_path / "site", "stories:\n  all: [a0, a1, a2, b0, b1, c0]\n")
    analysis, _ = build(site, tmp_path / "out")
    assert [(s.id, s.pinned) for s in analysis.stories] == [("all", True)]
    assert not (tmp_path / "out" / "stories").exists()
    assert 'id="matrix"' in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


def test_pins_by_id_and_file_and_unpinned_groups_join_their_pinned_story(tmp_path):
    site = _mixed_site(tmp_path / "site", "stories:\n  court-case: [a0.md]\n  other: [c0]\n")
    analysis, _ = build(site, tmp_path / "out")
    assert [(s.id, s.articles, s.pinned) for s in analysis.stories] == [
        ("court-case", ("a0", "a1", "a2"), True), ("b0", ("b0", "b1"), False), ("other", ("c0",), True)]
    assert (tmp_path / "out" / "stories" / "court-case" / "index.html").is_file()


def test_bad_stories_key_names_the_line(tmp_path):
    site = _mixed_site(tmp_path / "site", "stories:\n  Bad Id: [a0]\n  ok: a0\n")
    result = CliRunner().invoke(main, ["check", str(site)])
    assert result.exit_code == 1
    assert "site.yml:3: stories: 'Bad Id': a story id is lower-case letters, digits and '-'" in result.output
    assert "site.yml:4: stories: ok: expected a list of article ids or files" in result.output


def _vectors(**angles: float) -> dict:
    """Unit vectors in a plane, by angle in degrees: cosine = cos(difference)."""
    import numpy as np

    return {k: np.array([np.cos(np.radians(a)), np.sin(np.radians(a))]) for k, a in angles.items()}


def test_with_article_vectors_articles_that_share_no_text_link_by_meaning(tmp_path):
    from generator.stories import stories

    site = _mixed_site(tmp_path / "site")
    analysis, _ = build(site, tmp_path / "out")
    pairs = list(analysis.pairs)
    # c0 shares no text; by meaning it is b0's story (cos 10 degrees = 0.985), far from a's
    meaning = _vectors(a0=90, a1=90, a2=90, b0=0, b1=0, c0=10)
    found = stories(analysis.articles, pairs, meaning=meaning, min_meaning=0.9)
    assert [s.articles for s in found] == [("a0", "a1", "a2"), ("b0", "b1", "c0")]
    assert [s.articles for s in stories(analysis.articles, pairs, meaning=meaning, min_meaning=0.99)] == [
        ("a0", "a1", "a2"), ("b0", "b1"), ("c0",)]
    # pins still hold: an article linked by meaning to a pinned one joins its story
    pinned = stories(analysis.articles, pairs, (("court-case", ("b0",)),), meaning=meaning, min_meaning=0.9)
    assert [(s.id, s.articles) for s in pinned] == [("a0", ("a0", "a1", "a2")), ("court-case", ("b0", "b1", "c0"))]


def test_a_pin_naming_no_article_or_a_second_story_is_an_error(tmp_path):
    """A typo in stories: pinned nothing and an article pinned twice stayed in the first
    story, both silently."""
    from support import make_site

    body = "Title {n}\n\nThe harbour council voted on Monday to build a new sea wall along the quay, {n}.\n"
    site = make_site(tmp_path / "site", {"a.txt": body.format(n="a"), "b.txt": body.format(n="b")},
                     "stories:\n  s1: [a, b.txt]\n  s2: [zzz, content/a.txt]\n")
    result = CliRunner().invoke(main, ["check", str(site)])
    assert result.exit_code == 1
    assert "site.yml: stories: s2: 'zzz' is neither an article id nor a file in content/" in result.output
    assert "site.yml: stories: s2: 'content/a.txt' is already pinned to story 's1'" in result.output
