"""The pair rows and quote clusters of report.json and the CSVs, made while they are written.

At N = 1,000 the pairs are a million rows and the quotes 1.3 M occurrences, nearly all of
report.json: each row is formatted as ``json.dumps(..., indent=2)`` writes it (or from a
template, for a pair sharing nothing and an absent occurrence), in runs that a rebuild may
copy from the last file (generator/report_fragments.py, generator/fragments.py)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache, partial
from json.encoder import encode_basestring as _encode_str
from typing import Any

from .fragments import Fragment
from .labels import derivation_label, pair_label
from .model import PairResult, QuoteOccurrence
from .pairs import PairTable
from .paths import pair_page
from .report_format import csv_cell_text, csv_chunks, csv_line, flat_object, json_value, members, separated
from .report_fragments import occurrence_runs, occurrence_values, pair_runs

PAIR_KEYS = ("article", "source", "reuse", "verbatim", "edited", "paraphrase", "containment", "vocabulary",
             "new_words", "label", "page")


class PairRows:
    """report.json's "pairs": one row per pair listed by the analysis, made while it is
    written (at N = 1,000 that is a million rows, nearly all of pairs sharing nothing).

    A pair whose source was published after its article has no ``label`` (null; empty in
    pairs.csv): a later article cannot be where the article took its text from, so no
    derivation is claimed. Its figures stay: they measure the text the two share."""

    def __init__(self, pairs: PairTable | Iterable, with_page: set[tuple[str, str]], position: dict[str, int]):
        self.pairs = pairs
        self.with_page = with_page
        self.position = position
        """Each article's place in publication order."""
        self._made: dict[Any, Any] = {}
        """Templates and id cells made once for all the runs of rows (``_once``)."""

    def _once(self, key: Any, make):
        found = self._made.get(key)
        if found is None:
            found = self._made[key] = make()
        return found

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
        return self._json_rows(self._listing())

    def _json_rows(self, listing):
        # The rest of an all-zero row after "source": for an earlier source, for a later one.
        empty = self._once("json", lambda: tuple(
            _pair_object(self._values("", "", None, later)).split('"source": "",', 1)[1] for later in (False, True)))
        for article, source, pair in listing:
            if pair is None and (article, source) not in self.with_page:
                yield (f'    {{\n      "article": {_encode_str(article)},\n      "source": {_encode_str(source)},'
                       f'{empty[self._later(article, source)]}')
            else:
                yield _pair_object(self._values(article, source, pair))

    def json_pieces(self) -> Iterator[str | Fragment]:
        """The list's rows, each after its separator ("[\n" before the first, ",\n" before
        the others): for a pair table, a fragment per run of rows (generator/report_fragments.py)."""
        if not isinstance(self.pairs, PairTable):
            yield from separated(self.json_rows(), "[\n", ",\n")
            return
        first = True
        for i, start, end, _, key in pair_runs(self.pairs, self.with_page, self.position, b"json"):
            yield Fragment(b"[" + key if first else key, partial(self._json_run, i, start, end, first))
            first = False

    def _json_run(self, i: int, start: int, end: int, first: bool) -> str:
        return "".join(separated(self._json_rows(self._run_listing(i, start, end)), "[\n" if first else ",\n", ",\n"))

    def _run_listing(self, i: int, start: int, end: int) -> Iterator[tuple[str, str, PairResult | None]]:
        """The listing's rows of article ``i`` with the sources ``start:end``."""
        ids, row = self.pairs.ids, self.pairs.row(i)
        if not self.pairs.complete:
            return ((ids[i], ids[j], p) for j, p in row.items() if start <= j < end)
        return ((ids[i], ids[j], row.get(j)) for j in range(start, end) if j != i)

    def csv_rows(self, keys: list[str]) -> Iterator[list[Any] | str]:
        """pairs.csv's rows with the columns ``keys`` (article and source first): each
        row's values, or for a pair that shares nothing (and has no page) its finished line,
        made from its two id cells and a template of the rest (two thirds of the rows at
        N = 1,000: 11 cells each through ``csv_cell`` and the writer cost seconds)."""
        return self._csv_rows(keys, self._listing())

    def _csv_rows(self, keys: list[str], listing) -> Iterator[list[Any] | str]:
        if keys[:2] != ["article", "source"]:
            raise ValueError("pairs.csv starts with the article and source columns")
        order = [PAIR_KEYS.index(k) for k in keys]
        # The rest of an all-zero row after the two ids: for an earlier source, for a later one.
        empty = self._once(("csv", *keys), lambda: tuple(
            csv_line([self._values("a", "b", None, later)[k] for k in order])[len("a,b,"):] for later in (False, True)))
        cells: dict[str, str] = self._once("cells", dict)
        for article, source, pair in listing:
            if pair is None and (article, source) not in self.with_page:
                a = cells.get(article) or cells.setdefault(article, csv_cell_text(article))
                s = cells.get(source) or cells.setdefault(source, csv_cell_text(source))
                yield f"{a},{s},{empty[self._later(article, source)]}"
            else:
                values = self._values(article, source, pair)
                yield [values[k] for k in order]

    def csv_pieces(self, keys: list[str]) -> Iterator[str | Fragment]:
        """pairs.csv's lines after its header: for a pair table, a fragment per run of rows."""
        if not isinstance(self.pairs, PairTable):
            yield from csv_chunks(None, self.csv_rows(keys))
            return
        kind = "\0".join(["csv", *keys]).encode("utf-8")
        for i, start, end, _, key in pair_runs(self.pairs, self.with_page, self.position, kind):
            yield Fragment(key, partial(self._csv_run, keys, i, start, end))

    def _csv_run(self, keys: list[str], i: int, start: int, end: int) -> str:
        return "".join(csv_chunks(None, self._csv_rows(keys, self._run_listing(i, start, end))))

    def _later(self, article: str, source: str) -> bool:
        return self.position[source] > self.position[article]

    def _values(self, article: str, source: str, pair, later: bool | None = None) -> tuple:
        page = pair_page(article, source) if (article, source) in self.with_page else None
        if later is None:
            later = self._later(article, source)
        if pair is None:
            return article, source, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0, None if later else derivation_label(0.0), page
        return (article, source, pair.reuse, pair.verbatim, pair.edited, pair.paraphrase, pair.containment,
                pair.vocabulary, pair.new_words, None if later else pair_label(pair), page)


