"""Plain text: a short first line is the title."""

from __future__ import annotations

import re

from ..model import Document, Metadata
from ..text import join_paragraphs, split_plain_paragraphs

TITLE_MAX_WORDS = 20


def looks_like(text: str) -> bool:
    return True


def _is_title(line: str) -> bool:
    words = line.split()
    # A headline is short and does not read as a sentence of running text.
    return 0 < len(words) <= TITLE_MAX_WORDS and not re.search(r"[.:;,]$", line) and len(words) > 1 \
        and not line.endswith("...")


def read(file: str, text: str) -> list[Document]:
    paragraphs = split_plain_paragraphs(text)
    title = None
    if len(paragraphs) > 1 and _is_title(paragraphs[0]):
        title = paragraphs.pop(0)
    return [Document(file=file, format="text", text=join_paragraphs(paragraphs), meta=Metadata(title=title))]
