"""report.json (the data contract of design.md) and its spreadsheet companions."""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any

from .labels import derivation_label
from .paths import article_page, pair_page

if TYPE_CHECKING:
    from .build import Analysis

SCHEMA = "wiretrace/report@1"
# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def report_data(analysis: Analysis, with_page: set[tuple[str, str]]) -> dict[str, Any]:
    """The report as plain data, in a fixed order so that output is byte-identical;
    ``with_page``: the (article, source) pairs that have a pair page."""
    return {
        "schema": SCHEMA,
        "pairs_complete": analysis.pairs_complete,
        "semantic": analysis.semantic,
        "articles": [
            {
                "id": a.id, "title": a.title, "outlet": a.meta.outlet, "url": a.meta.url,
                "published": a.meta.published, "file": a.file,
                "page": article_page(a.id), "words": len(a.words), "author": a.meta.author,
                "credits": list(a.credits),
            }
            for a in analysis.articles
        ],
        "pairs": [
            {
                "article": p.article, "source": p.source, "reuse": p.reuse, "verbatim": p.verbatim,
                "edited": p.edited, "paraphrase": p.paraphrase, "containment": p.containment,
                "label": derivation_label(p.reuse),
                "page": pair_page(p.article, p.source) if (p.article, p.source) in with_page else None,
            }
            for p in analysis.pairs
        ],
        "quotes": [
            {
                "id": q.id, "text": q.text, "speaker": q.speaker, "origin": q.origin,
                "occurrences": [
                    {"article": o.article, "status": o.status, "text": o.text, "score": o.score,
                     "speaker": o.speaker, "paraphrase": o.paraphrase}
                    for o in q.occurrences
                ],
            }
            for q in analysis.quotes
        ],
        "drift": [
            {"article": d.article, "source": d.source, "kind": d.kind, "severity": d.severity,
             "source_text": d.source_text, "article_text": d.article_text, "subject": d.subject,
             "a_start": d.a_start, "a_end": d.a_end, "s_start": d.s_start, "s_end": d.s_end,
             "passage": d.passage}
            for d in analysis.drift
        ],
        # Only for a corpus of several stories, so a one-story report stays as it was.
        **({"stories": [{"id": s.id, "page": f"stories/{s.id}/index.html", "pinned": s.pinned,
                         "articles": list(s.articles)} for s in analysis.stories]}
           if len(analysis.stories) > 1 else {}),
    }


def report_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _cell(value: Any) -> Any:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    if isinstance(value, str) and value.lstrip(" \u00a0\n").startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([[_cell(v) for v in row] for row in rows])
    return out.getvalue()


def pairs_csv(data: dict[str, Any]) -> str:
    keys = ["article", "source", "reuse", "verbatim", "edited", "paraphrase", "containment", "page", "label"]
    return _csv(keys, [[p[k] for k in keys] for p in data["pairs"]])


def quotes_csv(data: dict[str, Any]) -> str:
    header = ["quote", "text", "speaker", "origin", "article", "status", "article_text", "score"]
    rows = [[q["id"], q["text"], q["speaker"], q["origin"], o["article"], o["status"], o["text"], o["score"]]
            for q in data["quotes"] for o in q["occurrences"]]
    return _csv(header, rows)
