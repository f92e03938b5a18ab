"""The immutable records passed from one build stage to the next.

Offsets are always character offsets into ``Article.text`` (the displayed text),
word indexes are positions in ``Article.words``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about an article besides its text."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    """ISO 8601 date or date-time, normalised by the reader."""
    author: str | None = None
    slug: str | None = None
    credits: tuple[str, ...] = ()
    """Credit lines given in metadata (front matter or site.yml)."""


@dataclass(frozen=True, slots=True)
class Document:
    """One article as a reader found it: plain text, paragraphs separated by blank lines."""

    file: str
    """Path of the source file relative to the site folder, with '/' separators."""
    format: str
    """The reader that produced it: 'markdown', 'wordpress', 'text' or 'html'."""
    text: str
    meta: Metadata
    index: int = 0
    """Position inside a file that holds several articles (a WordPress list)."""


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` of ``Article.text``."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Trimmed:
    """Text set aside by cleaning: shown greyed out, never analysed."""

    start: int
    end: int
    rule: str
    """Name of the cleaning rule that matched, shown to the reader."""


@dataclass(frozen=True, slots=True)
class Words:
    """Word tokens as three parallel tuples (cheaper than one object per word)."""

    norm: tuple[str, ...]
    """Case-folded word text."""
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.norm)


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned and segmented article, the unit every analysis stage works on."""

    id: str
    file: str
    format: str
    meta: Metadata
    text: str
    """The displayed text: every paragraph, trimmed ones included, joined by blank lines."""
    paragraphs: tuple[Span, ...]
    trimmed: tuple[Trimmed, ...]
    credits: tuple[str, ...]
    """Credit lines found in the text or given in metadata."""
    sentences: tuple[Span, ...]
    """Sentences of the analysed (untrimmed) text only."""
    words: Words
    """Words of the analysed text only."""
    order: int = 0
    """Position in file order, used to break ties."""

    @property
    def title(self) -> str:
        return self.meta.title or self.id


@dataclass(frozen=True, slots=True)
class EditOp:
    """One word-level change inside an edited passage or an altered quote."""

    op: str
    """'insert' (only in the article), 'delete' (only in the source) or 'replace'."""
    article_text: str
    source_text: str

    def __reduce__(self):  # positional: a slotted frozen dataclass unpickles field by field
        return EditOp, (self.op, self.article_text, self.source_text)


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of an article aligned to a stretch of a source."""

    a_start: int
    a_end: int
    """Word range ``[a_start, a_end)`` in the article."""
    s_start: int
    s_end: int
    """Word range ``[s_start, s_end)`` in the source."""
    kind: str
    """'verbatim', 'edited' or 'paraphrase'."""
    score: float
    """Similarity of the two stretches in [0, 100] (rapidfuzz ratio or cosine x 100)."""
    verbatim_words: int
    """How many of the article's words in the passage match the source word for word."""
    edits: tuple[EditOp, ...] = ()

    def __reduce__(self):  # cached pair rows hold millions of these: see EditOp
        return Passage, (self.a_start, self.a_end, self.s_start, self.s_end, self.kind, self.score,
                         self.verbatim_words, self.edits)


@dataclass(frozen=True, slots=True)
class PairResult:
    """How much of ``article`` was taken from ``source``."""

    article: str
    source: str
    reuse: float
    verbatim: float
    edited: float
    paraphrase: float
    containment: float
    passages: tuple[Passage, ...] = ()
    vocabulary: float = 0.0
    """Shared vocabulary: the share of the article's distinct content words (stopwords left
    out) found anywhere in the source, counted for pairs that share a 5-word sequence or a
    passage (0 for the others, which stay implicit in a large set). Rewritten copy keeps
    the facts' words when it keeps no sentence (generator/labels.py)."""
    new_words: int = 0
    """How many distinct content words of the article the source lacks: what the article
    adds of its own (counted with ``vocabulary``, 0 where that is not counted)."""

    def __reduce__(self):  # see EditOp
        return PairResult, (self.article, self.source, self.reuse, self.verbatim, self.edited,
                            self.paraphrase, self.containment, self.passages, self.vocabulary, self.new_words)


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation found in one article."""

    article: str
    start: int
    end: int
    """Character range of the quoted words, quotation marks excluded."""
    text: str
    """Exactly ``Article.text[start:end]``."""
    speaker: str | None
    speech: bool = True
    """False for quotation marks around a title, a nickname or a scare-quoted term."""
    truncated: bool = False
    """True when the paragraph ends before the quote is closed."""
    direct: bool = True
    """False for a fragment worked into the narrator's own sentence (she called the plan
    “a disaster”): quoted words, still clustered, but not a direct-speech utterance."""


@dataclass(frozen=True, slots=True)
class QuoteOccurrence:
    """What one article did with one quote cluster."""

    article: str
    status: str
    """'verbatim', 'altered', 'partial', 'unquoted' or 'absent'."""
    text: str | None
    score: float | None
    start: int | None = None
    end: int | None = None
    edits: tuple[EditOp, ...] = ()
    speaker: str | None = None
    paraphrase: str | None = None
    """Sentence of the article that renders the quote's meaning in other words."""

    @classmethod
    def absent(cls, article: str) -> QuoteOccurrence:
        """The occurrence of a quote the article does not use."""
        return cls(article, "absent", None, None)


@dataclass(frozen=True, slots=True)
class QuoteCluster:
    """The same quotation across articles; its canonical text is the origin's wording.

    It has one occurrence per article of ``articles``, but stores only those that say
    something (``found``): the others are plain ``absent`` ones, made when asked for. At
    N = 10,000 one occurrence per article per cluster was over a gigabyte."""

    id: str
    text: str
    speaker: str | None
    origin: str
    found: tuple[QuoteOccurrence, ...] = ()
    """The occurrences other than plain ``QuoteOccurrence.absent`` ones (an absent one with
    a paraphrase is kept), in the order of ``articles``."""
    articles: tuple[str, ...] = ()
    """Every article the cluster has an occurrence for, in publication order (one tuple
    shared by the clusters of an analysis)."""

    @classmethod
    def of(cls, id: str, text: str, speaker: str | None, origin: str,
           occurrences: Iterable[QuoteOccurrence]) -> QuoteCluster:
        """The cluster of one occurrence per article (in publication order), absent ones included."""
        occurrences = tuple(occurrences)
        return cls(id, text, speaker, origin, sparse(occurrences), tuple(o.article for o in occurrences))

    def by_article(self) -> Iterator[tuple[str, QuoteOccurrence | None]]:
        """Each article of ``articles`` with its stored occurrence, or None where it is
        plainly absent (no occurrence object made for it)."""
        found = iter(self.found)
        stored = next(found, None)
        for article in self.articles:
            if stored is not None and stored.article == article:
                yield article, stored
                stored = next(found, None)
            else:
                yield article, None

    @property
    def occurrences(self) -> tuple[QuoteOccurrence, ...]:
        """One occurrence per article, absent ones made here: the size of the article set,
        for a consumer that needs them all (most need only ``found``)."""
        return tuple(o or QuoteOccurrence.absent(a) for a, o in self.by_article())

    def occurrence(self, article: str) -> QuoteOccurrence:
        """The article's occurrence (``absent`` unless stored)."""
        return next((o for o in self.found if o.article == article), None) or QuoteOccurrence.absent(article)


def sparse(occurrences: Iterable[QuoteOccurrence]) -> tuple[QuoteOccurrence, ...]:
    """The occurrences a ``QuoteCluster`` stores: all but the plain absent ones."""
    return tuple(o for o in occurrences if o.status != "absent" or o != QuoteOccurrence.absent(o.article))
