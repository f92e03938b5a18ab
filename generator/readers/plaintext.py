"""Plain text: a short first line is the title."""

from __future__ import annotations

import re

from ..model import Document, Metadata
from ..text import join_paragraphs, split_plain_paragraphs

TITLE_MAX_WORDS = 20
# Wire copy (PA's format): a 0x19 byte opens each paragraph, '<' ends it, lines of dashes
# rule off the header; typewriter quotes: ``double'' and `single'.
_WIRE_PARAGRAPH_RE = re.compile(r"\x19|<[ \t]*(?:\n|$)")
_RULE_RE = re.compile(r"^[ \t]*[-=_]{10,}[ \t]*$", re.M)


def looks_like(text: str) -> bool:
    return True


def _is_title(line: str) -> bool:
    words = line.split()
    # A headline is short and does not read as a sentence of running text.
    return 0 < len(words) <= TITLE_MAX_WORDS and not re.search(r"[.:;,]$", line) and len(words) > 1 \
        and not line.endswith("...")


def _typewriter(text: str) -> str:
    """Wire paragraph marks as blank lines, typewriter quotes as typographic ones."""
    if "\x19" in text:
        text = _RULE_RE.sub("", _WIRE_PARAGRAPH_RE.sub("\n\n", text))
    if "``" in text:
        text = text.replace("``", "\u201c").replace("''", "\u201d")
    return text.replace("`", "\u2018")


def read(file: str, text: str) -> list[Document]:
    paragraphs = split_plain_paragraphs(_typewriter(text))
    title = None
    if len(paragraphs) > 1 and _is_title(paragraphs[0]):
        title = paragraphs.pop(0)
    return [Document(file=file, format="text", text=join_paragraphs(paragraphs), meta=Metadata(title=title))]
