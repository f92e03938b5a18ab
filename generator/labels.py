"""Derivation labels of the METER corpus scheme, from documented thresholds on reuse.

METER's journalists labelled each newspaper story *wholly derived* from the wire copy
(all of it written from the wire), *partially derived* (the wire is one source among
others) or *non-derived* (written independently). We read the same three levels off
reuse(A, S), the share of A's words aligned to S.
"""

from __future__ import annotations

WHOLLY = "wholly derived"
PARTIALLY = "partially derived"
INDEPENDENT = "independent"

WHOLLY_MIN_REUSE = 0.50
"""At least half of the article's words are aligned to the source."""
PARTIALLY_MIN_REUSE = 0.10
"""At least a tenth: one or more real passages, not a stray phrase."""


def derivation_label(reuse: float) -> str:
    if reuse >= WHOLLY_MIN_REUSE:
        return WHOLLY
    if reuse >= PARTIALLY_MIN_REUSE:
        return PARTIALLY
    return INDEPENDENT
