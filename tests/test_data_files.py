"""The site-wide data files (report.json, pairs.csv, quotes.csv) are written as streams:
the same bytes as the whole-string writers, quotes.csv without ``absent`` rows, kept
from the previous build when unchanged, never half-written when the build fails."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

import generator.report as report_module
import generator.report_format as report_format
import generator.report_rows as report_rows
import generator.site as site_module
from generator.build import build
from generator.model import QuoteCluster, QuoteOccurrence

from support import SCHEMA, synthetic_site

DATA_FILES = ("report.json", "pairs.csv", "quotes.csv")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> tuple[Path, Path]:
    """A 15-article synthetic site (site, output), built once in small stream chunks."""
    root = tmp_path_factory.mktemp("data-files")
    site = synthetic_site(root / "site", 15)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(report_format, "CSV_BATCH", 7)  # many chunks, so their seams are tested
        build(site, root / "out", jobs=1)
    return site, root / "out"


def _old_csv(header: list[str], rows: list[list]) -> str:
    """The CSV as one string, as the build wrote it before streaming (cells escaped alike)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([report_format.csv_cell(v) for v in row] for row in rows)
    return out.getvalue()


def test_report_json_is_what_json_dumps_writes_and_keeps_absent(synthetic):
    text = (synthetic[1] / "report.json").read_text(encoding="utf-8")
    report = json.loads(text)
    jsonschema.validate(report, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert text == json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    assert len(report["pairs"]) == 15 * 14 and report["quotes"]
    for quote in report["quotes"]:
        assert sorted(o["article"] for o in quote["occurrences"]) == sorted(a["id"] for a in report["articles"])
    assert any(o["status"] == "absent" for q in report["quotes"] for o in q["occurrences"])


def test_quotes_csv_has_one_row_per_quote_an_article_has(synthetic):
    report = json.loads((synthetic[1] / "report.json").read_text(encoding="utf-8"))
    rows = [[q["id"], q["text"], q["speaker"], q["origin"], o["article"], o["status"], o["text"], o["score"]]
            for q in report["quotes"] for o in q["occurrences"] if o["status"] != "absent"]
    header = ["quote", "text", "speaker", "origin", "article", "status", "article_text", "score"]
    text = (synthetic[1] / "quotes.csv").read_text(encoding="utf-8")
    assert text == _old_csv(header, rows)
    assert len(rows) > 2 * 7  # more than two of the fixture's chunks
    assert "absent" not in {row[5] for row in csv.reader(io.StringIO(text))}


def test_pairs_csv_is_the_report_pairs(synthetic):
    report = json.loads((synthetic[1] / "report.json").read_text(encoding="utf-8"))
    keys = ["article", "source", "reuse", "verbatim", "edited", "paraphrase", "containment", "page", "label",
            "vocabulary", "new_words"]
    text = (synthetic[1] / "pairs.csv").read_text(encoding="utf-8")
    assert text == _old_csv(keys, [[p[k] for k in keys] for p in report["pairs"]])


def test_unchanged_data_files_keep_their_inode(synthetic, tmp_path):
    site, _ = synthetic
    out = tmp_path / "out"
    build(site, out, jobs=1)
    before = {name: (out / name).stat().st_ino for name in DATA_FILES}
    build(site, out, jobs=1)
    assert {name: (out / name).stat().st_ino for name in DATA_FILES} == before
    (out / "pairs.csv").write_text("edited by hand", encoding="utf-8")  # no longer the recorded file
    build(site, out, jobs=1)
    assert (out / "pairs.csv").read_bytes() == (synthetic[1] / "pairs.csv").read_bytes()


def test_a_stream_failing_midway_keeps_the_previous_site(synthetic, tmp_path, monkeypatch):
    site, _ = synthetic
    out = tmp_path / "out"
    build(site, out, jobs=1)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def failing(data):
        yield "{\n"
        raise RuntimeError("disk full")

    monkeypatch.setattr(site_module, "report_json_pieces", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        build(site, out, jobs=1)
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_quote_rows_write_what_json_dumps_writes():
    occurrences = (QuoteOccurrence("a", "verbatim", 'He said "no" \u2014 \u00e9t\u00e9\\', 100.0, speaker="Ann"),
                   QuoteOccurrence("b", "absent", None, None),
                   QuoteOccurrence("c", "unquoted", "=1+1", 87.5, paraphrase="In other words."))
    clusters = [QuoteCluster.of("q1", "the text", "Ann", "a", occurrences), QuoteCluster("q2", "lone", None, "b")]
    data = {"schema": "x", "quotes": report_rows.QuoteRows(clusters), "drift": []}
    plain = {**data, "quotes": list(data["quotes"])}
    assert "".join(report_module.report_json_chunks(data)) == json.dumps(plain, ensure_ascii=False, indent=2) + "\n"
