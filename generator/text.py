"""Text normalisation, word tokens with offsets, sentences and shingles."""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Iterable, Sequence

from .model import Span, Words

CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
"""Kana and Han ideographs: Chinese and Japanese write words without spaces between them."""
WORD_RE = re.compile(rf"[{CJK_CHARS}]|[^\W_{CJK_CHARS}]+")
"""A word: a run of letters and digits, or one kana or ideograph (a character n-gram is what
matches reused Chinese and Japanese text; a run would be a whole clause)."""
_CJK_RUN_RE = re.compile(rf"[{CJK_CHARS}]+")
_SPACES_RE = re.compile(r"[^\S\n]+")
# Zero-width and bidirectional control characters: invisible, never part of a word,
# and (for the overrides) a way to make displayed text lie about its content.
# Control characters (NUL, bell, terminal escapes) as well: no text, and not valid in a page.
_INVISIBLE_RE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad"
                           "\x00-\x08\x0e-\x1f\x7f-\x9f]")

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev hon pres
    jan feb mar apr jun jul aug sep sept oct nov dec vs etc inc ltd co corp bros dept
    univ est approx fig al e.g i.e u.s u.k u.n u.s.a e.u a.m p.m""".split()
)
_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)|(?P<cjk>[。！？]+[」』”’）)]*)")
"""A sentence's end; the full-width stops of Chinese and Japanese need no space after them."""
_SENTENCE_START_RE = re.compile(r"\s+[\"'“‘«(\[]*[^\W_a-z]")


def normalise(text: str) -> str:
    """Unicode NFC, unified line ends, no invisible controls, single spaces, trimmed lines."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _INVISIBLE_RE.sub("", text).replace("\u00a0", " ").replace("\t", " ")
    lines = (_SPACES_RE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines)


def word_count(text: str) -> int:
    """Words as a reader counts them (for length rules: a headline, a scare-quoted term):
    words between spaces, and a run of kana or ideographs as one word per two characters,
    about the length of a Chinese or Japanese word."""
    cjk = sum((len(run) + 1) // 2 for run in _CJK_RUN_RE.findall(text))
    return cjk + len(_CJK_RUN_RE.sub(" ", text).split())


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    """The document form every reader returns: paragraphs separated by one blank line."""
    return "\n\n".join(p for p in (normalise(p).replace("\n", " ").strip() for p in paragraphs) if p)


HARD_WRAP_MAX = 100
"""Widest line of a text hard-wrapped at a fixed width (e-mail and terminal copy: 60-80)."""
HARD_WRAP_MIN = 50
"""Narrowest: below it the lines are a list, headlines or short paragraphs, not filled text."""


def split_plain_paragraphs(text: str) -> list[str]:
    """Paragraphs of plain text: blank-line separated if the text has blank lines
    (single newlines are then hard wraps), else one paragraph per line, except in a text
    hard-wrapped without blank lines (see ``_unwrapped``)."""
    text = normalise(text)
    if re.search(r"\n\s*\n", text):
        return [p.replace("\n", " ") for p in re.split(r"\n\s*\n", text) if p.strip()]
    return _unwrapped([line for line in text.split("\n") if line.strip()])


def _unwrapped(lines: list[str]) -> list[str]:
    """Lines of a text filled to a fixed width joined back into paragraphs: a line goes on
    into the next when the next line's first word would not have fitted on it (the filler
    moved it down) and it does not end a sentence. Lines of a text with longer lines are
    paragraphs of their own."""
    width = max((len(line) for line in lines), default=0)
    if len(lines) < 3 or not HARD_WRAP_MIN <= width <= HARD_WRAP_MAX:
        return lines
    wraps = [_wraps(previous, line, width) for previous, line in zip(lines, lines[1:])]
    # A short line that ends no sentence (a headline, a dateline, a list item) is no filler's
    # work: where such lines are as many as the wraps, the text is one paragraph per line.
    early = sum(1 for line in lines[:-1] if len(line) < 0.8 * width and not _ends_sentence(line))
    if sum(wraps) <= early:
        return lines
    paragraphs = [lines[0]]
    for line, wrap in zip(lines[1:], wraps):
        if wrap:
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
    return paragraphs


def _wraps(previous: str, line: str, width: int) -> bool:
    """The break after ``previous`` is the filler's: the next word would not have fitted on
    it, and it does not end a sentence."""
    moved_down = len(previous) + 1 + len(line.split(" ", 1)[0]) > width
    return moved_down and not _ends_sentence(previous)


def _ends_sentence(line: str) -> bool:
    return re.search(r"[.!?…:][\"'”’»)\]]*$", line) is not None


def paragraph_spans(text: str) -> tuple[Span, ...]:
    """Spans of the paragraphs of a document's text (separated by blank lines)."""
    spans, pos = [], 0
    for chunk in text.split("\n\n"):
        if chunk.strip():
            spans.append(Span(pos, pos + len(chunk)))
        pos += len(chunk) + 2
    return tuple(spans)


def tokenize(text: str, spans: Iterable[Span] | None = None) -> Words:
    """Word tokens (letters and digits, case-folded) of ``text`` or of the given spans of it."""
    norm: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for span in spans if spans is not None else (Span(0, len(text)),):
        for m in WORD_RE.finditer(text, span.start, span.end):
            norm.append(m.group().casefold())
            starts.append(m.start())
            ends.append(m.end())
    return Words(tuple(norm), tuple(starts), tuple(ends))


def _ends_with_abbreviation(text: str, stop: int) -> bool:
    """True if the full stop at ``stop`` closes an abbreviation or an initial."""
    if text[stop] != ".":
        return False
    start = stop
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "(\"“‘'«[":
        start -= 1
    word = text[start:stop].casefold()
    if word in ABBREVIATIONS:
        return True
    # An initial ("J. Smith") or a dotted acronym ("U.S.", "a.m.").
    return bool(re.fullmatch(r"[^\W\d_]", word) or re.fullmatch(r"(?:[^\W\d_]\.)+[^\W\d_]", word))


def sentence_spans(text: str, span: Span) -> list[Span]:
    """Sentences of one paragraph: a break after . ! ? (and closing quotes) followed by a
    capital, digit or opening quote, except after abbreviations and initials."""
    result, start = [], span.start
    for m in _SENTENCE_END_RE.finditer(text, span.start, span.end):
        if m.group("cjk"):
            nxt_start = m.end() + len(text[m.end() : span.end]) - len(text[m.end() : span.end].lstrip())
            if nxt_start >= span.end:
                continue
            result.append(Span(start, m.end()))
            start = nxt_start
            continue
        nxt = _SENTENCE_START_RE.match(text, m.end(), span.end)
        if not nxt or _ends_with_abbreviation(text, m.start()):
            continue
        result.append(Span(start, m.end()))
        start = nxt.start() + len(nxt.group()) - len(nxt.group().lstrip())
    if text[start : span.end].strip():
        result.append(Span(start, span.end))
    return result


def sentences(text: str, spans: Iterable[Span]) -> tuple[Span, ...]:
    """Sentences of every given paragraph span."""
    return tuple(s for span in spans for s in sentence_spans(text, span))


def shingle_hashes(norm: Sequence[str], size: int = 5) -> set[int]:
    """Hashes (CRC32, stable across runs) of the ``size``-word shingles of a token list."""
    return {
        zlib.crc32(" ".join(norm[i : i + size]).encode())
        for i in range(max(0, len(norm) - size + 1))
    }


def containment(a: set[int], s: set[int]) -> float:
    """|A ∩ S| / |A|: the share of A's shingles found in S."""
    return len(a & s) / len(a) if a else 0.0
