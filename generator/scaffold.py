"""`wiretrace new DIR`: a working site to start from (a commented site.yml, three sample
articles of a fictional story), copied from ``scaffold_files/`` inside the package."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

FILES = "scaffold_files"


class ScaffoldError(Exception):
    """The folder cannot be used for a new site (the message says why and what to do)."""


def scaffold(dest: Path) -> list[Path]:
    """Copy the sample site into ``dest`` (created if missing); refuse a non-empty folder.
    Returns the files written."""
    if dest.exists() and not dest.is_dir():
        raise ScaffoldError(f"{dest} is a file: give the name of a new or empty folder")
    if dest.is_dir() and any(dest.iterdir()):
        raise ScaffoldError(f"{dest} is not empty: give the name of a new or empty folder "
                            "(nothing was written)")
    dest.mkdir(parents=True, exist_ok=True)
    return _copy(resources.files("generator").joinpath(FILES), dest)


def _copy(source: Traversable, dest: Path) -> list[Path]:
    written = []
    for item in sorted(source.iterdir(), key=lambda t: t.name):
        if item.name.startswith(("__", ".")):
            continue
        target = dest / item.name
        if item.is_dir():
            target.mkdir(exist_ok=True)
            written += _copy(item, target)
        else:
            target.write_bytes(item.read_bytes())
            written.append(target)
    return written
