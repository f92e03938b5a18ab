"""report.json (the data contract of design.md) and its spreadsheet companions."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from json.encoder import encode_basestring as _encode_str
from typing import TYPE_CHECKING, Any

from .labels import derivation_label, pair_label
from .pairs import PairTable
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
        "pairs": PairRows(analysis.pairs, with_page),
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


PAIR_KEYS = ("article", "source", "reuse", "verbatim", "edited", "paraphrase", "containment", "label", "page")


class PairRows:
    """report.json's "pairs": one row per pair listed by the analysis, made while it is
    written (at N = 1,000 that is a million rows, nearly all of pairs sharing nothing)."""

    def __init__(self, pairs: PairTable | Iterable, with_page: set[tuple[str, str]]):
        self.pairs = pairs
        self.with_page = with_page

    def _listing(self):
        if isinstance(self.pairs, PairTable):
            return self.pairs.listing()
        return ((p.article, p.source, p) for p in self.pairs)

    def __len__(self) -> int:
        return len(self.pairs)

    def __iter__(self):
        for values in self.rows():
            yield dict(zip(PAIR_KEYS, values))

    def rows(self):
        """The values of each row in ``PAIR_KEYS`` order."""
        for article, source, pair in self._listing():
            yield self._values(article, source, pair)

    def json_rows(self):
        """Each row as ``json.dumps(..., indent=2)`` writes it two levels deep; a pair that
        shares nothing from a template."""
        empty = _pair_object(self._values("", "", None)).split('"source": "",', 1)[1]
        for article, source, pair in self._listing():
            if pair is None and (article, source) not in self.with_page:
                yield f'    {{\n      "article": {_encode_str(article)},\n      "source": {_encode_str(source)},{empty}'
            else:
                yield _pair_object(self._values(article, source, pair))

    def _values(self, article: str, source: str, pair) -> tuple:
        page = pair_page(article, source) if (article, source) in self.with_page else None
        if pair is None:
            return article, source, 0.0, 0.0, 0.0, 0.0, 0.0, derivation_label(0.0), page
        return (article, source, pair.reuse, pair.verbatim, pair.edited, pair.paraphrase, pair.containment,
                pair_label(pair), page)


_PAIRS_HOLE = '\n  "pairs": [],\n'


def report_json(data: dict[str, Any]) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)``, with the pair rows formatted one
    by one (json's indented encoder is pure Python: seconds per million rows)."""
    pairs = data["pairs"]
    if not isinstance(pairs, PairRows) or not len(pairs):
        return json.dumps({**data, "pairs": list(pairs)}, ensure_ascii=False, indent=2) + "\n"
    head, tail = json.dumps({**data, "pairs": []}, ensure_ascii=False, indent=2).split(_PAIRS_HOLE, 1)
    rows = ",\n".join(pairs.json_rows())
    return f'{head}\n  "pairs": [\n{rows}\n  ],\n{tail}\n'


def _pair_object(values: tuple) -> str:
    """One pair as ``json.dumps`` indents it two levels deep."""
    return "    {\n" + ",\n".join(f'      "{k}": {_json(v)}' for k, v in zip(PAIR_KEYS, values)) + "\n    }"


def _json(value: Any) -> str:
    if type(value) is str:
        return _encode_str(value)
    if type(value) is float:
        return float.__repr__(value)
    return json.dumps(value, ensure_ascii=False)


def _cell(value: Any) -> Any:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    if isinstance(value, str) and value.lstrip(" \u00a0\n").startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def _csv(header: list[str], rows: Iterable[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return out.getvalue()


def pairs_csv(data: dict[str, Any]) -> str:
    keys = ["article", "source", "reuse", "verbatim", "edited", "paraphrase", "containment", "page", "label"]
    pairs = data["pairs"]
    if not isinstance(pairs, PairRows):
        return _csv(keys, [[p[k] for k in keys] for p in pairs])
    order = [PAIR_KEYS.index(k) for k in keys]
    return _csv(keys, ([values[k] for k in order] for values in pairs.rows()))


def quotes_csv(data: dict[str, Any]) -> str:
    header = ["quote", "text", "speaker", "origin", "article", "status", "article_text", "score"]
    rows = [[q["id"], q["text"], q["speaker"], q["origin"], o["article"], o["status"], o["text"], o["score"]]
            for q in data["quotes"] for o in q["occurrences"]]
    return _csv(header, rows)
