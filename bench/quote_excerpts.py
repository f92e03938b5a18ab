"""Quotes shorter than another article's version of them, METER courts: how many the status
rule of afc335e (a changed word inside an excerpt makes it altered) moves from partial to
altered, with examples to read. Each story: the PA copy and the newspaper articles of one
catchline; every quote compared with every longer quote of another article of the story (what
clustering compares against a cluster's canonical text).

    python bench/quote_excerpts.py [/work/shared/corpora/meter-courts] [EXAMPLES]
"""

from __future__ import annotations

import sys
from pathlib import Path

from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.quotes import extract_quotes  # noqa: E402
from generator.quotes.match import ALTERED_MIN, QuoteWords, compare  # noqa: E402
from generator.segment import article_from_text  # noqa: E402


def comparisons(root: Path):
    """(quote, longer quote, compare()'s match or None) for every quote of a story against
    each longer quote of another article of the story."""
    for story in sorted((root / "newspapers/rawtexts/courts").glob("*/*")):
        pa = root / "PA/rawtexts/courts" / story.parent.name / story.name
        files = sorted(pa.glob("*.txt")) + sorted(story.glob("*.txt"))
        quotes = []
        for n, f in enumerate(files):
            art = article_from_text(f"a{n}", f.read_text(encoding="latin-1").replace("\r", ""), order=n)
            quotes += [(n, QuoteWords.of(q)) for q in extract_quotes(art)]
        for i, q in quotes:
            for j, c in quotes:
                if i != j and len(q.norm) < len(c.norm):
                    yield q, c, compare(q, c)


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpora/meter-courts")
    partial = altered_now = pairs = 0
    examples = []
    for q, c, m in comparisons(root):
        if m is None or m.status not in ("partial", "altered"):
            continue
        if not (m.status == "partial" or fuzz.ratio(q.joined, c.joined) < ALTERED_MIN):
            continue  # the old code did not call it partial either
        pairs += 1
        partial += m.status == "partial"
        if m.status == "altered":
            altered_now += 1
            examples.append((q.joined, c.joined, [(e.source_text, e.article_text) for e in m.edits]))
    print(f"shorter-quote pairs the old code called partial: {pairs}; still partial {partial}, now altered {altered_now}")
    for q, c, e in examples[:int(sys.argv[2]) if len(sys.argv) > 2 else 10]:
        print("Q:", q[:150]); print("C:", c[:150]); print("E:", e); print()


if __name__ == "__main__":
    main()
