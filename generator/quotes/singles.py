"""Curly single marks: which ‘ opens and which ’ closes a quotation, and which are apostrophes.

British and many UK outlets quote with single marks (‘We cannot wait,’ she said), but the
same two characters are apostrophes far more often: don’t, O’Brien, the ’90s, rock ’n’ roll,
the players’ wages, ‘tis. A ‘ opens a quotation only where it starts a word that is not an
elision (’em, ‘tis, ‘90s) and a closing ’ follows in its paragraph; a ’ closes one only when
glued to the word before and not to the word after. A ’ followed by a word (the players’
wages, goin’ home) is a weak closer: taken only when no surer closer follows.
Straight single marks (') are left alone: they cannot be told from apostrophes safely.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ..model import Span

OPEN, CLOSE = "‘", "’"
# Words that an opening apostrophe shortens: ‘tis, ‘em, ‘cause, ‘til, ‘n’, ‘90s, class of ‘16.
_ELISION_RE = re.compile(r"[‘’](?:(?:tis|twas|twere|twill|em|cause|cos|til|till|bout|nuff|\d\d(?:s)?)\b(?![’'])|n[’'])",
                         re.IGNORECASE)
_NAND_RE = re.compile(r"[‘’ ]n’")
"""The ’ closing rock ’n’ roll (or rock ‘n’ roll)."""
_MARKS_RE = re.compile(f"[{OPEN}{CLOSE}]")
_OPEN_AFTER = frozenset("([{—–-/:")
_SENTENCE_END = frozenset(".,!?;:…")


def _char(text: str, i: int, span: Span) -> str:
    return text[i] if span.start <= i < span.end else " "


def opens(text: str, i: int, span: Span, continues: bool) -> bool:
    """A ‘ starting a word after a space or bracket, not an elision, and closed later in its
    paragraph (or its quotation goes on in the next paragraph: ``continues``)."""
    if text[i] != OPEN or not _opening_shape(text, i, span):
        return False
    return continues or _last_closer(text, span.start, span.end) > i


@lru_cache(maxsize=16)
def _last_closer(text: str, start: int, end: int) -> int:
    """The paragraph's last closing-shaped ’ (-1 if none): found once per paragraph, so that
    a paragraph of many unclosed ‘ is not read to its end for each."""
    span = Span(start, end)
    j = text.rfind(CLOSE, start, end)
    while j >= 0 and not _closing_shape(text, j, span):
        j = text.rfind(CLOSE, start, j)
    return j


def closes(text: str, i: int, span: Span) -> bool:
    """A ’ ending an open single-marked quotation: closing-shaped, and not a weak closer (a
    word follows it) with a surer closer later in the paragraph, before the next quotation
    opens (‘Black Lives Matter’ Sends Message - ‘Instead Of Pimping’ is two quotes)."""
    if text[i] != CLOSE or not _closing_shape(text, i, span):
        return False
    if _strong(text, i, span):
        return True
    stops, is_opener = _stops(text, span.start, span.end)
    k = bisect_right(stops, i)
    return k == len(stops) or is_opener[k]


@lru_cache(maxsize=16)
def _stops(text: str, start: int, end: int) -> tuple[tuple[int, ...], tuple[bool, ...]]:
    """Where the paragraph's opening ‘ and strong closing ’ are, and which are openers: what
    a weak closer looks ahead to, found once per paragraph."""
    span, stops, is_opener = Span(start, end), [], []
    for m in _MARKS_RE.finditer(text, start, end):
        j = m.start()
        opener = text[j] == OPEN and _opening_shape(text, j, span)
        if opener or (text[j] == CLOSE and _closing_shape(text, j, span) and _strong(text, j, span)):
            stops.append(j)
            is_opener.append(opener)
    return tuple(stops), tuple(is_opener)


def _opening_shape(text: str, i: int, span: Span) -> bool:
    """Starting a word after a space or bracket, and not an elision (‘tis, ‘90s)."""
    before, after = _char(text, i - 1, span), _char(text, i + 1, span)
    return (before.isspace() or before in _OPEN_AFTER) and not after.isspace() \
        and not _ELISION_RE.match(text, i)


def _closing_shape(text: str, i: int, span: Span) -> bool:
    """Glued to the word before, not to the word after (not it’s, O’Brien), not rock ’n’ roll."""
    before, after = _char(text, i - 1, span), _char(text, i + 1, span)
    if before.isspace() or after.isalnum():
        return False
    return not (i >= span.start + 2 and _NAND_RE.match(text, i - 2))


def _strong(text: str, i: int, span: Span) -> bool:
    """Punctuation before it (,’ .’) or no word right after it (’ she said is weak)."""
    if _char(text, i - 1, span) in _SENTENCE_END:
        return True
    rest = text[i + 1 : span.end].lstrip(" \t")
    return not rest[:1].isalnum()
