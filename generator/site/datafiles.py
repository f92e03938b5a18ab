"""What the data files (report.json, pairs.csv, quotes.csv) are made from, as page inputs.

Making report.json costs seconds at N = 1,000 (500 MB, a million pair rows, a million
quote occurrences); its inputs pickle in a fraction of that. Given as the streamed pages'
``inputs``, they let a build whose analysis did not change keep the previous files without
making them (generator/rendered.py), as it keeps an unchanged HTML page.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from ..model import PairResult
from ..pairs import PairTable
from ..report_rows import PairRows, QuoteRows

FIGURES = tuple(f.name for f in fields(PairResult) if f.name != "passages")
"""What a data file reads of a pair result: every field but the aligned passages."""


def data_inputs(data: dict[str, Any]) -> tuple:
    """``data`` (``report.report_data``) as plain values that pickle the same whenever the
    files are the same: the pair table as its ids, completeness and each stored pair's
    figures, the pairs with a page sorted, the quote clusters as they are."""
    return tuple((key, _plain(value)) for key, value in data.items())


def _plain(value: Any) -> Any:
    if isinstance(value, PairRows):
        pairs = value.pairs
        stored = pairs.stored if isinstance(pairs, PairTable) else pairs
        table = (pairs.ids, pairs.complete) if isinstance(pairs, PairTable) else ()
        return (table, [tuple(getattr(p, name) for name in FIGURES) for p in stored], sorted(value.with_page),
                sorted(value.position.items()))
    if isinstance(value, QuoteRows):
        return tuple(value.clusters)
    return value
