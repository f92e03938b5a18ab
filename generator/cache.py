"""The build cache: analysis results on disk under ``<site>/.wiretrace-cache/``.

Entries are pickles named by a hash of what they were computed from (content, the
configuration that matters), under a folder named by the wiretrace version and a digest of
the analysis code (``analysis_code``), so a changed input or changed code simply misses.
Each file is written to a temporary name and moved into place with ``os.replace``: an
interrupted build leaves whole entries or none. An unreadable entry counts as a miss.
The folder is safe to delete at any time.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

CACHE_DIR = ".wiretrace-cache"


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("wiretrace")
    except Exception:  # running from a source tree without installing
        return "dev"


VERSION = _version()
FORMAT = 12
"""Bumped when the layout of cached values changes without a version change (2: Quote.direct
and the scare-quote rule of quotes/speech.py; 3: new direct-speech and title rules; 4: quotes
nested in a quote and inch marks in quotes/marks.py; 5: a quote after a capitals heading is
direct; 6: PairResult.vocabulary, and a quote ending in a single mark after its punctuation
does not run on; 7: "said that ...," before a lower-case quote is not an attribution; 8: a
quote filling a parenthesis, or a lower-case one between dashes, is an aside; 9:
PairResult.new_words; 10: edited sentences, generator/edited.py, and the quote extraction
rules of 89a0d50 and 0bc3086, committed at format 9 just before it; 11: a name ends at a
sentence's full stop, quotes/names.py; 12: a name may start with any capital letter). Changes
of the analysis code alone need no bump since the folder also carries ``analysis_code()``."""


OUTPUT_SIDE = frozenset({"site", "render.py", "rendered.py", "report.py", "report_rows.py",
                         "report_format.py", "report_fragments.py", "fragments.py", "serve.py",
                         "cli.py", "scaffold.py", "scaffold_files", "progress.py", "output_guard.py"})
"""Parts of the package that only write pages and files: no cached analysis result depends
on them, so editing them keeps the cache."""


def analysis_code(package: Path = Path(__file__).parent) -> str:
    """Digest of the source of every analysis module of ``package`` (readers, cleaning,
    segmentation, alignment, quotes, drift...). Part of the cache folder's name: a result that
    other code computed is never read, whether or not anyone remembered to bump ``FORMAT``
    (reader and tokenizer changes once left stale articles in the cache)."""
    files = sorted(f for f in package.rglob("*.py") if f.relative_to(package).parts[0] not in OUTPUT_SIDE)
    return digest(*(f"{f.relative_to(package).as_posix()}\n".encode() + f.read_bytes() for f in files))[:12]


def digest(*parts: Any) -> str:
    """A stable hash of plain data (str, bytes, numbers, tuples, dataclasses of those).

    Pickle writes a second reference to one object as a back-reference: equal values whose
    strings are shared differently (one read back from a pickle, one built afresh) hash
    differently. Pass big string tuples joined into one string (``compare_cache.fingerprint``)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part if isinstance(part, bytes) else pickle.dumps(part, protocol=4))
        h.update(b"\0")
    return h.hexdigest()[:40]


def plain_digest(value: Any) -> str:
    """``digest`` of one value pickled without the memo, so that equal values hash equal
    however their strings are shared (one read from the cache, one computed afresh)."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=4)
    pickler.fast = True
    pickler.dump(value)
    return digest(out.getvalue())


def code_digest(*modules: Any) -> str:
    """Digest of the source of ``modules`` (the version alone where the source is not
    installed): what a stored result computed by that code depends on."""
    import inspect

    sources = []
    for module in modules:
        try:
            sources.append(inspect.getsource(module))
        except (OSError, TypeError):
            sources.append(module.__name__)
    return digest(VERSION, *sources)


class Cache:
    """Pickled values by kind and key; ``None`` (no cache) turns every call into a miss."""

    def __init__(self, root: Path):
        self.root = root / f"{VERSION}-f{FORMAT}-{_ANALYSIS_CODE()}"

    @classmethod
    def for_site(cls, site_dir: Path) -> Cache:
        return cls(Path(site_dir) / CACHE_DIR)

    def _path(self, kind: str, key: str) -> Path:
        return self.root / kind / key[:2] / f"{key}.pkl"

    def get(self, kind: str, key: str) -> Any | None:
        try:
            with open(self._path(kind, key), "rb") as f:
                return pickle.load(f)
        except Exception:  # missing, truncated or from another layout: a miss
            return None

    def put(self, kind: str, key: str, value: Any) -> None:
        """Store atomically; a cache that cannot be written is not an error."""
        path = self._path(kind, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as f:
                    pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            pass


@functools.cache
def _ANALYSIS_CODE() -> str:  # read once per process, not per Cache
    return analysis_code()


def cached(cache: Cache | None, kind: str, key: str, compute):
    """``compute()``, or its value stored under ``key`` by an earlier build."""
    value = cache.get(kind, key) if cache else None
    if value is None:
        value = compute()
        if cache:
            cache.put(kind, key, value)
    return value
