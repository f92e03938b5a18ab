"""The compare stage's rows in the build cache: each article's row of pair results, keyed by
the article and the settings, its entries by the source they were aligned with."""

from __future__ import annotations

import pickle
from array import array

from .cache import Cache, digest
from .compare_settings import AlignSettings
from .model import Article, PairResult
from .pairs import StoredRow


def fingerprint(article: Article) -> str:
    """Hash of everything a pair result depends on in one article (id, text, words).

    Plain strings only: the pickle of a tuple depends on which of its equal strings are one
    object (an article read back from the cache shares them), and so would the hash."""
    w = article.words
    return digest(article.id, article.text, "\n".join(w.norm), array("q", w.starts).tobytes(),
                  array("q", w.ends).tobytes())


def row_keys(articles: list[Article], settings: AlignSettings) -> list[tuple[str, str]]:
    """Per article: the cache key of its row and its key as an entry of other rows."""
    settings_key = digest(repr(settings))
    prints = [fingerprint(a) for a in articles]
    return [(f"{p}-{settings_key}", p) for p in prints]


def cached_rows(cache: Cache | None, keys: list[tuple[str, str]], candidates: list[list[int]]
                ) -> tuple[list[dict[int, PairResult] | StoredRow], list[tuple[int, list[int]]], int]:
    """Each row's candidate pairs found in the cache (a row found whole stays pickled until
    read), the rows with pairs left to align (and which), and how many pairs were found."""
    rows: list[dict[int, PairResult] | StoredRow] = []
    todo, reused = [], 0
    for i, js in enumerate(candidates):
        if not js:
            rows.append({})
            continue
        entry = cache.get("pairs", keys[i][0]) if cache else None
        if not (isinstance(entry, tuple) and len(entry) == 2):
            entry = ((), None)
        prints, blob = entry
        index = {keys[j][1]: j for j in js}
        if len(prints) == len(js) and all(p in index for p in prints):
            rows.append(StoredRow(blob, [index[p] for p in prints]))
            reused += len(js)
            continue
        found = zip(prints, pickle.loads(blob)) if blob else ()
        row = {index[p]: hit for p, hit in found if p in index}
        rows.append(row)
        reused += len(row)
        todo.append((i, [j for j in js if j not in row]))
    return rows, todo, reused