class QuoteRows:
    """report.json's "quotes": each cluster with one occurrence per article, ``absent``
    included (the contract), made while it is written (1.3 M occurrences at N = 1,000; the
    clusters store only the others)."""

    def __init__(self, clusters: list):
        self.clusters = clusters

    def __len__(self) -> int:
        return len(self.clusters)

    def __iter__(self):
        for q in self.clusters:
            yield {**dict(zip(QUOTE_KEYS, _quote_values(q))),
                   "occurrences": [dict(zip(OCCURRENCE_KEYS, occurrence_values(o))) for o in q.occurrences]}

    def json_rows(self):
        """Each cluster as ``json.dumps(..., indent=2)`` writes it two levels deep, its
        occurrences formatted one by one (most of report.json at N = 1,000), an absent one
        from a text template."""
        for q in self.clusters:
            yield "".join(self._cluster_pieces(q, lambda q, start, end, found, first, key:
                                               self._occurrence_run(q, start, end, found, first)))

    def json_pieces(self) -> Iterator[str | Fragment]:
        """The clusters after their separators, each one's occurrences a fragment per run of
        articles (generator/report_fragments.py): adding an article adds an occurrence to
        every cluster, in one run of each."""
        for n, q in enumerate(self.clusters):
            yield "[\n" if n == 0 else ",\n"
            yield from self._cluster_pieces(q, lambda q, start, end, found, first, key: Fragment(
                b"[" + key if first else key, partial(self._occurrence_run, q, start, end, found, first)))

    def _cluster_pieces(self, q, run) -> Iterator:
        head = ",\n".join(members(QUOTE_KEYS, _quote_values(q), "      "))
        yield f'    {{\n{head},\n      "occurrences": '
        if not q.articles:
            yield "[]"
        else:
            for start, end, found, key in occurrence_runs(q):
                yield run(q, start, end, found, start == 0, key)
            yield "\n      ]"
        yield "\n    }"

    def _occurrence_run(self, q, start: int, end: int, found, first: bool) -> str:
        """The occurrences of ``q`` in its articles ``start:end`` (``found``: its stored
        ones among them), each after its separator."""
        stored = {o.article: o for o in found}
        absent = _absent_parts()
        return "".join(
            ("[\n        " if first and k == start else ",\n        ")
            + (f"{absent[0]}{_encode_str(a)}{absent[1]}" if a not in stored
               else flat_object(OCCURRENCE_KEYS, occurrence_values(stored[a]), "        "))
            for k, a in enumerate(q.articles[start:end], start))


QUOTE_KEYS = ("id", "text", "speaker", "origin")
OCCURRENCE_KEYS = ("article", "status", "text", "score", "speaker", "paraphrase")


@lru_cache(maxsize=1)
def _absent_parts() -> tuple[str, str]:
    """An absent occurrence's object before and after its article id."""
    start, end = flat_object(OCCURRENCE_KEYS, occurrence_values(QuoteOccurrence.absent("")), "        ").split('""', 1)
    return start, end


def _quote_values(q) -> tuple:
    return q.id, q.text, q.speaker, q.origin


_PAIR_FORMAT = "    {{\n" + ",\n".join(f'      "{k}": {{}}' for k in PAIR_KEYS) + "\n    }}"


def _pair_object(values: tuple) -> str:
    """One pair as ``json.dumps`` indents it two levels deep (``flat_object``'s text,
    from a format string: a third of a million rows at N = 1,000)."""
    return _PAIR_FORMAT.format(*map(json_value, values))
