"""Values as the data files write them: json.dumps's indented layout one value at a time
(its indented encoder is pure Python: seconds per million rows), and CSV cells a
spreadsheet shows as text, written in batches."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable, Iterator
from json.encoder import encode_basestring as _encode_str
from typing import Any

# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def separated(rows: Iterable[str], first: str, rest: str) -> Iterator[str]:
    """Each row after its separator: ``first`` before the first row, ``rest`` before the others."""
    separator = first
    for row in rows:
        yield separator + row
        separator = rest


def indented(value: Any, newline: str) -> str:
    """``value`` indented as json writes it nested (its strings never hold a raw newline)."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", newline)


def flat_object(keys: tuple[str, ...], values: tuple, indent: str) -> str:
    """An object of plain values as ``json.dumps(..., indent=2)`` writes it at ``indent``."""
    return "{\n" + ",\n".join(members(keys, values, indent + "  ")) + f"\n{indent}}}"


def members(keys: tuple[str, ...], values: tuple, indent: str) -> Iterator[str]:
    return (f'{indent}"{k}": {json_value(v)}' for k, v in zip(keys, values))


def json_value(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False)`` of a plain value, the usual types first."""
    kind = type(value)
    if kind is float and math.isfinite(value):
        return float.__repr__(value)
    if kind is str:
        return _encode_str(value)
    if value is None:
        return "null"
    if kind is int:
        return int.__repr__(value)
    return json.dumps(value, ensure_ascii=False)


def csv_cell(value: Any) -> Any:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    if isinstance(value, str) and value.lstrip(" \u00a0\n").startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


CSV_BATCH = 2000
"""Rows written into one chunk of a CSV file."""


def csv_line(row: list[Any]) -> str:
    """``row`` as ``csv_chunks`` writes it, line end included."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([csv_cell(v) for v in row])
    return out.getvalue()


def csv_cell_text(value: str) -> str:
    """A non-empty string's cell as the writer writes it in a row of several (a row of one
    empty cell is written apart)."""
    return csv_line([value, "x"])[:-len(",x\n")]


def csv_chunks(header: list[str] | None, rows: Iterable[list[Any] | str]) -> Iterator[str]:
    """The CSV text of ``rows`` (after ``header`` if given), in batches; a row given as a
    string is a finished line."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if header is not None:
        writer.writerow(header)
    for n, row in enumerate(rows, 1):
        if type(row) is str:
            out.write(row)
        else:
            writer.writerow([csv_cell(v) if v is None or isinstance(v, str) else v for v in row])
        if n % CSV_BATCH == 0:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()
