"""Markdown with YAML front matter, rendered with raw HTML disabled."""

from __future__ import annotations

import re
from dataclasses import replace

import yaml
from markdown_it import MarkdownIt

from ..errors import ContentError, yaml_problem
from ..model import Document
from .html_text import html_to_text, inline_text
from .metadata import load_yaml, metadata_from_mapping

_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
_MARKDOWN = MarkdownIt("commonmark", {"html": False})
_H1_RE = re.compile(r"\A\s*# +(.+?)(?: +#+)? *(?:\n|\Z)")


def looks_like(text: str) -> bool:
    return text.startswith("---") and _FRONT_MATTER_RE.match(text) is not None


def _key_lines(front: str | None) -> dict[str, int]:
    """The file line of each top-level key of the front matter (it starts on line 2)."""
    keys = (re.match(r"([^\s#:][^:]*?)\s*:(?:\s|$)", line) for line in (front or "").split("\n"))
    return {m.group(1): n for n, m in enumerate(keys, start=2) if m}


def read(file: str, text: str) -> list[Document]:
    match = _FRONT_MATTER_RE.match(text)
    front: dict = {}
    body_line = 1
    if match:
        try:
            front = load_yaml(match.group(1) or "") or {}
        except yaml.YAMLError as exc:
            message, line = yaml_problem(exc, first_line=2)  # the front matter starts after '---'
            raise ContentError(file, f"broken YAML front matter: {message}", line) from None
        if not isinstance(front, dict):
            raise ContentError(file, "the front matter between the --- lines must be a mapping of keys to values", 2)
        body_line = text[: match.end()].count("\n") + 1
        text = text[match.end():]
    elif text.startswith("---"):
        raise ContentError(file, "front matter opened with --- but never closed: add a --- line after it", 1)
    meta = metadata_from_mapping(file, front, first_line=2, key_lines=_key_lines(match.group(1) if match else ""))
    del body_line
    heading = _H1_RE.match(text)
    if heading and not meta.title:
        # "# Headline" opening the body is the title (Markdown exports without front matter)
        meta = replace(meta, title=inline_text(_MARKDOWN.renderInline(heading.group(1))) or None)
        text = text[heading.end():]
    return [Document(file=file, format="markdown", text=html_to_text(_MARKDOWN.render(text)), meta=meta)]
