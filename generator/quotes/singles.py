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

from ..model import Span

OPEN, CLOSE = "‘", "’"
# Words that an opening apostrophe shortens: ‘tis, ‘em, ‘cause, ‘til, ‘n’, ‘90s, class of ‘16.
_ELISION_RE = re.compile(r"[‘’](?:(?:tis|twas|twere|twill|em|cause|cos|til|till|bout|nuff|\d\d(?:s)?)\b(?![’'])|n[’'])",
                         re.I)
_NAND_RE = re.compile(r"[‘’ ]n’")
"""The ’ closing rock ’n’ roll (or rock ‘n’ roll)."""
_MARKS_RE = {CLOSE: re.compile(CLOSE), OPEN + CLOSE: re.compile(f"[{OPEN}{CLOSE}]")}
_OPEN_AFTER = frozenset("([{—–-/:")
_SENTENCE_END = frozenset(".,!?;:…")


def _char(text: str, i: int, span: Span) -> str:
    return text[i] if span.start <= i < span.end else " "


def opens(text: str, i: int, span: Span, continues: bool) -> bool:
    """A ‘ starting a word after a space or bracket, not an elision, and closed later in its
    paragraph (or its quotation goes on in the next paragraph: ``continues``)."""
    if text[i] != OPEN or not _opening_shape(text, i, span):
        return False
    return continues or any(_closing_shape(text, j, span) for j in _marks(text, i + 1, span, CLOSE))


def closes(text: str, i: int, span: Span) -> bool:
    """A ’ ending an open single-marked quotation: closing-shaped, and not a weak closer (a
    word follows it) with a surer closer later in the paragraph, before the next quotation
    opens (‘Black Lives Matter’ Sends Message - ‘Instead Of Pimping’ is two quotes)."""
    if text[i] != CLOSE or not _closing_shape(text, i, span):
        return False
    if _strong(text, i, span):
        return True
    for j in _marks(text, i + 1, span, OPEN + CLOSE):
        if text[j] == OPEN and _opening_shape(text, j, span):
            return True
        if text[j] == CLOSE and _closing_shape(text, j, span) and _strong(text, j, span):
            return False
    return True


def _marks(text: str, start: int, span: Span, marks: str):
    """Offsets of the given marks from ``start`` to the paragraph's end."""
    return (m.start() for m in _MARKS_RE[marks].finditer(text, start, span.end))


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
