"""site.yml: defaults, metadata for raw files, and every bad key reported with its line."""

from __future__ import annotations

from generator.config import load_config


def test_no_site_yml_gives_the_defaults(tmp_path):
    config, problems = load_config(tmp_path)
    assert problems == [] and config.output == "public" and config.semantic == "auto"


def test_values_and_article_metadata(tmp_path):
    (tmp_path / "site.yml").write_text(
        "title: T\nbase_url: https://example.org/report/\njobs: 2\nsemantic: off\n"
        "articles:\n  a.txt:\n    outlet: Paper\n    published: 9 April 2024\n"
        "clean:\n  trim: ['Sponsored by .*']\ncompare:\n  min_passage: 10\n", encoding="utf-8")
    config, problems = load_config(tmp_path)
    assert problems == []
    assert (config.title, config.jobs, config.semantic) == ("T", 2, "off")
    meta = config.metadata_for("a.txt")
    assert meta.outlet == "Paper" and meta.published == "2024-04-09"
    assert config.clean.trim == ("Sponsored by .*",)
    assert dict(config.compare) == {"min_passage": 10}


def test_every_problem_has_its_line(tmp_path):
    (tmp_path / "site.yml").write_text(
        "title: T\nthemes: dark\njobs: -1\narticles:\n  a.txt:\n    colour: red\n"
        "clean:\n  trim: ['(unclosed']\ncompare:\n  seed_size: 3\n", encoding="utf-8")
    _, problems = load_config(tmp_path)
    lines = {p.line: p.message for p in problems}
    assert "unknown key 'themes'" in lines[2] and "valid keys are: title, description" in lines[2]
    assert "jobs must be a whole number" in lines[3]
    assert "articles: a.txt: unknown key 'colour'" in lines[6]
    assert "bad regular expression" in lines[8]
    assert "compare: unknown key 'seed_size'; valid keys are: seed" in lines[10]


def test_broken_yaml_has_its_line(tmp_path):
    (tmp_path / "site.yml").write_text("title: ok\nfooter: [unclosed\n", encoding="utf-8")
    _, problems = load_config(tmp_path)
    assert len(problems) == 1 and problems[0].line and "broken YAML" in problems[0].message


def test_an_unclosed_quote_is_reported_where_it_opens(tmp_path):
    (tmp_path / "site.yml").write_text('title: ok\nfooter: "unclosed\ndescription: more\ncontent: content\n',
                                       encoding="utf-8")
    _, [problem] = load_config(tmp_path)
    assert problem.line == 2 and "quoted scalar" in problem.message and "noticed at line 5" in problem.message


def test_an_unclosed_bracket_in_front_matter_is_reported_where_it_opens():
    from generator.errors import ContentError
    from generator.readers import markdown

    try:
        markdown.read("content/a.md", "---\nslug: a\ntitle: [one, two\noutlet: X\n---\nBody.\n")
    except ContentError as exc:
        assert exc.problem.line == 3 and "flow sequence" in exc.problem.message
    else:
        raise AssertionError("no error for a broken front matter")


def test_base_url_must_be_a_web_address(tmp_path):
    (tmp_path / "site.yml").write_text("base_url: javascript:alert(1)\n", encoding="utf-8")
    _, problems = load_config(tmp_path)
    assert [(p.line, p.message[:40]) for p in problems] == [(1, "base_url must be an http:// or https:// ")]


def test_a_date_without_a_year_is_refused(tmp_path):
    (tmp_path / "site.yml").write_text("articles:\n  a.txt:\n    published: 9 April\n", encoding="utf-8")
    _, problems = load_config(tmp_path)
    assert len(problems) == 1 and "cannot read '9 April' as a date" in problems[0].message


def test_bad_article_metadata_in_site_yml_is_a_problem_with_its_line_not_a_crash(tmp_path):
    """YAML read 2026-13-45 as a timestamp and raised inside the parser (a traceback);
    a number as credits raised a TypeError."""
    (tmp_path / "site.yml").write_text(
        "articles:\n  a.txt:\n    published: 2026-13-45\n  b.txt:\n    title: [x, y]\n"
        "  c.txt:\n    credits: 5\n    published: 2026-11-24 14:05:00\n", encoding="utf-8")
    config, problems = load_config(tmp_path)
    assert [(p.line, p.message) for p in problems] == [
        (3, "articles: a.txt: published: cannot read '2026-13-45' as a date; write it as YYYY-MM-DD or "
            "YYYY-MM-DDTHH:MM:SSZ"),
        (5, "articles: b.txt: title: expected one line of text, not a list or mapping")]
    meta = config.metadata_for("c.txt")
    assert (meta.credits, meta.published) == (("5",), "2026-11-24T14:05:00")


def test_an_edited_passage_needs_a_shared_word(tmp_path):
    (tmp_path / "site.yml").write_text("compare:\n  sentence_min_shared: 0\n  partial_share: 0\n", encoding="utf-8")
    _, problems = load_config(tmp_path)
    assert [(p.file, p.line) for p in problems] == [("site.yml", 2)]
    assert "compare: sentence_min_shared must be 1 or more like the default 3, not 0" in problems[0].message
