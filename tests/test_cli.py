"""The command line: exit codes 0, 1 and 2, and `check` writes nothing."""

from __future__ import annotations

from click.testing import CliRunner

from generator.cli import main


def test_build_and_check_succeed_on_a_good_site(site, tmp_path):
    root = site({"a.txt": "One\n\nText of the first article."})
    runner = CliRunner()
    result = runner.invoke(main, ["check", str(root)])
    assert result.exit_code == 0 and "ok: 1 articles" in result.output
    assert not (root / "public").exists()
    result = runner.invoke(main, ["build", str(root), "--quiet"])
    assert result.exit_code == 0, result.output
    assert (root / "public" / "index.html").is_file()


def test_errors_exit_1_and_are_listed(site):
    root = site({"a.json": "{oops"}, site_yml="semantic: maybe\n")
    for command in ("check", "build"):
        result = CliRunner().invoke(main, [command, str(root)])
        assert result.exit_code == 1
        assert "site.yml:1: semantic must be auto, on or off" in result.output
        assert "content/a.json:1: broken JSON" in result.output
        assert "nothing was written" in result.output
    assert not (root / "public").exists()


def test_wrong_usage_exits_2():
    assert CliRunner().invoke(main, ["build", "--jobs", "zero"]).exit_code == 2
    assert CliRunner().invoke(main, ["frobnicate"]).exit_code == 2
