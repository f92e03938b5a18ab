"""Article metadata given as a mapping (Markdown front matter or site.yml)."""

from __future__ import annotations

from collections.abc import Mapping

from dataclasses import replace

from ..errors import ContentError
from ..model import Metadata
from ..text import normalise
from .dates import iso_date

METADATA_KEYS = ("title", "outlet", "url", "published", "author", "slug", "credits")


def metadata_from_mapping(file: str, values: Mapping, first_line: int | None = None) -> Metadata:
    """Metadata from known keys; unknown keys are kept out (front matter may hold others)."""
    try:
        published = iso_date(values.get("published", values.get("date")))
    except ValueError as exc:
        raise ContentError(file, f"published: {exc}", first_line) from None
    credits = values.get("credits") or ()
    if isinstance(credits, str):
        credits = (credits,)
    return Metadata(
        title=_text(values.get("title")),
        outlet=_text(values.get("outlet")),
        url=_text(values.get("url")),
        published=published,
        author=_text(values.get("author")),
        slug=_text(values.get("slug")),
        credits=tuple(str(c) for c in credits),
    )


def _text(value: object) -> str | None:
    """One line of text, without bidi overrides or zero-width characters (which let a
    title or a name display as something else than it is)."""
    return " ".join(normalise(str(value)).split()) or None if value is not None else None


def clean_metadata(meta: Metadata) -> Metadata:
    """Every text field of ``meta`` as one clean line, whichever reader produced it."""
    return replace(meta, **{key: _text(getattr(meta, key)) for key in METADATA_KEYS if key != "credits"},
                   credits=tuple(c for c in (_text(c) for c in meta.credits) if c))


def merge(base: Metadata, override: Metadata) -> Metadata:
    """``override``'s values where it has them (site.yml wins over the file)."""
    return Metadata(**{
        key: getattr(override, key) or getattr(base, key) for key in METADATA_KEYS
    })
