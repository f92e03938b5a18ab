"""Word edits shown for quotes shorter than another article's version of them, METER courts:
statuses, how many edits, and how many canonical words they show as dropped (quotes/match.py's
choice of the canonical stretch a shorter quote renders). Same comparisons as
bench/quote_excerpts.py.

    python bench/excerpt_edits.py [/work/shared/corpora/meter-courts]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quote_excerpts import comparisons  # noqa: E402

root = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpora/meter-courts")
statuses, edits, dropped = Counter(), 0, 0
for _, _, m in comparisons(root):
    if m is None:
        continue
    statuses[m.status] += 1
    edits += len(m.edits)
    dropped += sum(len(e.source_text.split()) for e in m.edits if e.op == "delete")
print(f"statuses {dict(sorted(statuses.items()))}; edits shown {edits}; canonical words shown dropped {dropped}")
