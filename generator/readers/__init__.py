"""Readers: one module per input format, chosen by content, in a registry.

Each reader has ``looks_like(text) -> bool`` and ``read(file, text) -> list[Document]``;
the first reader in ``READERS`` that recognises a file reads it.
"""

from __future__ import annotations

from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import ContentError, Problem
from ..model import Document
from . import html, markdown, plaintext, wordpress

READERS = {"wordpress": wordpress, "markdown": markdown, "html": html, "text": plaintext}
# File extensions that settle the format even when sniffing would not.
EXTENSION_FORMATS = {".json": "wordpress", ".md": "markdown", ".markdown": "markdown",
                     ".html": "html", ".htm": "html"}
CONTENT_EXTENSIONS = frozenset({".txt", ".text", ""} | EXTENSION_FORMATS.keys())
MAX_FILE_BYTES = 8_000_000
"""Larger files are refused before decoding (a saved page with its images inlined, a dump)."""
MAX_ARTICLE_CHARS = 500_000
"""Longest article text analysed: passage alignment is quadratic in length (a 1.6 MB text
took 400 s); news articles are under 50,000 characters."""


def decode(file: str, raw: bytes) -> tuple[str, Problem | None]:
    """Text of a file: UTF-8, else the charset detected (with a warning), else an error."""
    if b"\x00" in raw[:8192]:
        raise ContentError(file, "this is a binary file, not an article; remove it from the content folder")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        text, encoding = _legacy_decode(raw)
        if text is None:
            raise ContentError(file, "not UTF-8 and no other text encoding fits; save it as UTF-8", line) from None
        warning = Problem(file, f"not UTF-8 (first bad byte on line {line}); read as {encoding}",
                          line, warning=True)
        return text, warning


def _legacy_decode(raw: bytes) -> tuple[str | None, str]:
    """The detected encoding, except that Windows-1252 wins among single-byte Latin code
    pages: short texts do not tell them apart, and it is what old news files use."""
    best = from_bytes(raw).best()
    if best is None:
        return None, ""
    if best.encoding.startswith(("cp125", "iso8859", "latin", "mac_")):
        try:
            return raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return str(best), best.encoding


def detect_format(file: str, text: str) -> str:
    """The reader for a file, from its content first and its extension second."""
    by_extension = EXTENSION_FORMATS.get(Path(file).suffix.lower())
    for name, reader in READERS.items():
        if name != "text" and reader.looks_like(text):
            return name
    return by_extension or "text"


def read_text(file: str, text: str) -> list[Document]:
    """Documents of one file's decoded text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ContentError(file, "the file is empty")
    return READERS[detect_format(file, text)].read(file, text)


def read_file(path: Path, file: str | None = None) -> tuple[list[Document], list[Problem]]:
    """Documents of one file and any warnings; ``file`` is the name used in messages."""
    file = file or path.as_posix()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError(file, f"cannot read the file: {exc.strerror}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise ContentError(file, f"the file is {len(raw) / 1e6:.1f} MB; wiretrace reads files of up to "
                                 f"{MAX_FILE_BYTES / 1e6:.0f} MB: split it into its articles or remove it")
    text, warning = decode(file, raw)
    docs = read_text(file, text)
    for doc in docs:
        if len(doc.text) > MAX_ARTICLE_CHARS:
            raise ContentError(file, f"{'post ' + str(doc.index + 1) + ': ' if len(docs) > 1 else ''}the article text "
                                     f"is {len(doc.text):,} characters long; wiretrace analyses articles of up to "
                                     f"{MAX_ARTICLE_CHARS:,} characters: split it or remove it")
    return docs, [warning] if warning else []
