"""A finding of the front page as parts: plain text, or a link to an article's page.

Each finding is a sentence cut into parts, so that the articles it names become links in
the template (and the text stays escaped: no HTML is built here). Shared by the findings of
derivation (findings.py), of quotes (quote_findings.py) and of facts (drift.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Article
from ..paths import article_page

TITLE_WORDS = 9
"""Articles are named in findings by their number and the first words of their title."""


@dataclass(frozen=True, slots=True)
class Part:
    """A piece of a finding: plain text, or a link to a page of the site."""

    text: str
    page: str | None = None
    """Output path the text links to (made relative by the template)."""
    number: int | None = None
    """The article's number (publication order), shown as a badge before a link."""
    title: str = ""
    """Tooltip: the full title of a linked article."""


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str
    """'origin', 'copied', 'rewritten', 'wholly', 'derived', 'borrowed', 'independent', 'credit', 'altered',
    'unquoted', 'partial' or 'note' (a CSS class and a test hook)."""
    parts: tuple[Part, ...]

    @property
    def lead(self) -> str:
        """A few words that say what kind of finding this is, shown in bold first."""
        return LEADS[self.kind]

    @property
    def text(self) -> str:
        return f"{self.lead}: " + "".join(p.text for p in self.parts)


LEADS = {
    "origin": "First published", "copied": "Mostly copied", "rewritten": "Mostly rewritten",
    "wholly": "Wholly derived", "derived": "Partly derived",
    "borrowed": "Shares text", "independent": "Written independently", "credit": "Credit",
    "altered": "Quotes altered", "unquoted": "Quotation marks dropped", "partial": "Quotes cut",
    "note": "Note",
}


class Namer:
    """Turns articles into linked parts: number, short title, outlet."""

    def __init__(self, articles: tuple[Article, ...], numbers: dict[str, int] | None = None):
        self.number = numbers or {a.id: n for n, a in enumerate(articles, 1)}

    def ref(self, article: Article, outlet: bool = True) -> list[Part]:
        words = article.title.split()
        short = " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "")
        parts = [Part(f"“{short}”", article_page(article.id), self.number[article.id], article.title)]
        if outlet and article.meta.outlet:
            parts.append(Part(f" ({article.meta.outlet})"))
        return parts

    def refs(self, articles: list[Article], counts: dict[str, int] | None = None) -> list[Part]:
        parts: list[Part] = []
        for k, article in enumerate(articles):
            if k:
                parts.append(Part(" and " if k == len(articles) - 1 else ", "))
            parts += self.ref(article, outlet=False)
            if counts:
                parts.append(Part(f" ({counts[article.id]})"))
        return parts
