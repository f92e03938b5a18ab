"""Readers: one module per input format, chosen by content, in a registry.

Each reader has ``looks_like(text) -> bool`` and ``read(file, text) -> list[Document]``;
the first reader in ``READERS`` that recognises a file reads it.
"""

from __future__ import annotations

import codecs
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
    unicode_bom = _unicode_bom_encoding(raw)
    if unicode_bom:
        try:
            text = raw.decode(unicode_bom)
        except UnicodeDecodeError:
            raise ContentError(file, f"starts as {unicode_bom.upper()} but does not decode as it; "
                                     "save it as UTF-8") from None
        return text, Problem(file, f"not UTF-8; read as {unicode_bom.upper()} (its byte-order mark)",
                             warning=True)
    if b"\x00" in raw[:8192]:
        raise ContentError(file, "this is a binary file, not an article; remove it from the content folder")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        repaired = _utf8_with_stray_bytes(raw.removeprefix(codecs.BOM_UTF8))
        if repaired is not None:
            return repaired, Problem(file, f"not UTF-8 throughout: a few stray bytes (the first on line {line}) "
                                           "read as Windows-1252", line, warning=True)
        text, encoding = _legacy_decode(raw)
        if text is None:
            raise ContentError(file, "not UTF-8 and no other text encoding fits; save it as UTF-8", line) from None
        warning = Problem(file, f"not UTF-8 (first bad byte on line {line}); read as {encoding}",
                          line, warning=True)
        return text, warning


def _unicode_bom_encoding(raw: bytes) -> str | None:
    """UTF-16 or UTF-32 when the file starts with its byte-order mark (Notepad's "Unicode")."""
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


MAX_STRAY_BYTES = 16


def _utf8_with_stray_bytes(raw: bytes) -> str | None:
    """A UTF-8 text with a few bytes of another encoding pasted in (a Windows apostrophe
    in an otherwise UTF-8 file): those bytes read as Windows-1252, when the text holds more
    valid multi-byte characters than stray bytes; else None (the file is in another encoding)."""
    parts, pos, stray = [], 0, 0
    while True:
        try:
            parts.append(raw[pos:].decode("utf-8"))
            break
        except UnicodeDecodeError as exc:
            parts.append(raw[pos : pos + exc.start].decode("utf-8"))
            bad = raw[pos + exc.start : pos + exc.end]
            parts.append(bad.decode("cp1252", errors="replace"))
            stray, pos = stray + len(bad), pos + exc.end
            if stray > MAX_STRAY_BYTES:
                return None
    text = "".join(parts)
    return text if sum(1 for c in text if ord(c) > 0x7F) - stray > stray else None


def _legacy_decode(raw: bytes) -> tuple[str | None, str]:
    """The detected encoding, except that Windows-1252 wins when the detector finds it as
    plausible as its first guess: short Western texts do not tell the Latin code pages apart
    (a few accents read as well in cp775 or cp1250), and cp1252 is what old news files use.
    A Cyrillic, Greek or Central European text fits cp1252 worse and keeps its own."""
    matches = list(from_bytes(raw))
    if not matches:
        return None, ""
    best = matches[0]
    if any(match.encoding == "cp1252" and match.chaos <= best.chaos for match in matches):
        return raw.decode("cp1252"), "cp1252"
    if raw.decode("cp1252", errors="replace") == str(best):
        return str(best), "cp1252"  # the same text: named by the usual code page
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
