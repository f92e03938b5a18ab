"""Calibrate AlignSettings on METER courts (token-tagged Verbatim / Rewrite / New).

Each tagged newspaper article is compared with every PA file of its catchline; a word counts
as aligned if some passage to some PA file covers it. Truth: Verbatim or Rewrite tokens.
The corpus is read from ../shared/corpora and never copied into the repository.

    python bench/calibrate.py [--grid]
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]


from generator.compare import compare_pair  # noqa: E402
from generator.compare_settings import AlignSettings  # noqa: E402
from meter import tagged_articles, unchanged_words  # noqa: E402
from generator.segment import article_from_text  # noqa: E402

METER = Path(__file__).resolve().parents[2] / "shared/corpora/meter-courts"


def pa_text(raw: bytes) -> str:
    """PA wire copy as plain paragraphs: header rules dropped, 0x19 / '<' / backticks undone."""
    text = raw.decode("latin-1").replace("\r\n", "\n")
    body = text.split("-" * 20)[-1].split("\n", 1)[-1]
    body = body.replace("``", '"').replace("''", '"').replace("`", "'").replace("<\n", "\n")
    return "\n\n".join(p.replace("\n", " ") for p in body.split("\x19") if p.strip())


def load_cases() -> list[tuple[object, list[bool], list[bool], str, list[object]]]:
    """(article, aligned truth per word, verbatim truth per word, label, PA articles)."""
    cases = []
    for n, row, article, labels in tagged_articles(METER):
        sources = [
            article_from_text(f"pa{n}-{k}", pa_text(path.read_bytes()))
            for k, path in enumerate(sorted((METER / row["pa_dir"]).glob("*.txt")))
        ]
        truth = [t in ("Verbatim", "Rewrite") for t in labels]
        cases.append((article, truth, [t == "Verbatim" for t in labels], row["label"], sources))
    return cases


def evaluate(cases, settings: AlignSettings) -> dict[str, float]:
    """Word-level precision/recall of aligned words (and of verbatim words) over all cases."""
    tp = fp = fn = vtp = vfp = vfn = 0
    for article, truth, vtruth, _label, sources in cases:
        aligned, verbatim = [False] * len(truth), [False] * len(truth)
        for source in sources:
            for p in compare_pair(article, source, settings).passages:
                aligned[p.a_start : p.a_end] = [True] * (p.a_end - p.a_start)
                for k in unchanged_words(article, source, p):
                    verbatim[k] = True
        for t, pr, vt, vp in zip(truth, aligned, vtruth, verbatim):
            tp, fp, fn = tp + (t and pr), fp + (pr and not t), fn + (t and not pr)
            vtp, vfp, vfn = vtp + (vt and vp), vfp + (vp and not vt), vfn + (vt and not vp)
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return {"precision": p, "recall": r, "f1": 2 * p * r / max(1e-9, p + r),
            "verbatim_p": vtp / max(1, vtp + vfp), "verbatim_r": vtp / max(1, vtp + vfn)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--grid", action="store_true", help="try a grid of settings")
    args = parser.parse_args()
    cases = load_cases()
    print(f"{len(cases)} articles, {sum(len(c[4]) for c in cases)} pairs")
    grid = [AlignSettings()]
    if args.grid:
        grid = [
            AlignSettings(seed=s, min_passage=m, max_gap=g, min_anchor=a)
            for s, m, g, a in itertools.product((3, 4), (6, 8), (6, 10, 15, 20), (3, 5))
        ]
    print("seed min_passage max_gap min_anchor | precision recall f1 | verbatim P R | s")
    for settings in grid:
        start = time.perf_counter()
        m = evaluate(cases, settings)
        print(f"{settings.seed} {settings.min_passage} {settings.max_gap} {settings.min_anchor} | "
              f"{m['precision']:.3f} {m['recall']:.3f} {m['f1']:.3f} | "
              f"{m['verbatim_p']:.3f} {m['verbatim_r']:.3f} | {time.perf_counter() - start:.1f}", flush=True)


if __name__ == "__main__":
    main()
