"""HTML fragment → plain paragraphs, shared by the WordPress and Markdown readers."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser as HTMLParser, LexborNode as Node

from ..text import join_paragraphs

# Elements whose start and end break a paragraph.
BLOCK_TAGS = frozenset(
    "p div section article header footer aside nav main figure figcaption blockquote pre ul ol li "
    "dl dt dd table thead tbody tr td th h1 h2 h3 h4 h5 h6 hr br address details summary".split()
)
# Elements whose content is never article text.
SKIP_TAGS = frozenset("script style noscript template iframe object embed svg math form button select "
                      "textarea input head".split())


def _walk(node: Node, parts: list[str], paragraphs: list[str]) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            parts.append(child.text(deep=False) or "")
        elif tag in SKIP_TAGS or tag == "_comment":
            continue
        elif tag in BLOCK_TAGS:
            _flush(parts, paragraphs)
            _walk(child, parts, paragraphs)
            _flush(parts, paragraphs)
        else:
            _walk(child, parts, paragraphs)


def _flush(parts: list[str], paragraphs: list[str]) -> None:
    text = " ".join("".join(parts).split())
    if text:
        paragraphs.append(text)
    parts.clear()


def html_paragraphs(html: str) -> list[str]:
    """The visible text of an HTML fragment, one string per block element."""
    tree = HTMLParser(html)
    root = tree.body or tree.root
    paragraphs: list[str] = []
    parts: list[str] = []
    if root is not None:
        _walk(root, parts, paragraphs)
    _flush(parts, paragraphs)
    return paragraphs


def html_to_text(html: str) -> str:
    """An HTML fragment as document text (paragraphs separated by blank lines)."""
    return join_paragraphs(html_paragraphs(html))


def inline_text(html: str) -> str:
    """A one-line HTML fragment (a title) as plain text, entities decoded."""
    return " ".join(" ".join(html_paragraphs(html)).split())
