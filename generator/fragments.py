"""Large data files written from keyed fragments, copying unchanged bytes from the last build.

report.json and pairs.csv are hundreds of megabytes at N = 1,000, and adding one article
changes a row in every article's block of pairs and an occurrence in every quote: the
files must be written again, but nearly all their text is as before. A stream may yield,
among its text chunks, ``Fragment``\\ s: a piece of text with a key that digests
everything the text is made from. The writer records where each fragment's bytes lie in
the file (the file's index, kept in the cache with the file's size, time and inode); the
next build copies the bytes of every fragment whose key is in the previous file's index
(``os.copy_file_range``, no formatting, no encoding) and makes only the others.

The output is the same as writing every fragment's text: a fragment is only copied when
its key, which covers its inputs, the file's path and the code that formats it (the theme
key), is one the previous file holds, and that file is still the one the index describes.
A deleted cache, an edited or replaced file, another theme or an interrupted build (the
index of a file never swapped in names another inode) only cost the time of formatting.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import Cache, digest

if TYPE_CHECKING:
    from .rendered import Written

KIND = "fragments"
FLUSH = 1 << 20
"""Bytes of new text gathered before they are written."""


@dataclass(frozen=True, slots=True)
class Fragment:
    """A piece of a streamed file that a rebuild may copy from the previous file."""

    key: bytes
    """Digest of everything ``make``'s text is made from (unique within the file)."""
    make: Callable[[], str]
    """The text, made only when the previous file lacks it."""


@dataclass(frozen=True, slots=True)
class Index:
    """Where each fragment of a written file lies."""

    file: Written
    """The file as it was written (size, time, inode): the index is only good for it."""
    theme: str
    spans: dict[bytes, tuple[int, int]]
    """Fragment key → (byte offset, length)."""


def _entry(output: Path, path: str) -> str:
    return digest(str(output), path)


def load(cache: Cache, output: Path, path: str, theme: str, current: Written | None) -> dict[bytes, tuple[int, int]]:
    """The fragment spans of ``output/path`` if the cache describes that very file (as
    ``current``, the render records' entry, checked against the file) and the same theme."""
    found = cache.get(KIND, _entry(output, path))
    if not isinstance(found, Index) or current is None or found.file != current or found.theme != theme:
        return {}
    try:
        if type(current).of(current.key, output / path) != current:
            return {}
    except OSError:
        return {}
    return found.spans


def save(cache: Cache, output: Path, path: str, index: Index) -> None:
    cache.put(KIND, _entry(output, path), index)


class _Writer:
    """Writes text and copied byte ranges to ``target`` in order, noting fragment spans."""

    def __init__(self, target: Path, old: Path | None, spans: dict[bytes, tuple[int, int]]):
        self.out = open(target, "wb", buffering=0)
        self.old = open(old, "rb", buffering=0) if spans and old is not None else None
        self.spans = spans if self.old else {}
        self.written: dict[bytes, tuple[int, int]] = {}
        self.pending: list[bytes] = []
        self.pending_size = 0
        self.copy: list[int] = []  # [offset, length] of the old bytes still to copy
        self.offset = 0

    def text(self, data: bytes) -> None:
        self._copy()
        self.pending.append(data)
        self.pending_size += len(data)
        self.offset += len(data)
        if self.pending_size >= FLUSH:
            self._flush()

    def fragment(self, fragment: Fragment) -> None:
        found = self.spans.get(fragment.key)
        if found is None:
            start = self.offset
            self.text(fragment.make().encode("utf-8"))
        else:
            start, (old, length) = self.offset, found
            self._flush()
            if self.copy and self.copy[0] + self.copy[1] == old:
                self.copy[1] += length
            else:
                self._copy()
                self.copy = [old, length]
            self.offset += length
        self.written.setdefault(fragment.key, (start, self.offset - start))

    def _flush(self) -> None:
        if self.pending:
            self.out.write(b"".join(self.pending))
            self.pending, self.pending_size = [], 0

    def _copy(self) -> None:
        if not self.copy:
            return
        offset, length = self.copy
        self.copy = []
        _copy_range(self.old.fileno(), self.out.fileno(), offset, length)

    def close(self) -> None:
        try:
            self._flush()
            self._copy()
        finally:
            self.out.close()
            if self.old:
                self.old.close()


def _copy_range(src: int, dst: int, offset: int, length: int) -> None:
    """``length`` bytes of ``src`` from ``offset`` appended to ``dst`` (in the kernel
    where it can; a short file is an error: the index promised these bytes)."""
    while length:
        try:
            done = os.copy_file_range(src, dst, length, offset)
        except OSError:
            done = os.write(dst, os.pread(src, min(length, FLUSH), offset))
        if done <= 0:
            raise OSError(f"the previous file ended before byte {offset + length}")
        offset += done
        length -= done


def as_text(chunks: Iterable[str | Fragment]) -> Iterator[str]:
    """The chunks with every fragment's text made: what the file holds."""
    return (chunk if type(chunk) is str else chunk.make() for chunk in chunks)


def write(chunks: Iterable[str | Fragment], target: Path, old: Path | None,
          spans: dict[bytes, tuple[int, int]]) -> dict[bytes, tuple[int, int]]:
    """Write ``chunks`` to ``target``, a fragment found in ``spans`` copied from ``old``;
    returns the spans of the fragments in ``target``."""
    writer = _Writer(target, old, spans)
    try:
        for chunk in chunks:
            if type(chunk) is str:
                writer.text(chunk.encode("utf-8"))
            else:
                writer.fragment(chunk)
    finally:
        writer.close()
    return writer.written
