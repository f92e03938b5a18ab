"""The site stage reads the pair table without making its all-zero pairs, and gets the same
answers as from a list of every pair."""

from __future__ import annotations

import sys
from pathlib import Path

from generator import compare
from generator.pairs import PairTable
from generator.site.pairs import lookup, pairs_by_key, story_pairs

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from synth import generate  # noqa: E402


def _table() -> PairTable:
    table = compare.compare_all(list(generate(24, seed=2).articles), jobs=1)
    assert isinstance(table, PairTable)
    return table


def test_lookup_answers_as_a_dict_of_every_pair():
    table = _table()
    every = {(p.article, p.source): p for p in table}
    find = lookup(table)
    ids = (*table.ids, "unknown")
    assert all(find(a, s) == every.get((a, s)) for a in ids for s in ids)
    assert any(not p.reuse for p in every.values()) and any(p.reuse for p in every.values())


def test_story_pairs_list_what_filtering_every_pair_lists():
    table = _table()
    ids = set(table.ids[::2])
    assert list(story_pairs(table, ids)) == [p for p in table if p.article in ids and p.source in ids]
    assert story_pairs(tuple(table), ids) == tuple(p for p in table if p.article in ids and p.source in ids)


def test_stored_pairs_hold_what_shares_anything_and_read_others_as_zero():
    table = _table()
    every = pairs_by_key(table, every=True)
    some = pairs_by_key(table, every=False)
    assert len(some) < len(every)
    assert all(some[k] == p for k, p in every.items())
