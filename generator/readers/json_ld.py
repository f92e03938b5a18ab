"""The article's JSON-LD block of a saved web page (schema.org NewsArticle and kin).

trafilatura reads the title and site name from meta tags and the <title>; a page that
gives its headline and publisher only as JSON-LD got neither.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from .html_text import inline_text

_JSON_LD_RE = re.compile(r"<script[^>]*type\s*=\s*[\"']?application/ld\+json[^>]*>(.*?)</script>", re.I | re.S)


def _objects(data: object) -> Iterator[dict]:
    """Every object of a JSON-LD document: a list of them, an @graph, or one."""
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        yield from _objects(data.get("@graph"))


def _name(value: object) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return inline_text(value) or None if isinstance(value, str) else None


def headline_and_publisher(page: str) -> tuple[str | None, str | None]:
    """(headline, publisher name) of the first JSON-LD object with a headline."""
    for block in _JSON_LD_RE.findall(page):
        try:
            data = json.loads(block)
        except ValueError:
            continue  # a broken block: the page's other metadata still count
        for item in _objects(data):
            headline = _name(item.get("headline"))
            if headline:
                return headline, _name(item.get("publisher"))
    return None, None
