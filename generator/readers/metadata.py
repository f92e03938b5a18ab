"""Article metadata given as a mapping (Markdown front matter or site.yml)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import yaml

from ..errors import ContentError
from ..model import Metadata
from ..text import normalise
from .dates import iso_date

METADATA_KEYS = ("title", "outlet", "url", "published", "author", "slug", "credits")


class _DatesAsTextLoader(yaml.SafeLoader):
    """YAML without implicit timestamps: ``published: 2026-13-45`` stays text, for the date
    reader to refuse with a message, instead of failing inside the YAML parser."""


_DatesAsTextLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str) -> object:
    """Parsed YAML (front matter, site.yml), dates left as text; raises yaml.YAMLError."""
    return yaml.load(text, Loader=_DatesAsTextLoader)


def metadata_from_mapping(file: str, values: Mapping, first_line: int | None = None,
                          key_lines: Mapping[str, int] | None = None) -> Metadata:
    """Metadata from known keys; unknown keys are kept out (front matter may hold others).
    A bad value is reported at its key's line in ``key_lines``, else at ``first_line``."""
    def line(key: str) -> int | None:
        return (key_lines or {}).get(key, first_line)

    date_key = "published" if "published" in values else "date"
    try:
        published = iso_date(values.get(date_key))
    except ValueError as exc:
        raise ContentError(file, f"{date_key}: {exc}", line(date_key)) from None
    for key in METADATA_KEYS:
        if key != "credits" and isinstance(values.get(key), (list, dict)):
            raise ContentError(file, f"{key}: expected one line of text, not a list or mapping", line(key))
    credits = values.get("credits") or ()
    if isinstance(credits, dict) or any(isinstance(c, (list, dict)) for c in _as_list(credits)):
        raise ContentError(file, "credits: expected a line of text or a list of lines", line("credits"))
    return Metadata(
        title=_text(values.get("title")),
        outlet=_text(values.get("outlet")),
        url=_text(values.get("url")),
        published=published,
        author=_text(values.get("author")),
        slug=_text(values.get("slug")),
        credits=tuple(str(c) for c in _as_list(credits)),
    )


def _as_list(value: object) -> list:
    return list(value) if isinstance(value, (list, tuple)) else [value] if value not in (None, "") else []


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
