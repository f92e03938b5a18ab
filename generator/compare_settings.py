"""The compare stage's settings: how passages are aligned, and when candidate pairs are
pruned (site.yml ``compare:``, validated by generator/config.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AlignSettings:
    """Passage alignment parameters, calibrated on METER courts (bench/calibrate.py).

    With these defaults, over 354 token-tagged METER articles × their PA files, words in
    passages against words tagged Verbatim or Rewrite: precision 0.910, recall 0.538;
    unchanged words against Verbatim: precision 0.912, recall 0.634. Recall is bounded by
    METER's tagging: Rewrite spans are mostly re-worded (paraphrase, not edits), and 35% of
    Verbatim words lie in stretches of 7 words or fewer between rewrites.
    """

    seed: int = 3
    """Seed n-gram length in words; a seed made only of stopwords is ignored. On METER
    seed 4 loses recall at every setting (aligned-word F1 0.611 against 0.665 for 3 at max_gap 10)."""
    min_passage: int = 8
    """Minimum passage length in words (span in the article). Keeps stock phrases ("Russian
    President Vladimir Putin", "according to state media") from counting on their own;
    6 gains 0.02 recall on METER for 0.01 precision."""
    min_content: int = 4
    """Minimum number of non-stopwords in a passage (3 or 4: within 0.01 on METER)."""
    edit_tolerance: float = 60.0
    """Minimum rapidfuzz ``fuzz.ratio`` (0-100) of the passage's words in both texts; a
    chain below it is split at its widest gap and each part tried again. 40-70 change
    METER figures by under 0.01: the gap limit already keeps chains similar."""
    max_gap: int = 15
    """Most words skipped in either text between two exact runs of one passage: the main
    precision/recall knob. METER aligned words P/R with the other defaults: gap 10
    0.923/0.503, 15 0.910/0.538; without ``min_anchor`` (3): 6 0.929/0.473, 10
    0.917/0.521, 15 0.897/0.564, 20 0.883/0.595."""
    edge_skip: int = 2
    """At a passage's ends, words skipped to reach the next shared content word (so an edit
    in the first or last words of a copied sentence stays inside the passage); +0.01
    METER recall over 0."""
    min_anchor: int = 5
    """A passage needs one run of at least this many identical words: three stock phrases
    in the same order ("Putin ... according to state media ... the United States") are not
    a passage. Costs METER recall (3: 0.576, 5: 0.538 at gap 15) for precision (0.895,
    0.910) and robustness against runs of stock phrases."""
    max_fanout: int = 4
    """A seed found more often than this in the source is a refrain there, not evidence."""
    sentence_share: float = 0.7
    """Least share of the distinct content words of an unaligned sentence found in one
    source sentence (or two adjacent ones) for it to be an edited passage
    (``generator/edited.py``); above 1 turns edited sentences off. Fitted on METER's
    calibration half (the label split's even stories: 174 token-tagged articles, 381
    labelled ones) for the best label macro-F1 at aligned-word precision 0.85 or more
    (0.6 / 0.65 / 0.7 / 0.75 / 0.8 tried): words tagged Verbatim or Rewrite, precision/recall
    0.906/0.554 without edited sentences, 0.873/0.650 with 0.7 and ``partial_share`` 0.3
    (0.861/0.669 with 0.6 and 0.3, at a lower label macro-F1: 0.701 against 0.708)."""
    partial_share: float = 0.3
    """The same for the unaligned rest of a sentence a passage reaches into (0.3 / 0.4 / 0.5
    tried): the passage is evidence already."""
    sentence_min_shared: int = 3
    """Least number of shared content words of such an edited passage."""


DEFAULT = AlignSettings()
AT_LEAST_ONE = frozenset({"sentence_min_shared"})
"""Settings below 1 are meaningless: an edited passage with no shared word has no extent."""


@dataclass(frozen=True, slots=True)
class PruneSettings:
    """When candidate pairs are pruned (site.yml ``compare:``, with ``AlignSettings``).

    Up to ``exact_max`` articles every ordered pair is accounted for (the pruning below
    ``exact_max`` is exact, see ``compare_all``). Above it, in the style of passim, only pairs
    sharing at least ``min_rare`` 5-word shingles that each occur in at most ``rare_df``
    articles are aligned and listed in report.json and pairs.csv, which then say
    ``"pairs_complete": false``. Lost: pairs whose shared text is all stock phrases or lines
    copied by more than ``rare_df`` articles, and pairs sharing under ``min_rare`` rare
    shingles (a passage holds a run of ``min_anchor`` identical words, so at least one).
    The semantic stage then looks for paraphrase in the listed pairs only.
    """

    exact_max: int = 2000
    """Largest set compared exactly and completely (design.md: all-pairs counts at N = 1,000
    take a fraction of a second; 10^8 listed pairs at N = 10,000 do not fit a report)."""
    rare_df: int = 100
    """Above ``exact_max``: most articles a shingle may occur in and still make two
    articles candidates (passim's max-df default)."""
    min_rare: int = 2
    """Above ``exact_max``: rare shingles a pair must share to be aligned and listed."""


def split_settings(overrides: tuple[tuple[str, object], ...] = ()) -> tuple[AlignSettings, PruneSettings]:
    """site.yml's ``compare:`` overrides divided between the two settings classes."""
    names = set(PruneSettings.__dataclass_fields__)
    prune = {k: v for k, v in overrides if k in names}
    return AlignSettings(**{k: v for k, v in overrides if k not in names}), PruneSettings(**prune)
