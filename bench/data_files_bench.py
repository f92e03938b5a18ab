"""CPU time of writing report.json's quotes at the shape of N = 1,000 (1,297 clusters x
1,000 articles, one article in 200 quoting each cluster, the rest absent).

    python bench/data_files_bench.py
"""

from __future__ import annotations

import time

from generator.model import QuoteCluster, QuoteOccurrence
from generator.report import report_json_chunks
from generator.report_rows import QuoteRows

CLUSTERS, ARTICLES, QUOTED_EVERY = 1297, 1000, 200


def clusters() -> list[QuoteCluster]:
    ids = [f"synth-{i:05d}" for i in range(ARTICLES)]
    made = []
    for c in range(CLUSTERS):
        occurrences = tuple(
            QuoteOccurrence(a, "verbatim", "some quoted words here", 100.0, speaker="Lavrov")
            if (i + c) % QUOTED_EVERY == 0 else QuoteOccurrence(a, "absent", None, None)
            for i, a in enumerate(ids))
        made.append(QuoteCluster(f"q-{c:010x}", "some quoted words here", "Lavrov", ids[c % ARTICLES], occurrences))
    return made


def main() -> None:
    data = {"schema": "x", "quotes": QuoteRows(clusters())}
    start = time.process_time()
    chars = sum(len(chunk) for chunk in report_json_chunks(data))
    print(f"{chars / 1e6:.0f} M characters in {time.process_time() - start:.1f} s CPU")


if __name__ == "__main__":
    main()
