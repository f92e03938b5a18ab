"""Calibrate the paraphrase threshold (generator/semantic) on labelled sentence pairs.

Corpora (read from ../shared/corpora, never copied into the repository):
- MSRP: news sentence pairs from different outlets carrying the same story; the negatives
  are hard, same-event pairs: exactly the "topical but different" sentences a threshold
  must reject.
- PAN paraphrase pairs (Madnani et al. 2012): human-paraphrased plagiarism, negatives from
  the same document sharing at least four content words.

The threshold is chosen on the training parts (the best accuracy on MSRP train and PAN
train together, ties to the higher threshold); accuracy, precision, recall and F1 are
reported on the test parts, which the choice never saw.

    python bench/semantic_calibrate.py [--corpora DIR]
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


def best_threshold(cos: np.ndarray, labels: np.ndarray) -> float:
    grid = np.round(np.arange(0.50, 0.96, 0.01), 2)
    return float(max(grid, key=lambda t: (metrics(cos, labels, t)["accuracy"], t)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = parser.parse_args()
    started = time.perf_counter()
    emb = Embeddings(load_model())
    data = {(name, part): load(args.corpora, part)
            for name, load in (("msrp", msrp), ("pan", pan)) for part in ("train", "test")}
    cos = {key: scores(emb, a, b) for key, (a, b, _) in data.items()}
    labels = {key: y for key, (_, _, y) in data.items()}
    train_cos = np.concatenate([cos["msrp", "train"], cos["pan", "train"]])
    train_y = np.concatenate([labels["msrp", "train"], labels["pan", "train"]])
    chosen = best_threshold(train_cos, train_y)
    print(f"threshold chosen on MSRP train + PAN train (best accuracy): {chosen:.2f}")
    for name in ("msrp", "pan"):
        own = best_threshold(cos[name, "train"], labels[name, "train"])
        print(f"  best on {name} train alone: {own:.2f}")
    for t in sorted({chosen, 0.70, 0.75, 0.80, 0.85}):
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
