"""Saved web pages: the main article text, extracted by trafilatura."""

from __future__ import annotations

import re

from ..errors import ContentError
from ..model import Document, Metadata
from ..text import join_paragraphs
from .dates import iso_date
from .json_ld import headline_and_publisher

_HTML_START_RE = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)


DATE_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
_NO_TIME_SUFFIX = "T00:00:00"
"""What htmldate writes for a page that gives only a day (and no time zone)."""


def _without_missing_time(value: str | None) -> str | None:
    """The date alone when the page gave no time: a bare midnight is not a time stated."""
    if value and value.endswith(_NO_TIME_SUFFIX):
        return value[: -len(_NO_TIME_SUFFIX)]
    return value


def looks_like(text: str) -> bool:
    return _HTML_START_RE.match(text[:4096]) is not None


def read(file: str, text: str) -> list[Document]:
    import trafilatura  # on first use: 0.13 s of every build's start-up otherwise

    doc = trafilatura.bare_extraction(
        text, include_comments=False, include_tables=False, with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True,
                                # with the time when the page gives it: it orders a day's articles
                                "outputformat": DATE_TIME_FORMAT},
    )
    if doc is None or not (doc.text or "").strip():
        raise ContentError(file, "no article text found in this HTML page")
    try:
        published = iso_date(_without_missing_time(doc.date))
    except ValueError:
        published = None
    title, outlet = doc.title, doc.sitename
    if not title or not outlet:
        headline, publisher = headline_and_publisher(text)
        title, outlet = title or headline, outlet or publisher
    meta = Metadata(title=title, outlet=outlet, url=doc.url, published=published, author=doc.author)
    return [Document(file=file, format="html", text=join_paragraphs(doc.text.split("\n")), meta=meta)]
