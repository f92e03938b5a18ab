"""report.json (the data contract of design.md) and its spreadsheet companions.

Each file is made as a stream of text chunks, written while it is made (generator/render.py):
at N = 1,000 report.json is about 500 MB, nearly all of it the pair rows and the quotes'
occurrences, which are made row by row and never held at once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from json.encoder import encode_basestring as _encode_str
from typing import TYPE_CHECKING, Any

from . import fragments
from .fragments import Fragment
from .paths import article_page
from .report_format import csv_chunks, indented, separated
from .report_rows import PairRows, QuoteRows

if TYPE_CHECKING:
    from .build import Analysis

SCHEMA = "wiretrace/report@1"


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
        "pairs": PairRows(analysis.pairs, with_page, {a.id: k for k, a in enumerate(analysis.articles)}),
        "quotes": QuoteRows(analysis.quotes),
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


def report_json_chunks(data: dict[str, Any]) -> Iterator[str]:
    """The text of ``json.dumps(data, ensure_ascii=False, indent=2) + "\n"``, in chunks."""
    return fragments.as_text(report_json_pieces(data))


def report_json_pieces(data: dict[str, Any]) -> Iterator[str | Fragment]:
    """report.json's text one top-level value or list item at a time, pair rows and quote
    occurrences formatted one by one (json's indented encoder is pure Python: seconds per
    million rows), in fragments a rebuild may copy from the last file (generator/fragments.py)."""
    yield "{"
    for n, (key, value) in enumerate(data.items()):
        yield f'{"," if n else ""}\n  {_encode_str(key)}: '
        if isinstance(value, (list, PairRows, QuoteRows)):
            yield from _json_list(value)
        else:
            yield indented(value, "\n  ")
    yield "\n}\n"


def _json_list(items: list | PairRows | QuoteRows) -> Iterator[str | Fragment]:
    """A list two levels deep, item by item, as ``json.dumps(..., indent=2)`` writes it
    (the pairs and quotes partly as fragments, generator/fragments.py)."""
    pieces = (items.json_pieces() if not isinstance(items, list)
              else separated(("    " + indented(i, "\n    ") for i in items), "[\n", ",\n"))
    empty = True
    for piece in pieces:
        yield piece
        empty = False
    yield "[]" if empty else "\n  ]"


def pairs_csv_chunks(data: dict[str, Any]) -> Iterator[str]:
    return fragments.as_text(pairs_csv_pieces(data))


def pairs_csv_pieces(data: dict[str, Any]) -> Iterator[str | Fragment]:
    """pairs.csv's text, the rows in fragments (generator/fragments.py)."""
    keys = ["article", "source", "reuse", "verbatim", "edited", "paraphrase", "containment", "page", "label",
            "vocabulary", "new_words"]
    pairs = data["pairs"]
    if not isinstance(pairs, PairRows):
        return csv_chunks(keys, ([p[k] for k in keys] for p in pairs))
    return _csv_with_header(keys, pairs.csv_pieces(keys))


def _csv_with_header(header: list[str], pieces: Iterable[str | Fragment]) -> Iterator[str | Fragment]:
    yield from csv_chunks(header, ())
    yield from pieces


def quotes_csv_chunks(data: dict[str, Any]) -> Iterator[str]:
    """One row per quote and article that has it: ``absent`` occurrences (every other
    article) are left out, unlike in report.json."""
    header = ["quote", "text", "speaker", "origin", "article", "status", "article_text", "score"]
    # From the clusters (data["quotes"] is a QuoteRows): a dict per occurrence would be made
    # for every absent one only to be skipped.
    return csv_chunks(header, ([q.id, q.text, q.speaker, q.origin, o.article, o.status, o.text, o.score]
                               for q in data["quotes"].clusters for o in q.found if o.status != "absent"))
