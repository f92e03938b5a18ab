"""Cut a paragraph into runs of text that share the same highlights, for the templates."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .model import Span


PASSAGE_KINDS = frozenset({"verbatim", "edited", "paraphrase"})


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlight over a character range: a trimmed span, a passage, a quote."""

    start: int
    end: int
    kind: str
    """CSS class suffix: 'trimmed', 'verbatim', 'edited', 'paraphrase', 'quote', ..."""
    ref: str = ""
    """Id of what it stands for (a passage number, a quote cluster id)."""
    label: str = ""
    """Text for the tooltip and for screen readers."""
    group: str = ""
    """Optional grouping key (e.g. the source an aligned passage came from)."""
    badge: str = ""
    """Short text shown where the mark begins (an article page: the source's number)."""


@dataclass(frozen=True, slots=True)
class Run:
    """Text with the marks that cover all of it."""

    text: str
    marks: tuple[Mark, ...]
    opens: tuple[Mark, ...]
    """The marks that begin at this run (where an anchor id belongs)."""

    @property
    def passage(self) -> Mark | None:
        """The aligned passage this run lies in, if any."""
        return next((m for m in self.marks if m.kind in PASSAGE_KINDS), None)

    @property
    def quote(self) -> Mark | None:
        return next((m for m in self.marks if m.kind.startswith("quote-")), None)


def runs(text: str, span: Span, marks: Iterable[Mark]) -> list[Run]:
    """Runs of ``text[span]``, cut wherever a mark begins or ends."""
    inside = [m for m in marks if m.end > span.start and m.start < span.end]
    cuts = sorted({span.start, span.end} | {max(span.start, min(span.end, p))
                                              for m in inside for p in (m.start, m.end)})
    result = []
    for start, end in zip(cuts, cuts[1:]):
        active = tuple(m for m in inside if m.start < end and m.end > start)
        opens = tuple(m for m in active if m.start == start or (start == span.start and m.start < start))
        result.append(Run(text[start:end], active, opens))
    return result
