"""Drift accuracy: hand-made cases (counted) and a METER courts sample (printed to read).

    python bench/drift_accuracy.py [--corpora DIR] [--sample N] [--seed S]

Prints precision and recall on tests/fixtures/drift/cases.yml, then, for a seeded sample
of METER courts articles with token-level tags, every drift finding against the story's PA
copy (with context) and the article's Rewrite segments, for a reader to judge. Corpus text
is only printed, never written to the repository.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT), str(BENCH)]

from accuracy import article  # noqa: E402

from generator.compare import compare_pair  # noqa: E402
from generator.drift import find_drift  # noqa: E402
from generator.drift.texts import drift_of_texts  # noqa: E402
from generator.provenance import Provenance, SourceLink  # noqa: E402


def hand_made() -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) over the hand-made cases."""
    cases = yaml.safe_load((ROOT / "tests/fixtures/drift/cases.yml").read_text(encoding="utf-8"))
    tp = fp = fn = 0
    for case in cases:
        found = drift_of_texts(case["source"], case["rewrite"], case.get("align") == "paraphrase")
        got = {(f.kind, f.article_text) for f in found}
        want = {next(iter(e.items())) for e in case["expect"]}
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
    return tp, fp, fn


def meter(root: Path, sample: int, seed: int) -> None:
    rows = [json.loads(line) for line in open(root / "derived/lexical_segments.jsonl", encoding="utf-8")]
    rows = [r for r in rows if r["label"] != "non_derived" and any(s["type"] == "Rewrite" for s in r["segments"])]
    for row in random.Random(seed).sample(rows, min(sample, len(rows))):
        paper = article("paper", [root / row["newspaper_file"]])
        pa = article("pa", sorted((root / row["pa_dir"]).glob("*.txt")))
        pair = compare_pair(paper, pa)
        prov = Provenance(("pa", "paper"), (SourceLink("paper", "pa", pair.reuse, pair.reuse, False, None),))
        print(f"\n=== {row['newspaper_file']}  reuse {pair.reuse:.2f}  passages {len(pair.passages)}")
        for f in find_drift((pa, paper), (pair,), (), prov):
            print(f"  FINDING {f.kind}: {f.source_text!r} -> {f.article_text!r}")
            print(f"    A: …{paper.text[max(0, f.a_start - 70):f.a_end + 50]!r}")
            if f.s_start is not None:
                print(f"    S: …{pa.text[max(0, f.s_start - 70):f.s_end + 50]!r}")
        rewrites = [s["text"].strip() for s in row["segments"] if s["type"] == "Rewrite" and len(s["text"].split()) > 2]
        for text in rewrites[:3]:
            print(f"  REWRITE {text[:160]!r}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    tp, fp, fn = hand_made()
    print(f"hand-made: tp {tp} fp {fp} fn {fn} precision {tp / max(1, tp + fp):.2f} "
          f"recall {tp / max(1, tp + fn):.2f}")
    meter(args.corpora / "meter-courts", args.sample, args.seed)


if __name__ == "__main__":
    main()
