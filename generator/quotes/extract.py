"""Extraction stage: the quotations of one article, each with its speaker.

Linear in the article's length: one scan of the quotation marks, one pass of the
name and speech-verb patterns, and a bounded look at each quote's own sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..model import Article, Quote, Span
from ..segment import analysed_spans
from .attribute import VERB_RE, Context, Mention, find_mention
from .marks import RawQuote, scan
from .names import NAME_RE, NameIndex, clean_name, names_in
from .speech import MASK, is_direct, is_speech

OPENING = " “\"„«»‟「『‘"
CLOSING = " ,;:”\"»“«」』’"
TAIL_MAX = 60
"""Longest attribution after a quote ending a paragraph that the next quote continues."""
# A named person doing a speech verb anywhere in the text: the antecedents of "he said".
_SPEAKER_EVENT = re.compile(rf"(?P<name>{NAME_RE.pattern})(?:,[^,;¤]{{1,80}},)?\s+(?:\w+ly\s+)?{VERB_RE.pattern[2:]}")


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where sentences and kept paragraphs start, for bisecting (computed once per article)."""

    sentences: tuple[Span, ...]
    sentence_starts: list[int]
    kept: list[Span]
    kept_starts: list[int]

    def sentence(self, offset: int) -> int:
        return max(0, bisect_right(self.sentence_starts, offset) - 1)

    def paragraph(self, offset: int) -> int:
        return max(0, bisect_right(self.kept_starts, offset) - 1)


def extract_quotes(article: Article) -> tuple[Quote, ...]:
    """Every quotation in the article's kept text, in text order, with its speaker."""
    text = article.text
    kept = analysed_spans(article.paragraphs, article.trimmed)
    raws = [r for r in (_trim(text, raw) for raw in scan(text, kept)) if r]
    masked = _mask(text, raws)
    layout = _Layout(article.sentences, [s.start for s in article.sentences], kept, [s.start for s in kept])
    names = NameIndex([n for span in kept for n in names_in(masked, span.start, span.end)])
    events = _speaker_events(masked, kept, names)
    quotes: list[Quote] = []
    # The last speech quote, which a quote may continue: a title in its attribution
    # ("Clinton said on ABC's “This Week.” “...”") does not break the run.
    spoken: Quote | None = None
    for raw in raws:
        ctx = _context(layout, masked, raw)
        mention = find_mention(ctx)
        speaker = _resolve(mention, names, events, raw.start)
        if mention is None and not ctx.before.strip() and spoken:
            speaker = _continued(layout, masked, spoken, raw)
        if speaker:
            events.append((raw.start, speaker))
        has_verb = bool(VERB_RE.search(ctx.before) or VERB_RE.search(ctx.after))
        words = text[raw.start : raw.end]
        speech = is_speech(ctx.before, words, has_verb)
        # What follows the closing mark in its paragraph (an attribution is never on the next).
        direct = is_direct(ctx.before, words, masked[raw.end : raw.end + TAIL_MAX].split("\n", 1)[0])
        quotes.append(Quote(article.id, raw.start, raw.end, words, speaker if speech else None, speech,
                            raw.truncated, direct))
        spoken = quotes[-1] if speech else spoken
    return tuple(quotes)


def _trim(text: str, raw: RawQuote) -> RawQuote | None:
    """The quote without surrounding spaces; None if it holds no letter at all."""
    start, end = raw.start, raw.end
    while start < end and text[start].isspace():
        start += 1
    # A comma before the closing mark belongs to the sentence, not to the speaker.
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    if not any(c.isalpha() for c in text[start:end]):
        return None  # "2016-06-29", a tweet id: data, not words
    return RawQuote(start, end, raw.truncated)


def _mask(text: str, raws: list[RawQuote]) -> str:
    """The text with every quotation's words hidden, so context rules see only narrative;
    a final ? or ! stays visible (it may end the sentence before "Maher replied")."""
    parts, pos = [], 0
    for raw in raws:
        keep = 1 if text[raw.end - 1] in "?!" else 0
        parts += [text[pos : raw.start], MASK * (raw.end - raw.start - keep), text[raw.end - keep : raw.end]]
        pos = raw.end
    parts.append(text[pos:])
    return "".join(parts)


def _context(layout: _Layout, masked: str, raw: RawQuote) -> Context:
    """Narrative before the opening mark and after the closing mark, in the same sentence(s)."""
    sentences = layout.sentences
    if not sentences:
        return Context("", "")
    first = sentences[layout.sentence(raw.start)]
    n = layout.sentence(raw.end)
    before = masked[first.start : max(first.start, raw.start)].rstrip(OPENING)
    after = "" if raw.truncated else masked[raw.end : max(raw.end, sentences[n].end)].lstrip(CLOSING)
    if not after.strip() and n + 1 < len(sentences) and _ends_question(masked, raw):
        # “...?” Maher replied. — the splitter ended the sentence at the question mark.
        nxt = sentences[n + 1]
        if layout.paragraph(nxt.start) == layout.paragraph(raw.end):
            after = masked[nxt.start : nxt.end]
    previous = ""
    para = layout.paragraph(raw.start)
    if not before.strip() and para > 0 and masked[layout.kept[para].start : raw.start].strip(OPENING) == "":
        prev = layout.kept[para - 1]  # “...” opening a paragraph after "Cruz continued:"
        previous = masked[sentences[layout.sentence(prev.end - 1)].start : prev.end]
    return Context(before=before, after=after, previous=previous)


def _ends_question(masked: str, raw: RawQuote) -> bool:
    return masked[raw.end - 1 : raw.end + 1].rstrip(CLOSING)[-1:] in ("?", "!")


def _speaker_events(masked: str, kept: list[Span], names: NameIndex) -> list[tuple[int, str]]:
    """(offset, full name) of every "Name said"-like phrase, in text order."""
    events = []
    for span in kept:
        for m in _SPEAKER_EVENT.finditer(masked, span.start, span.end):
            name = clean_name(m.group("name"))
            if name:
                events.append((m.start(), names.full(name)))
    return events


def _resolve(mention: Mention | None, names: NameIndex, events: list[tuple[int, str]],
             offset: int) -> str | None:
    """A mention → the full name; a pronoun → the last named speaker before the quote."""
    if mention is None or mention.kind == "unnamed":
        return None
    if mention.kind == "name":
        return names.full(mention.text)
    earlier = [e for e in events if e[0] < offset]
    return max(earlier)[1] if earlier else None


def _continued(layout: _Layout, masked: str, previous: Quote, raw: RawQuote) -> str | None:
    """A quote opening its sentence right after an attributed quote of the same paragraph,
    or opening a paragraph that follows one ending in an attributed quote."""
    para, prev_para = layout.paragraph(raw.start), layout.paragraph(previous.start)
    if para == prev_para:
        return previous.speaker
    opens = masked[layout.kept[para].start : raw.start].strip(OPENING) == ""
    # Only when the previous paragraph ends with that quote and its short attribution.
    tail = masked[previous.end : layout.kept[prev_para].end]
    return previous.speaker if opens and prev_para == para - 1 and len(tail) <= TAIL_MAX else None
