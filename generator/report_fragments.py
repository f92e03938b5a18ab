"""Where report.json and pairs.csv are cut into fragments, and each fragment's key.

A fragment is a run of consecutive rows: the pairs of one article with a run of sources,
or the occurrences of one quote in a run of articles (generator/fragments.py copies an
unchanged one from the last build's file). The runs are cut where the article ids say
(after an id whose CRC-32 is a multiple of ``RUN``), not at fixed counts: adding or
removing one article changes the one run that holds it in each block and leaves the
others, and their keys, as they were.

A key digests everything its rows' text is made from, and nothing else, so that it is
cheap to make for the million pairs of N = 1,000: the ids of the run, the article, which
sources were published after it (one byte per source, cut from a row-wide array), the
pairs with a page, and the figures of the stored pairs (an all-zero pair's row is made
from the ids alone). The code that formats the rows is in the file's theme key.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import zlib
from collections.abc import Iterator, Sequence
from functools import lru_cache
from operator import attrgetter

import numpy as np

from .model import QuoteCluster
from .pairs import PairTable

_figures = attrgetter("reuse", "verbatim", "edited", "paraphrase", "containment", "vocabulary", "new_words")
"""What a pair's row shows of its result (its label is made from these)."""
RUN = 32
"""Average number of rows in a fragment."""


@lru_cache(maxsize=8)
def runs(ids: tuple[str, ...]) -> tuple[tuple[int, int, bytes], ...]:
    """(start, end, digest of the ids) of each run of ``ids``; a run ends after an id whose
    CRC-32 is a multiple of ``RUN``, and at the end."""
    found, start = [], 0
    for k, name in enumerate(ids):
        if zlib.crc32(name.encode("utf-8")) % RUN == 0 or k == len(ids) - 1:
            found.append((start, k + 1, _digest(_plain(ids[start:k + 1]))))
            start = k + 1
    return tuple(found)


def _plain(value) -> bytes:
    """``value`` pickled without the memo: equal values give equal bytes however their
    strings are shared (one read from the cache, one computed afresh)."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=4)
    pickler.fast = True
    pickler.dump(value)
    return out.getvalue()


def _digest(*parts: bytes) -> bytes:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.digest()


def pair_runs(table: PairTable, with_page: set[tuple[str, str]], position: dict[str, int], kind: bytes
              ) -> Iterator[tuple[int, int, int, int, bytes]]:
    """(article index, run start, run end, rows in it, key) of each non-empty run of the
    table's listing, in its order; ``kind`` tells the files (and their columns) apart."""
    ids = table.ids
    spans = runs(ids)
    run_of = [r for r, (start, end, _) in enumerate(spans) for _ in range(start, end)]
    later_of = np.array([position[a] for a in ids])
    paged: dict[str, list[str]] = {}
    for article, source in with_page:
        paged.setdefault(article, []).append(source)
    index = {a: k for k, a in enumerate(ids)}
    for i, article in enumerate(ids):
        later = (later_of > later_of[i]).tobytes()
        row = table.row(i)
        stored: list[list] = [[] for _ in spans]
        for j, p in row.items():
            stored[run_of[j]].append((j, _figures(p)))
        pages: list[list[int]] = [[] for _ in spans]
        for source in paged.get(article, ()):
            pages[run_of[index[source]]].append(index[source])
        head = kind + b"\0" + article.encode("utf-8")
        for r, (start, end, names) in enumerate(spans):
            count = (end - start - (start <= i < end)) if table.complete else len(stored[r])
            if count:
                yield i, start, end, count, _digest(head, names, later[start:end],
                                                    _plain((stored[r], sorted(pages[r]))))


def occurrence_runs(cluster: QuoteCluster) -> Iterator[tuple[int, int, Sequence, bytes]]:
    """(run start, run end, stored occurrences in it, key) of each run of the cluster's
    articles: the key covers the run's ids and its stored occurrences, which with the
    code are all its text is made from (an absent article's text is made from its id)."""
    found = list(cluster.found)
    k = 0
    for start, end, names in runs(cluster.articles):
        members = set(cluster.articles[start:end])
        first = k
        while k < len(found) and found[k].article in members:
            k += 1
        mine = found[first:k]
        yield start, end, mine, _digest(b"occurrences", names, _plain(
            [occurrence_values(o) for o in mine]))


def occurrence_values(o) -> tuple:
    """An occurrence's values as the data files write them (and its fragment key digests:
    one function, so the key covers every value written)."""
    return o.article, o.status, o.text, o.score, o.speaker, o.paraphrase
