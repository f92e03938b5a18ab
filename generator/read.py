"""Read stage: find the article files, read them, apply site.yml metadata, assign ids."""

from __future__ import annotations

import re
import unicodedata
import zlib
from dataclasses import replace
from pathlib import Path

from .config import Config
from .errors import ContentError, Problem
from .model import Document
from .readers import CONTENT_EXTENSIONS, read_file
from .readers.metadata import clean_metadata, merge

IGNORED_NAMES = frozenset({"README", "README.md", "README.txt", "LICENSE"})
ID_MAX_LENGTH = 80
"""Longer ids are cut, so that a pair page's file name stays far below the 255-byte limit."""
# Names Windows reserves for devices, whatever the extension: articles/con.html cannot exist there.
RESERVED_IDS = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                          *(f"lpt{i}" for i in range(10))})


def article_id(text: str) -> str:
    """The id rule of design.md: lower-case, runs outside [a-z0-9] become '-', trimmed; cut
    to ID_MAX_LENGTH, and a device name reserved by Windows gets '-article' appended."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    result = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:ID_MAX_LENGTH].rstrip("-")
    return f"{result}-article" if result in RESERVED_IDS else result


def content_files(content_dir: Path, shown: str) -> tuple[list[Path], list[Problem]]:
    """Article files below the content folder in a stable order; links that lead out are
    refused and links that lead nowhere reported. Messages name files as ``shown/…`` (the
    content folder as site.yml names it, so paths read relative to the site folder)."""
    root = content_dir.resolve()
    files, problems = [], []
    for path in sorted(content_dir.rglob("*")):
        rel = path.relative_to(content_dir)
        if any(part.startswith((".", "_")) for part in rel.parts):
            continue
        name = f"{shown}/{rel.as_posix()}"
        if path.is_symlink() and not path.exists():
            problems.append(_dangling_link(name, _is_article_name(path)))
            continue
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            problems.append(Problem(name, "a link to a file outside the content folder; copy the file in instead"))
            continue
        if path.is_file() and _is_article_name(path):
            files.append(path)
    return files, problems


def _is_article_name(path: Path) -> bool:
    return path.suffix.lower() in CONTENT_EXTENSIONS and path.name not in IGNORED_NAMES


def _dangling_link(name: str, article: bool) -> Problem:
    """A link whose target is gone: an error where an article was expected (the build would
    silently lose it), a warning otherwise (it would be skipped anyway)."""
    if article:
        return Problem(name, "cannot read the file: it is a link to a file that does not exist; "
                             "fix the link or remove it")
    return Problem(name, "a link to nothing (its target does not exist); ignored", warning=True)


def _id_for(doc: Document, many: bool) -> str:
    if doc.meta.slug and article_id(doc.meta.slug):
        return article_id(doc.meta.slug)
    name = Path(doc.file).stem
    stem = article_id(name) or "article"
    if _mostly_not_latin(name):
        # 新闻一.txt and 新闻二.txt, новости.txt: the id rule keeps no letter of such names,
        # so they would all be 'article'; the name's checksum tells them apart, stably.
        stem = f"{stem}-{zlib.crc32(unicodedata.normalize('NFC', name).encode()):08x}"
    return f"{stem}-{doc.index + 1}" if many else stem


def _mostly_not_latin(name: str) -> bool:
    """True when most letters of ``name`` have no ASCII form (Chinese, Cyrillic, Greek...)."""
    letters = [c for c in name if c.isalpha()]
    lost = sum(1 for c in letters if not unicodedata.normalize("NFKD", c).encode("ascii", "ignore"))
    return lost > 0 and lost * 2 >= len(letters)


def read_content(config: Config) -> tuple[list[tuple[str, Document]], list[Problem]]:
    """(id, document) of every article in file order, and every problem met."""
    content_dir = config.site_dir / config.content
    if not content_dir.is_dir():
        return [], [Problem(config.content, "the content folder does not exist; put the articles there "
                                            "or set 'content:' in site.yml")]
    site = config.site_dir.resolve()
    if content_dir.resolve() == site or content_dir.resolve() in site.parents:
        return [], [Problem("site.yml", f"content: {config.content!r} is the site folder or holds it, so "
                                        "site.yml and the built pages would be read as articles; put the "
                                        "articles in a folder of their own, such as content")]
    files, problems = content_files(content_dir, config.content)
    result: list[tuple[str, Document]] = []
    seen: dict[str, str] = {}
    for path in files:
        rel = path.relative_to(content_dir).as_posix()
        shown = f"{config.content}/{rel}"
        try:
            docs, warnings = read_file(path, shown)
        except ContentError as exc:
            problems.append(exc.problem)
            continue
        except Exception as exc:  # noqa: BLE001 - a reader's bug must not hide the other files' problems
            problems.append(Problem(shown, f"cannot be read ({type(exc).__name__}: {exc}); "
                                           "please report this file to the wiretrace developers"))
            continue
        problems.extend(warnings)
        override = config.metadata_for(rel)
        for doc in docs:
            doc = replace(doc, meta=merge(doc.meta, override)) if override and len(docs) == 1 else doc
            doc = replace(doc, meta=clean_metadata(doc.meta))
            doc_id = _id_for(doc, len(docs) > 1)
            if doc_id in seen:
                problems.append(Problem(shown, f"id {doc_id!r} is already used by {seen[doc_id]}; "
                                               "give one of them a 'slug' in its metadata"))
                continue
            seen[doc_id] = shown
            result.append((doc_id, doc))
    known = {p.relative_to(content_dir).as_posix() for p in files}
    lines = dict(config.article_lines)
    problems.extend(Problem("site.yml", f"articles: {name!r} is not a file in {config.content}/", lines.get(name))
                    for name, _ in config.articles if name not in known)
    problems.extend(_pin_problems(config, result))
    return result, problems


def _pin_problems(config: Config, documents: list[tuple[str, Document]]) -> list[Problem]:
    """site.yml's ``stories`` naming no article (a typo would silently pin nothing), or
    pinning one article to two stories (only the first would hold it)."""
    ids = {doc_id for doc_id, _ in documents}
    by_file = {doc.file: doc_id for doc_id, doc in documents}
    owner: dict[str, str] = {}
    problems = []
    for story, names in config.stories:
        for name in names:
            article = name if name in ids else by_file.get(name) or by_file.get(f"{config.content}/{name}")
            if article is None:
                problems.append(Problem("site.yml", f"stories: {story}: {name!r} is neither an article id "
                                                    f"nor a file in {config.content}/"))
            elif owner.setdefault(article, story) != story:
                problems.append(Problem("site.yml", f"stories: {story}: {name!r} is already pinned to "
                                                    f"story {owner[article]!r}; an article belongs to one story"))
    return problems
