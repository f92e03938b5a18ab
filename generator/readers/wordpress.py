"""WordPress REST API posts (one post object or a list of them)."""

from __future__ import annotations

import json
import re

from ..errors import ContentError
from ..model import Document, Metadata
from .dates import iso_date
from .html_text import html_to_text, inline_text


# Shortcodes a site's plugins did not render ([caption id="..." ...]...[/caption], [embed]...
# [/embed]): an opening tag with attributes, a closing tag, or a bare tag that one closes.
# An editor's bracket in a quote ("[sic]", "[the mayor]") has neither and stays.
_SHORTCODE_RE = re.compile(r"\[(?:[a-z_][\w-]*\s[^\[\]]*=[^\[\]]*|/[a-z_][\w-]*)\]")


def _without_shortcodes(html: str) -> str:
    closed = set(re.findall(r"\[/([a-z_][\w-]*)\]", html))
    html = re.sub(r"\[([a-z_][\w-]*)\]", lambda m: "" if m.group(1) in closed else m.group(), html)
    return _SHORTCODE_RE.sub("", html)


def looks_like(text: str) -> bool:
    return text.lstrip()[:1] in ("{", "[")


def read(file: str, text: str) -> list[Document]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ContentError(file, f"broken JSON: {exc.msg} (column {exc.colno})", exc.lineno) from None
    posts = data if isinstance(data, list) else [data]
    if not posts:
        raise ContentError(file, "the JSON list holds no posts")
    return [_post(file, post, i, many=len(posts) > 1) for i, post in enumerate(posts)]


def _rendered(post: dict, key: str) -> str:
    value = post.get(key)
    if isinstance(value, dict):
        value = value.get("rendered")
    return value if isinstance(value, str) else ""


def _post(file: str, post: object, index: int, many: bool) -> Document:
    where = f"post {index + 1}: " if many else ""
    if not isinstance(post, dict) or not isinstance(post.get("content"), dict):
        raise ContentError(file, f"{where}not a WordPress post: expected an object with "
                                 "'content': {'rendered': ...} (the WordPress REST API format)")
    key = "date_gmt" if post.get("date_gmt") else "date"
    date = post.get(key)
    try:
        published = iso_date(f"{date}Z" if key == "date_gmt" and "Z" not in str(date) and "+" not in str(date) else date)
    except ValueError:
        # the value as the file has it (not with the Z a GMT date gets)
        raise ContentError(file, f"{where}{key}: cannot read {date!r} as a date; the WordPress REST API "
                                 "writes dates as YYYY-MM-DDTHH:MM:SS") from None
    slug = post.get("slug") if many and isinstance(post.get("slug"), str) else None
    meta = Metadata(
        title=inline_text(_rendered(post, "title")) or None,
        url=post.get("link") if isinstance(post.get("link"), str) else None,
        published=published,
        slug=slug,
    )
    text = html_to_text(_without_shortcodes(_rendered(post, "content")))
    return Document(file=file, format="wordpress", text=text,
                    meta=meta, index=index)
