"""Calibrate the paraphrase threshold (generator/semantic) on labelled sentence pairs.

Corpora (read from ../shared/corpora, never copied into the repository):
- MSRP: news sentence pairs from different outlets carrying the same story; the negatives
  are hard, same-event pairs: exactly the "topical but different" sentences a threshold
  must reject.
- PAN paraphrase pairs (Madnani et al. 2012): human-paraphrased plagiarism, negatives from
  the same document sharing at least four content words.

The threshold is chosen on the training parts only: the lowest threshold at which
precision on MSRP train (hard, same-event negatives) reaches ``--precision`` (0.80): a
false paraphrase inflates an article's reuse, and in one story every sentence is on the
same subject, so precision against same-event sentences matters more than accuracy (the
best-accuracy threshold is printed too). Accuracy, precision, recall and F1 are reported
on the test parts, which the choice never saw. Embeddings are cached in bench/out/.

    python bench/semantic_calibrate.py [--corpora DIR] [--precision 0.8]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.semantic.encoder import Embeddings, load_model  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def msrp(corpora: Path, part: str) -> tuple[list[str], list[str], np.ndarray]:
    lines = (corpora / "msrp" / f"msr_paraphrase_{part}.txt").read_text(encoding="utf-8-sig").splitlines()[1:]
    rows = [line.split("\t") for line in lines if line.strip()]
    return [r[3] for r in rows], [r[4] for r in rows], np.array([int(r[0]) for r in rows])


def pan(corpora: Path, part: str) -> tuple[list[str], list[str], np.ndarray]:
    folder = corpora / "pan-paraphrase-pairs"
    read = lambda name: (folder / name).read_text(encoding="utf-8", errors="replace").splitlines()  # noqa: E731
    labels = np.array([int(x) for x in read(f"pan-{part}.labels")])
    return read(f"pan-{part}_s1.txt")[: len(labels)], read(f"pan-{part}_s2.txt")[: len(labels)], labels


def scores(emb: Embeddings, a: list[str], b: list[str]) -> np.ndarray:
    return np.round(np.einsum("ij,ij->i", emb.matrix(a), emb.matrix(b)), 4)


def metrics(cos: np.ndarray, labels: np.ndarray, threshold: float) -> dict[str, float]:
    pred = cos >= threshold
    tp, fp = int((pred & (labels == 1)).sum()), int((pred & (labels == 0)).sum())
    fn = int((~pred & (labels == 1)).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"accuracy": float((pred == (labels == 1)).mean()), "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0}


GRID = np.round(np.arange(0.50, 0.96, 0.01), 2)


def best_threshold(cos: np.ndarray, labels: np.ndarray) -> float:
    return float(max(GRID, key=lambda t: (metrics(cos, labels, t)["accuracy"], t)))


def precise_threshold(cos: np.ndarray, labels: np.ndarray, precision: float) -> float:
    return float(next((t for t in GRID if metrics(cos, labels, t)["precision"] >= precision), GRID[-1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--precision", type=float, default=0.80)
    args = parser.parse_args()
    started = time.perf_counter()
    emb = Embeddings(load_model(), ROOT / "bench" / "out" / "semantic-cache")
    data = {(name, part): load(args.corpora, part)
            for name, load in (("msrp", msrp), ("pan", pan)) for part in ("train", "test")}
    cos = {key: scores(emb, a, b) for key, (a, b, _) in data.items()}
    emb.save()
    labels = {key: y for key, (_, _, y) in data.items()}
    train_cos = np.concatenate([cos["msrp", "train"], cos["pan", "train"]])
    train_y = np.concatenate([labels["msrp", "train"], labels["pan", "train"]])
    accurate = best_threshold(train_cos, train_y)
    print(f"best accuracy on MSRP train + PAN train: threshold {accurate:.2f}")
    chosen = precise_threshold(cos["msrp", "train"], labels["msrp", "train"], args.precision)
    print(f"chosen: lowest threshold with precision >= {args.precision} on MSRP train: {chosen:.2f}")
    for name in ("msrp", "pan"):
        own = best_threshold(cos[name, "train"], labels[name, "train"])
        print(f"  best on {name} train alone: {own:.2f}")
    for t in sorted({chosen, accurate, 0.75, 0.80, 0.85}):
        for key in cos:
            m = metrics(cos[key], labels[key], t)
            print(f"t={t:.2f} {key[0]:>4} {key[1]:<5} n={len(labels[key]):>5} "
                  + " ".join(f"{k} {v:.3f}" for k, v in m.items()))
    for key in cos:
        pos, neg = cos[key][labels[key] == 1], cos[key][labels[key] == 0]
        print(f"{key[0]} {key[1]}: median cosine paraphrase {np.median(pos):.3f}, "
              f"non-paraphrase {np.median(neg):.3f}")
    print(f"{time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
