"""Article ids: slug if given, else the file name; unique; safe as file names."""

from __future__ import annotations

import json
import re

import pytest

from generator.build import load_site
from generator.errors import BuildError
from generator.read import article_id


@pytest.mark.parametrize("name, expected", [
    ("000_1c23b08f53f0f917", "000-1c23b08f53f0f917"),
    ("My Story (final).v2", "my-story-final-v2"),
    ("--Já vu--", "ja-vu"),
    ("../../etc/passwd", "etc-passwd"),
    ("", ""),
])
def test_id_rule(name, expected):
    assert article_id(name) == expected


def test_slug_wins_and_wordpress_lists_use_each_post_slug(site):
    post = {"content": {"rendered": "<p>Words of a post.</p>"}, "title": {"rendered": "T"}}
    root = site({
        "notes/a story.md": "---\nslug: The Real Slug\n---\nBody text here.",
        "posts.json": json.dumps([dict(post, slug="first-post"), dict(post, slug="second")]),
        "single.json": json.dumps(dict(post, slug="ignored-for-one-post")),
    })
    _, articles, _ = load_site(root)
    assert sorted(a.id for a in articles) == ["first-post", "second", "single", "the-real-slug"]


def test_site_yml_slug_for_a_raw_file(site):
    root = site({"x.txt": "T\n\nSome words."}, site_yml="articles:\n  x.txt:\n    slug: chosen\n")
    _, articles, _ = load_site(root)
    assert [a.id for a in articles] == ["chosen"]


def test_unnamed_file_gets_a_usable_id(site):
    root = site({"!!!.txt": "T\n\nSome words.", "_draft.txt": "Skipped\n\nNot read."})
    _, articles, _ = load_site(root)
    assert [a.id for a in articles] == ["article"]


def test_files_named_in_other_scripts_get_distinct_ids(site):
    """新闻一.txt and 新闻二.txt were both 'article': the build failed on the clash."""
    root = site({"新闻一.txt": "T\n\nSome words.", "新闻二.txt": "U\n\nOther words.",
                 "новости.txt": "V\n\nMore words.", "café crème.txt": "W\n\nLast words."})
    _, articles, problems = load_site(root)
    ids = sorted(a.id for a in articles)
    assert not [p for p in problems if not p.warning] and len(set(ids)) == 4 and "cafe-creme" in ids
    assert all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids)
    assert ids == sorted(a.id for a in load_site(root)[1])  # stable


def test_site_yml_metadata_for_a_missing_file_is_an_error(site):
    root = site({"x.txt": "T\n\nSome words."},
                site_yml="title: T\narticles:\n  x.txt:\n    title: X\n  y.txt:\n    title: Y\n")
    with pytest.raises(BuildError, match="site.yml:5: articles: 'y.txt' is not a file in content/"):
        load_site(root)
