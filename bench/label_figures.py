"""Label figures that leave quotations out, tried against the shipped rule on METER courts.

    python bench/label_figures.py [--corpora DIR]

Independent reports of one hearing share its direct quotations, which raises their lexical
reuse; a figure counted on the narrator's own words (outside the quote spans that
``extract_quotes`` finds) might tell copying from reporting better, and so might long
stretches copied word for word. Each candidate figure (``figures``) takes the place of
lexical reuse in the shipped rule and is fitted on METER's calibration half exactly as
``bench/accuracy.py`` fits lexical reuse (its thresholds alone, then shared vocabulary and
the new-word cap with them fixed); the test half is reported, with the fit on the test half
scored on the calibration half, and a story bootstrap of the test difference from lexical
reuse. Each figure is also tried as a third route to "partially derived" beside the shipped
rule (its threshold fitted on calibration). Prints tables; the numbers are recorded in
bench/RESULTS.md section 7 (nothing is written).
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import os
import random
import sys
import time
from pathlib import Path

import numpy as np
from rapidfuzz.distance import Levenshtein

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent), str(BENCH)]

from accuracy import CAPS, CLASSES, GRID, LABELS, MeterCase, article, cpu_seconds, fitted, split  # noqa: E402
from meter_labels import capped_labels, fit_cap, macro_f1_levels, truth_levels  # noqa: E402
from metrics import roc_auc  # noqa: E402

from generator.compare import compare_pair  # noqa: E402
from generator.model import Article, PairResult  # noqa: E402
from generator.quotes import extract_quotes  # noqa: E402
from generator.quotes.unquoted import BLOCK, narrative_words  # noqa: E402

RUNS = (10, 15, 20)
"""Least lengths of the verbatim runs counted by the ``verbatim_run`` figures."""


def quoted(article: Article, speech_only: bool) -> list[bool]:
    """For each of the article's words: inside a quotation (speech quotes only, or every
    quoted stretch, titles and scare quotes included)."""
    quotes = tuple(q for q in extract_quotes(article) if q.speech or not speech_only)
    return [w == BLOCK for w in narrative_words(article, quotes)]


def covered(size: int, ranges) -> list[bool]:
    flags = [False] * size
    for start, end in ranges:
        flags[start:end] = [True] * (end - start)
    return flags


def verbatim_runs(article: Article, source: Article, result: PairResult, least: int) -> list[tuple[int, int]]:
    """Article word ranges copied word for word (a passage's unchanged block) of ``least`` words or more."""
    runs = []
    for p in result.passages:
        ops = Levenshtein.opcodes(article.words.norm[p.a_start:p.a_end], source.words.norm[p.s_start:p.s_end])
        runs += [(p.a_start + op.src_start, p.a_start + op.src_end) for op in ops
                 if op.tag == "equal" and op.src_end - op.src_start >= least]
    return runs


def share(flags: list[bool], within: list[bool]) -> float:
    """Share of the ``within`` words that ``flags`` marks."""
    total = sum(within)
    return sum(f and w for f, w in zip(flags, within)) / total if total else 0.0


def figures(paper: Article, source: Article, source_quoted: list[bool], result: PairResult) -> dict[str, float]:
    n = len(paper.words)
    aligned = covered(n, [(p.a_start, p.a_end) for p in result.passages])
    everything = [True] * n
    narrator = [not q for q in quoted(paper, speech_only=False)]
    narrator_speech = [not q for q in quoted(paper, speech_only=True)]
    source_aligned = covered(len(source.words), [(p.s_start, p.s_end) for p in result.passages])
    out = {
        "lexical": result.reuse,
        "narrator": share(aligned, narrator),
        "narrator_speech": share(aligned, narrator_speech),
        "narrator_of_all": share([a and k for a, k in zip(aligned, narrator)], everything),
        "source_narrator": share(source_aligned, [not q for q in source_quoted]),
    }
    for least in RUNS:
        runs = covered(n, verbatim_runs(paper, source, result, least))
        out[f"verbatim_run_{least}"] = share(runs, everything)
        out[f"narrator_run_{least}"] = share(runs, narrator)
    return out


def meter_figures(root: Path) -> list[tuple[MeterCase, dict[str, float]]]:
    """Every labelled courts article against its story's concatenated PA copy (as
    ``accuracy.meter_cases``, without paraphrase and the best single file)."""
    with open(root / "derived/document_labels.csv", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["domain"] == "courts" and any((root / r["pa_dir"]).glob("*.txt"))]
    sources: dict[str, tuple[Article, list[bool]]] = {}
    out = []
    for n, row in enumerate(rows):
        if row["pa_dir"] not in sources:
            joined = article(f"pa{len(sources)}", sorted((root / row["pa_dir"]).glob("*.txt")))
            sources[row["pa_dir"]] = (joined, quoted(joined, speech_only=False))
        source, source_quoted = sources[row["pa_dir"]]
        paper = article(f"np{n}", [root / row["newspaper_file"]])
        r = compare_pair(paper, source)
        case = MeterCase(row["newspaper_file"], row["pa_dir"], LABELS[row["label"]], r.reuse, r.reuse,
                         r.containment, r.vocabulary, r.new_words, 0.0)
        out.append((case, figures(paper, source, source_quoted, r)))
    return out


def fit(cases: list[MeterCase]) -> tuple[tuple, tuple]:
    """The shipped rule's fit (``bench/accuracy.py``): the first figure's thresholds alone,
    then shared vocabulary and the new-word cap with them fixed."""
    first = fitted(cases, "lexical")[:2]
    return first, fit_cap(cases, first, [x for x in GRID if x >= 0.3], CAPS)[:3]


def rule_levels(cases: list[MeterCase], rule: tuple[tuple, tuple]) -> np.ndarray:
    first, (partially, wholly, cap) = rule
    return capped_labels(cases, first, (partially, wholly), cap)


def evaluate(rows: list[tuple[MeterCase, dict[str, float]]], name: str) -> dict:
    """The shipped rule with figure ``name`` in the place of lexical reuse: fitted on each
    half, scored on both."""
    cal, test = split([dataclasses.replace(c, lexical=f[name]) for c, f in rows])
    on_cal, on_test = fit(cal), fit(test)
    derived = lambda part: [c.truth != CLASSES[0] for c in part]  # noqa: E731
    return {"rule": on_cal, "cal": macro_f1_levels(truth_levels(cal), rule_levels(cal, on_cal)),
            "test": macro_f1_levels(truth_levels(test), rule_levels(test, on_cal)),
            "swapped": macro_f1_levels(truth_levels(cal), rule_levels(cal, on_test)),
            "auc_cal": roc_auc([c.lexical for c in cal], derived(cal)),
            "auc_test": roc_auc([c.lexical for c in test], derived(test)),
            "levels": (rule_levels(cal, on_cal), rule_levels(test, on_cal)), "parts": (cal, test)}


def bootstrap(cases: list[MeterCase], ours: np.ndarray, theirs: np.ndarray, draws: int = 1000) -> tuple:
    """Mean and 95% interval of the macro-F1 difference ours - theirs over stories drawn with
    replacement (articles of one story move together)."""
    rng = random.Random(47)
    truth = truth_levels(cases)
    by_story: dict[str, list[int]] = {}
    for i, c in enumerate(cases):
        by_story.setdefault(c.story, []).append(i)
    stories = sorted(by_story)
    diffs = []
    for _ in range(draws):
        pick = [i for s in rng.choices(stories, k=len(stories)) for i in by_story[s]]
        diffs.append(macro_f1_levels(truth[pick], ours[pick]) - macro_f1_levels(truth[pick], theirs[pick]))
    return float(np.mean(diffs)), float(np.percentile(diffs, 2.5)), float(np.percentile(diffs, 97.5))


def route(rows: list[tuple[MeterCase, dict[str, float]]], name: str) -> tuple[float, float, float]:
    """(threshold, calibration, test macro-F1): the shipped rule as fitted, with "partially
    derived" also reached by figure ``name`` at a threshold fitted on calibration."""
    cal, test = split([c for c, _ in rows])
    figure = {c.file: f[name] for c, f in rows}
    shipped = fit(cal)

    def f1(part, threshold):
        extra = (np.array([figure[c.file] for c in part]) >= threshold).astype(np.int8)
        return macro_f1_levels(truth_levels(part), np.maximum(rule_levels(part, shipped), extra))

    threshold = max((f1(cal, t), -t) for t in np.arange(0.005, 0.6, 0.005))[1] * -1
    return threshold, f1(cal, threshold), f1(test, threshold)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", type=Path, default=BENCH.parent.parent / "shared" / "corpora")
    args = parser.parse_args()
    started = time.perf_counter()
    rows = meter_figures(args.corpora / "meter-courts")
    print("| figure in place of lexical reuse | own thresholds | vocabulary / cap | macro-F1 cal / test "
          "| fitted on test, on cal | AUC derived cal / test | test - lexical (story bootstrap, 95%) |")
    print("|---|---|---|---|---|---|---|")
    base = evaluate(rows, "lexical")
    for name in rows[0][1]:
        e = evaluate(rows, name)
        (t1, t2), (v1, v2, cap) = e["rule"]
        diff = bootstrap(e["parts"][1], e["levels"][1], base["levels"][1]) if name != "lexical" else None
        print(f"| {name} | {t1:.2f} / {t2:.2f} | {v1:.2f} / {v2:.2f}, {cap} | {e['cal']:.3f} / {e['test']:.3f} | "
              f"{e['swapped']:.3f} | {e['auc_cal']:.3f} / {e['auc_test']:.3f} | "
              + (f"{diff[0]:+.3f} [{diff[1]:+.3f}, {diff[2]:+.3f}]" if diff else "") + " |", flush=True)
    print("\n| figure as a third route to partially derived | threshold | macro-F1 cal / test |\n|---|---|---|")
    for name in list(rows[0][1])[1:]:
        threshold, cal_f1, test_f1 = route(rows, name)
        print(f"| {name} | {threshold:.3f} | {cal_f1:.3f} / {test_f1:.3f} |", flush=True)
    print("\nMean share of the article's words aligned and inside quotation marks (lexical - narrator_of_all): "
          + ", ".join(f"{t} {np.mean([f['lexical'] - f['narrator_of_all'] for c, f in rows if c.truth == t]):.3f}"
                      for t in CLASSES))
    print(f"{time.perf_counter() - started:.0f} s wall, {cpu_seconds():.0f} s CPU, "
          f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
