"""Plain text: a short first line is the title.

Wire copy (PA's format) opens with a header ruled off by lines of dashes: a time stamp,
page number and catchline (the slug, "16:54 01/03/00: Page 1 (ZSM) COURTS Burstein"),
which is routing for editors, not a headline; the header is dropped and the headline, if
the page has one, is the first line of the body. An editor's note in brackets before it
("(ADVISORY: ...)", "(reopens)") is not the headline either.
"""

from __future__ import annotations

import re

from ..model import Document, Metadata
from ..text import join_paragraphs, split_plain_paragraphs, word_count

TITLE_MAX_WORDS = 20
# Wire copy (PA's format): a 0x19 byte opens each paragraph, '<' ends it, lines of dashes
# rule off the header; typewriter quotes: ``double'' and `single'.
_WIRE_PARAGRAPH_RE = re.compile(r"\x19|<[ \t]*(?:\n|$)")
_RULE_RE = re.compile(r"^[ \t]*[-=_]{10,}[ \t]*$", re.M)


def looks_like(text: str) -> bool:
    return True


def _is_title(line: str) -> bool:
    words = word_count(line)
    # A headline is short and does not read as a sentence of running text.
    return 1 < words <= TITLE_MAX_WORDS and not re.search(r"[.:;,。：；，]$", line) \
        and not line.endswith("...")


def _without_wire_header(text: str) -> str:
    """The wire text after its header: everything up to the last rule line before the
    first paragraph byte."""
    first = text.find("\x19")
    rules = [m.end() for m in _RULE_RE.finditer(text, 0, first)]
    return text[rules[-1]:].lstrip() if rules else text


def _typewriter(text: str) -> str:
    """Wire paragraph marks as blank lines, typewriter quotes as typographic ones."""
    if "\x19" in text:
        text = _without_wire_header(text.replace("\r\n", "\n"))
        text = _RULE_RE.sub("", _WIRE_PARAGRAPH_RE.sub("\n\n", text))
    if "``" in text:
        text = text.replace("``", "\u201c").replace("''", "\u201d")
    return text.replace("`", "\u2018")


_NOTE_RE = re.compile(r"^\s*[(\[][^()\[\]]*[)\]]\s*$")


def read(file: str, text: str) -> list[Document]:
    paragraphs = split_plain_paragraphs(_typewriter(text))
    title = None
    first = next((i for i, p in enumerate(paragraphs) if not _NOTE_RE.match(p)), len(paragraphs))
    if len(paragraphs) > first + 1 and _is_title(paragraphs[first]):
        title = paragraphs.pop(first)
    return [Document(file=file, format="text", text=join_paragraphs(paragraphs), meta=Metadata(title=title))]
