"""Which output folder a build may replace.

A build writes the new site beside the output folder and swaps it in, deleting what the
folder held (generator/render.py). An output that is the site folder or holds it, or that
is the content folder, lies in it or holds it (``output: .`` or ``..`` in site.yml,
``--output content``), would delete the articles; an existing folder of other files would
be deleted too. Such an output is an error before anything is read or written.
"""

from __future__ import annotations

from pathlib import Path

from .config import CONFIG_FILE, Config
from .errors import Problem

SITE_MARKER = "report.json"
"""Every built site has it: a folder holding it is a previous build, safe to replace."""
PLACEHOLDERS = frozenset({".DS_Store", "Thumbs.db", "desktop.ini", ".gitkeep", ".keep"})
"""Files a desktop or a repository leaves in an empty folder: the folder still counts as empty."""


def output_folder(config: Config, output: Path | None) -> Path:
    """The folder a build writes: ``--output`` if given, else site.yml's ``output``."""
    return output if output is not None else config.site_dir / config.output


def output_problems(config: Config, output: Path | None = None) -> list[Problem]:
    """Why the build must not replace its output folder (empty when it may)."""
    where = f"--output {output}" if output is not None else f"output: {config.output}"
    source = "command line" if output is not None else CONFIG_FILE
    reason = _unsafe_reason(config.site_dir.resolve(), (config.site_dir / config.content).resolve(),
                            output_folder(config, output).resolve())
    return [Problem(source, f"{where}: {reason}")] if reason else []


def _unsafe_reason(site: Path, content: Path, out: Path) -> str | None:
    if out == site or out in site.parents:
        return ("this is the site folder or holds it; a build replaces its output folder "
                "and would delete the articles and site.yml: choose a folder of its own, such as public")
    if out == content or out in content.parents or content in out.parents:
        return ("this is the content folder, lies in it or holds it; a build replaces its output "
                "folder and would delete the articles: choose a folder outside the content folder")
    if out.is_file():
        return "this is a file; the output must be a folder"
    if out.is_dir() and any(f.name not in PLACEHOLDERS for f in out.iterdir()) and not (out / SITE_MARKER).is_file():
        return (f"this folder holds other files and no {SITE_MARKER}, so it is not a wiretrace site; "
                "a build replaces the whole folder: choose a new or empty folder, or empty it first")
    return None
