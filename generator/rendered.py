"""Pages kept from the previous build instead of rendered again.

Each written page is recorded in the cache with a digest of everything its file is made
from (the theme's files, the code of the views and of rendering, the page's path and
template, the inputs its context is made from; an article or quote cluster
among them counts by its own digest) and the file's size, modification time and inode.
A page whose digest is unchanged, and whose old file is still the one recorded, is
hard-linked from the previous output into the new one: no rendering, no writing, the file
keeps its inode and time. Anything else
(a missing, replaced or edited file, another theme, a file system without hard links) is
rendered as usual, so a stale record can only cost time, never give a wrong page.

A streamed file (report.json, the CSVs: too large to hold as one string) is keyed like a
page by the inputs it is made from when it has them (the data files: their analysis, see
generator/site/datafiles.py), and kept without being made. Without inputs it is written
first, its digest taken while writing; if it equals the last build's, the old file is
linked in its place, so an unchanged file keeps its inode and time like a kept page.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import jinja2

from . import fragments, labels, marks, paths, provenance, report, report_format, report_fragments, report_rows, site
from .cache import Cache, code_digest, digest
from .model import Article, QuoteCluster
from .site import Page, article, common, datafiles, drift, finding_parts, pair

KIND = "pages"


@dataclass(frozen=True, slots=True)
class Written:
    """A page file as this build left it."""

    key: str
    """Digest of the page's inputs (``page_key``)."""
    size: int
    mtime_ns: int
    inode: int

    @classmethod
    def of(cls, key: str, path: Path) -> Written:
        st = path.stat()
        return cls(key, st.st_size, st.st_mtime_ns, st.st_ino)


VIEW_CODE = (site, article, common, drift, finding_parts, pair, marks, labels, paths, provenance, report, report_rows,
             report_format, report_fragments, datafiles)
"""Modules whose code turns a page's inputs into its context (or a data file's text);
``provenance`` for its date rules (``order_known``: 'probably published later');
``finding_parts`` for what a template reads of a finding (``Finding.lead``)."""


def theme_key(template_dirs: list[Path], renderer: ModuleType) -> str:
    """Digest of every file of the theme and of the code that renders with it."""
    files = [(str(f.relative_to(d)), f.read_bytes()) for d in template_dirs
             for f in sorted(d.rglob("*")) if f.is_file()]
    return digest(jinja2.__version__, code_digest(renderer, *VIEW_CODE), files)


def page_key(page: Page, theme: str, known: dict[int, tuple[object, str]]) -> str | None:
    """Digest of what the page's file is made from, or None if the page is always rendered
    (``known``: digests of large objects already met in this build)."""
    if page.make is not None:
        make, inputs = page.make, page.inputs
    elif page.stream is not None and page.inputs:  # else keyed by its text (write_stream)
        make, inputs = getattr(page.stream, "func", page.stream), page.inputs
    elif page.context is not None and page.template is not None:  # a context made up front
        make, inputs = Page.full_context, (page.context,)
    else:
        return None
    inputs = _inputs_bytes(inputs, known)
    maker = f"{make.__module__}.{make.__qualname__}"
    return None if inputs is None else digest(theme, page.path, page.template, maker, inputs)


class _Digested:
    """Stands for an object pickled as its digest (never unpickled: keys are only compared)."""


class _KeyPickler(pickle.Pickler):
    """Pickles without the memo, so equal values give equal bytes whether or not they share
    objects (a value read from the cache shares less than a freshly computed one). An
    article or a quote cluster, large and met by many pages, is written as its digest,
    computed once per build and process (``known``: id → (object, digest)). The hook is
    ``reducer_override``, which pickle calls for objects of user classes only;
    ``persistent_id`` was called for every string and number of every passage (11 M calls,
    40% of the page keys at N = 1,000)."""

    def __init__(self, out: io.BytesIO, known: dict[int, tuple[object, str]]):
        super().__init__(out, protocol=4)
        self.fast = True
        self.known = known

    def reducer_override(self, obj: object):
        if type(obj) not in (Article, QuoteCluster):
            return NotImplemented
        found = self.known.get(id(obj))
        if found is None or found[0] is not obj:
            out = io.BytesIO()
            plain = pickle.Pickler(out, protocol=4)
            plain.fast = True
            plain.dump(obj)
            found = self.known[id(obj)] = (obj, digest(out.getvalue()))
        return _Digested, (found[1],)


def _inputs_bytes(context: tuple, known: dict[int, tuple[object, str]]) -> bytes | None:
    out = io.BytesIO()
    try:
        _KeyPickler(out, known).dump(context)
    except (ValueError, RecursionError, pickle.PicklingError, AttributeError, TypeError):  # a cycle or a
        # function (a template helper): no key, always rendered
        return None
    return out.getvalue()


def keep(previous: Path, path: str, record: Written | None, key: str | None, target: Path) -> Written | None:
    """Hard-link the previous build's file of ``path`` to ``target`` if it is still the file
    recorded for the same ``key``; the record of the kept file, or None."""
    if key is None or record is None or record.key != key:
        return None
    old = previous / path
    try:
        if Written.of(key, old) != record:
            return None
        os.link(old, target)
    except OSError:
        return None
    return record


def write_stream(chunks: Iterable[str | fragments.Fragment], theme: str, previous: Path, path: str,
                 record: Written | None, target: Path, key: str | None = None, cache: Cache | None = None) -> Written:
    """Write ``chunks`` to ``target``; the record of the file left at ``target``. With an
    inputs ``key`` (``page_key``) and a ``cache``, fragments among the chunks are copied
    from the previous build's file where it holds them (generator/fragments.py). Without a
    key the file is keyed by its text, and the previous build's file of ``path`` is kept
    instead if its record has the same digest."""
    if key is not None and cache is not None:
        spans = fragments.load(cache, previous, path, theme, record)
        written = fragments.write(chunks, target, previous / path, spans)
        result = Written.of(key, target)
        fragments.save(cache, previous, path, fragments.Index(result, theme, written))
        return result
    h = hashlib.sha256() if key is None else None
    with open(target, "wb") as f:
        for data in _batches(fragments.as_text(chunks)):
            if h:
                h.update(data)
            f.write(data)
    if h is None:
        return Written.of(key, target)
    key = digest(theme, path, h.hexdigest())
    linked = target.with_name(target.name + ".kept")
    kept = keep(previous, path, record, key, linked)
    if kept is None:
        return Written.of(key, target)
    try:
        os.replace(linked, target)
    except OSError:
        linked.unlink(missing_ok=True)
        return Written.of(key, target)
    return kept


def _batches(chunks: Iterable[str], size: int = 1 << 20) -> Iterator[bytes]:
    """The chunks joined into pieces of about ``size`` characters, UTF-8 encoded."""
    batch, length = [], 0
    for chunk in chunks:
        batch.append(chunk)
        length += len(chunk)
        if length >= size:
            yield "".join(batch).encode("utf-8")
            batch, length = [], 0
    yield "".join(batch).encode("utf-8")


def load(cache: Cache, output: Path) -> dict[str, Written]:
    """The records of the pages now in ``output`` (empty if unknown)."""
    found = cache.get(KIND, digest(str(output)))
    return found if isinstance(found, dict) else {}


def save(cache: Cache, output: Path, records: dict[str, Written]) -> None:
    cache.put(KIND, digest(str(output)), records)
