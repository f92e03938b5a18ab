"""Finding quotation marks: which marks open and close a quotation.

Double marks delimit a quotation (design.md), and so do curly single marks where they are
quotation marks, not apostrophes (British style: ‘We cannot wait,’ she said; see
singles.py). Inside a double-marked quotation single marks are ordinary characters, so a
‘quote inside a quote’ stays part of it; inside a single-marked one a double-marked quote
is nested (‘He said “no”,’ she said). A double-marked quote inside a quote (“He said
“never” twice.”) stays part of the outer one when the outer quote closes after it in the
same paragraph; an inch mark (6’2”) closes nothing. Straight single marks are apostrophes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Span
from . import singles

MARKS_RE = re.compile("[\"“”„«»‟「」『』‘’]")
SINGLE_MARKS = frozenset(singles.OPEN + singles.CLOSE)
OPENERS = frozenset("\"“„«»‟「『")
# Closers for each opener; a mismatched pair such as “...", is tolerated. »...« is the
# German and Scandinavian book style; 「...」 (『...』 inside) the Chinese and Japanese marks.
CLOSERS = {"“": "”\"“", "‟": "”\"“", "\"": "\"”“", "„": "“”\"", "«": "»\"”", "»": "«",
           "「": "」", "『": "』"}


@dataclass(frozen=True, slots=True)
class RawQuote:
    """Inner range of a quotation (marks excluded), before trimming and attribution."""

    start: int
    end: int
    truncated: bool = False


def _looks_closing(text: str, i: int, span: Span) -> bool:
    """A mark glued to the word before it and not to the word after it."""
    before = text[i - 1] if i > span.start else " "
    after = text[i + 1] if i + 1 < span.end else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


def _looks_opening(text: str, i: int, span: Span) -> bool:
    """A mark after a space (or bracket, dash) and glued to the word after it."""
    before = text[i - 1] if i > span.start else " "
    after = text[i + 1] if i + 1 < span.end else " "
    return (before.isspace() or before in "([{—–-/:") and not after.isspace()


_INCHES_RE = re.compile(r"\d['’]\d{1,2}$")
"""Feet and inches before the mark: 6’2” (a height, not the end of a quotation)."""


def _closes(text: str, i: int, span: Span, opener: str) -> bool:
    mark = text[i]
    if mark not in CLOSERS.get(opener, ""):
        return False
    if _INCHES_RE.search(text, max(span.start, i - 4), i):
        return False
    if mark == "“" and opener != "„":
        # An opening-shaped “ inside a “-quote: a typo'd closer only if shaped like one.
        return _looks_closing(text, i, span)
    if mark == "\"" and _looks_opening(text, i, span) and not _looks_closing(text, i, span):
        return False  # shouted "Allah hu Akbar!" inside a "-quote: a quote nested in it
    return True


def _opens(text: str, i: int, span: Span) -> bool:
    mark = text[i]
    if mark not in OPENERS:
        return False
    if mark == "\"":
        # Inch marks (12") and a stray closer are not openers.
        before = text[i - 1] if i > span.start else " "
        return not before.isdigit() and not _looks_closing(text, i, span)
    if mark == "»":
        return _looks_opening(text, i, span)  # not a French closer left over, nor "Home » News"
    return True


def scan(text: str, spans: list[Span]) -> list[RawQuote]:
    """Quotations in the kept spans, in text order; one pass over the marks.

    A paragraph that ends inside a quotation continues it when the next paragraph
    opens with a quotation mark (the convention for multi-paragraph quotes);
    otherwise the quotation is truncated at the paragraph end.
    """
    found: list[RawQuote] = []
    open_at, opener, skip_to = -1, "", -1
    for n, span in enumerate(spans):
        continued = open_at >= 0
        single_goes_on = _continues(text, spans, n, singles.OPEN)  # once a paragraph, not per apostrophe
        for m in MARKS_RE.finditer(text, span.start, span.end):
            i = m.start()
            if opener == singles.OPEN and open_at >= 0:
                if not (continued and i == _first_char(text, span)) and i >= skip_to:
                    open_at, skip_to = _in_single(text, spans, n, i, open_at, found)
            elif text[i] in SINGLE_MARKS:
                if open_at < 0 and singles.opens(text, i, span, single_goes_on):
                    open_at, opener = i + 1, text[i]
            elif open_at >= 0:
                if continued and i == _first_char(text, span):
                    continue  # the opening mark of a continuing paragraph
                if i < skip_to:
                    continue  # a mark of a quote nested in the open one
                if _closes(text, i, span, opener):
                    found.append(RawQuote(open_at, i))
                    open_at = -1
                elif text[i] in "“«„\"»" and _looks_opening(text, i, span):
                    skip_to = _nested_end(text, span, i, opener, _continues(text, spans, n, opener))
                    if skip_to < 0:
                        # A new quotation while one is open: the first was never closed.
                        found.append(RawQuote(open_at, _last_char_before(text, i), truncated=True))
                        open_at, opener = i + 1, text[i]
            elif _opens(text, i, span):
                open_at, opener = i + 1, text[i]
            continued = False
        if open_at >= 0 and not _continues(text, spans, n, opener):
            found.append(RawQuote(open_at, span.end, truncated=True))
            open_at = -1
    return found


def _in_single(text: str, spans: list[Span], n: int, i: int, open_at: int,
               found: list[RawQuote]) -> tuple[int, int]:
    """The mark at ``i`` inside a single-marked quotation opened at ``open_at``: a closing ’
    ends it; an opening double mark skips its nested quote (a stray one is text).
    Returns the new (open_at, skip_to)."""
    span = spans[n]
    if text[i] == singles.CLOSE and singles.closes(text, i, span):
        found.append(RawQuote(open_at, i))
        return -1, -1
    if text[i] in OPENERS and _looks_opening(text, i, span):
        return open_at, _nested_end(text, span, i, singles.OPEN, _continues(text, spans, n, singles.OPEN))
    return open_at, -1


def _nested_end(text: str, span: Span, i: int, outer: str, continues: bool = False) -> int:
    """The closing mark of an open quotation that opens a quote inside itself at ``i``: the
    first closer of the outer quotation after the inner quotes are closed, in the same
    paragraph, or the paragraph's end when the quotation goes on in the next one
    (``continues``) and the inner quote is marked unlike it. -1 when there is none, or when
    a mark other than its closer comes while an inner quote is open: then the outer
    quotation was never closed. Each mark is read once."""
    inner = text[i]
    for m in MARKS_RE.finditer(text, i + 1, span.end):
        j = m.start()
        if text[j] in SINGLE_MARKS:
            if outer == singles.OPEN and not inner and singles.closes(text, j, span):
                return j
            continue  # apostrophes, and single marks inside a double-marked quote
        if inner:
            if not (_closes(text, j, span, inner) and _looks_closing(text, j, span)):
                return -1
            inner = ""
        elif text[j] in OPENERS and _looks_opening(text, j, span):
            inner = text[j]  # another inner quote
        elif _closes(text, j, span, outer):
            return j
    # Only a quote marked unlike the outer one (“...” inside "...") is surely nested in it
    # when no closer comes before the paragraph ends: “A ‘B,’” C said. ¶ “D...” is two quotes.
    return span.end if continues and not inner and text[i] != outer else -1


def _first_char(text: str, span: Span) -> int:
    return span.start + len(text[span.start : span.end]) - len(text[span.start : span.end].lstrip())


def _last_char_before(text: str, i: int) -> int:
    return len(text[:i].rstrip())


def _continues(text: str, spans: list[Span], n: int, opener: str) -> bool:
    """True if the paragraph after ``spans[n]`` opens with a quotation mark: an opening ‘
    for a single-marked quotation, a double mark for the others."""
    if n + 1 >= len(spans):
        return False
    nxt = spans[n + 1]
    first = _first_char(text, nxt)
    if first >= nxt.end:
        return False
    if opener == singles.OPEN:
        return singles.opens(text, first, nxt, True)
    return text[first] in OPENERS
