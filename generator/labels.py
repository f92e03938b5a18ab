"""Derivation labels of the METER corpus scheme, from documented thresholds on reuse.

METER's journalists labelled each newspaper story *wholly derived* from the wire copy
(all of it written from the wire), *partially derived* (the wire is one source among
others) or *non-derived* (written independently). We read the same three levels off
reuse(A, S), the share of A's words aligned to S.

Calibrated on METER courts (bench/accuracy.py, numbers in bench/ACCURACY.md): each
newspaper article against its story's PA copy (all PA files concatenated); thresholds chosen
for the best three-label macro-F1 on half of the stories (sorted catchline folders, even
positions) and reported on the other half. A journalist's "wholly derived" often means "all
facts from the wire, rewritten", which word alignment cannot see: that is the main error.
The fit used lexical reuse (verbatim + edited); with paraphrase detection on, reuse also
counts paraphrase and leans towards the derived labels (`bench/accuracy.py --semantic`).
"""

from __future__ import annotations

WHOLLY = "wholly derived"
PARTIALLY = "partially derived"
INDEPENDENT = "independent"

WHOLLY_MIN_REUSE = 0.51
"""About half of the article's words aligned to the source (METER fit: 0.51; mean reuse
of wholly derived articles 0.60, of partially derived 0.31)."""
PARTIALLY_MIN_REUSE = 0.09
"""About a tenth: one or more real passages, not a stray phrase (METER fit: 0.09; mean
reuse of non-derived articles 0.11, median 0.07: shared quotes and court formulas)."""


def derivation_label(reuse: float) -> str:
    if reuse >= WHOLLY_MIN_REUSE:
        return WHOLLY
    if reuse >= PARTIALLY_MIN_REUSE:
        return PARTIALLY
    return INDEPENDENT
