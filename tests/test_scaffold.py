"""`wiretrace new`: a working sample site; a non-empty folder is refused."""

from __future__ import annotations

import json

from click.testing import CliRunner

from generator.build import build
from generator.cli import main
from generator.config import load_config


def test_new_site_builds(tmp_path):
    result = CliRunner().invoke(main, ["new", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    site = tmp_path / "s"
    assert (site / "site.yml").is_file() and len(list((site / "content").iterdir())) == 3
    config, problems = load_config(site)
    assert problems == [] and config.title.startswith("Kestrel Bay")
    assert "#" in (site / "site.yml").read_text(encoding="utf-8")  # commented
    analysis, problems = build(site, site / "public")
    assert len(analysis.articles) == 3 and analysis.quotes
    report = json.loads((site / "public/report.json").read_text(encoding="utf-8"))
    assert max(p["reuse"] for p in report["pairs"]) > 0.3


def test_new_refuses_a_non_empty_folder(tmp_path):
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(main, ["new", str(tmp_path)])
    assert result.exit_code == 2
    assert "not empty" in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]
