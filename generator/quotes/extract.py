"""Extraction stage: the quotations of one article, each with its speaker.

Linear in the article's length: one scan of the quotation marks, one pass of the
name and speech-verb patterns, and a bounded look at each quote's own sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..model import Article, Quote, Span
from ..segment import analysed_spans
from .attribute import VERB_RE, Context, Mention, find_mention
from .marks import RawQuote, scan
from .names import NAME_RE, NameIndex, clean_name, names_in
from .speech import is_speech

MASK = "¤"
# A named person doing a speech verb anywhere in the text: the antecedents of "he said".
_SPEAKER_EVENT = re.compile(rf"(?P<name>{NAME_RE.pattern})(?:,[^,;¤]{{1,80}},)?\s+(?:\w+ly\s+)?{VERB_RE.pattern[2:]}")


def extract_quotes(article: Article) -> tuple[Quote, ...]:
    """Every quotation in the article's kept text, in text order, with its speaker."""
    text = article.text
    kept = analysed_spans(article.paragraphs, article.trimmed)
    raws = [r for r in (_trim(text, raw) for raw in scan(text, kept)) if r]
    masked = _mask(text, raws)
    names = NameIndex([n for span in kept for n in names_in(masked, span.start, span.end)])
    events = _speaker_events(masked, kept, names)
    quotes: list[Quote] = []
    for raw in raws:
        ctx, sentence = _context(article, masked, raw)
        speaker = _resolve(find_mention(ctx), names, events, quotes, raw.start)
        if speaker is None and not ctx.before.strip() and quotes:
            speaker = _continued(article, quotes[-1], raw)
        if speaker:
            events.append((raw.start, speaker))
        has_verb = bool(VERB_RE.search(ctx.before) or VERB_RE.search(ctx.after))
        speech = is_speech(ctx.before, text[raw.start : raw.end], has_verb)
        quotes.append(Quote(article.id, raw.start, raw.end, text[raw.start : raw.end],
                            speaker if speech else None, speech, raw.truncated))
    return tuple(quotes)


def _trim(text: str, raw: RawQuote) -> RawQuote | None:
    """The quote without surrounding spaces; None if it holds no word at all."""
    start, end = raw.start, raw.end
    while start < end and text[start].isspace():
        start += 1
    # A comma before the closing mark belongs to the sentence, not to the speaker.
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    if not any(c.isalnum() for c in text[start:end]):
        return None
    return RawQuote(start, end, raw.truncated)


def _mask(text: str, raws: list[RawQuote]) -> str:
    """The text with every quotation's words hidden, so context rules see only narrative."""
    parts, pos = [], 0
    for raw in raws:
        parts += [text[pos : raw.start], MASK * (raw.end - raw.start)]
        pos = raw.end
    parts.append(text[pos:])
    return "".join(parts)


def _sentence(sentences: tuple[Span, ...], starts: list[int], offset: int) -> Span:
    i = max(0, bisect_right(starts, offset) - 1)
    return sentences[i] if sentences else Span(0, 0)


def _context(article: Article, masked: str, raw: RawQuote) -> tuple[Context, Span]:
    """Narrative before the opening mark and after the closing mark, in the same sentence(s)."""
    starts = [s.start for s in article.sentences]
    first = _sentence(article.sentences, starts, raw.start)
    last = _sentence(article.sentences, starts, raw.end)
    before = masked[first.start : max(first.start, raw.start)].rstrip(" “\"„«‟")
    after = "" if raw.truncated else masked[raw.end : max(raw.end, last.end)].lstrip(" ,;:”\"»“")
    return Context(before=before, after=after), first


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
             quotes: list[Quote], offset: int) -> str | None:
    """A mention → the full name; a pronoun → the last named speaker before the quote."""
    if mention is None or mention.kind == "unnamed":
        return None
    if mention.kind == "name":
        return names.full(mention.text)
    earlier = [e for e in events if e[0] < offset]
    return max(earlier)[1] if earlier else None


def _continued(article: Article, previous: Quote, raw: RawQuote) -> str | None:
    """A quote opening its sentence right after an attributed quote of the same paragraph."""
    for para in article.paragraphs:
        if para.start <= raw.start < para.end:
            return previous.speaker if previous.start >= para.start else None
    return None
