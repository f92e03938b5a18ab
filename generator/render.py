"""Render stage: Jinja templates → files, written atomically into the output folder.

The site is written into a temporary folder beside the output and swapped in only when
complete, so a failed or interrupted build leaves the previous site as it was. Pages are
rendered over ``--jobs`` processes (each writes its own files, so the output is the same
for any number), and a page whose inputs are unchanged is hard-linked from the previous
output instead of rendered again (generator/rendered.py).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from . import labels, rendered
from .cache import Cache
from .config import Config
from .parallel import map_rows
from .paths import relative
from .progress import Progress
from .site import Page
from .site.common import display_date, host, percent, safe_url


def _builtin_templates() -> Path:
    """generator/templates in an installed wheel (pyproject maps the repository's
    templates/ there); the repository's templates/ in a source checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "templates"
    return packaged if packaged.is_dir() else here.parent / "templates"


BUILTIN_TEMPLATES = _builtin_templates()
STATIC_DIR = "static"
PARALLEL_MIN_PAGES = 200
"""Under this many pages rendering stays in the build's process (starting workers costs more)."""


def template_dirs(config: Config) -> list[Path]:
    """The site's own templates/ first (a theme overrides any file), then the built-in ones."""
    own = (config.site_dir / "templates").resolve()
    return [own, BUILTIN_TEMPLATES] if own.is_dir() and own != BUILTIN_TEMPLATES else [BUILTIN_TEMPLATES]


def environment(config: Config) -> Environment:
    env = Environment(
        loader=FileSystemLoader([str(d) for d in template_dirs(config)]),
        autoescape=select_autoescape(["html", "xml", "svg"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(percent=percent, date=display_date, safe_url=safe_url, host=host)
    env.globals["static_text"] = lambda name: _static_text(config, name)
    env.globals["label_rule"] = labels.RULE
    return env


def _render(env: Environment, page: Page) -> str:
    root = relative(".", page.path)
    root = "" if root == "." else root + "/"
    context = page.full_context()
    root = context.get("root", root)  # a page may link from an absolute root (404.html)
    link = lambda target: relative(target, page.path)  # noqa: E731 - a one-line helper for templates
    return env.get_template(page.template).render({**context, "root": root}, link=link, page_path=page.path)


def _static_text(config: Config, name: str) -> str:
    """A static file of the theme (the site's own first), for inlining into a page."""
    for directory in template_dirs(config):
        path = directory / STATIC_DIR / name
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError(f"templates/{STATIC_DIR}/{name}")


def _copy_static(config: Config, dest: Path) -> None:
    for directory in reversed(template_dirs(config)):
        static = directory / STATIC_DIR
        if static.is_dir():
            shutil.copytree(static, dest / STATIC_DIR, dirs_exist_ok=True)


@dataclass(frozen=True, slots=True)
class _Job:
    """What a rendering worker needs (handed over by fork, see generator/parallel.py)."""

    pages: list[Page]
    env: Environment
    staging: Path
    previous: Path
    """The output folder as the last build left it."""
    records: dict[str, rendered.Written]
    """The last build's records of the files in ``previous``."""
    theme: str
    known: dict[int, tuple[object, str]]
    """Digests of the articles and quote clusters met so far (rendered.page_key)."""
    cache: Cache
    """Where the fragment indexes of the data files are kept (generator/fragments.py)."""


def _write_rows(job: _Job, rows: range) -> list[tuple[str, rendered.Written | None]]:
    """Write pages ``rows`` into the staging folder. Returns each page's record."""
    result = []
    for page in (job.pages[i] for i in rows):
        target = job.staging / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        result.append((page.path, _write_page(job, page, target)))
    return result


def _write_page(job: _Job, page: Page, target: Path) -> rendered.Written | None:
    """Kept from the previous output where its inputs are unchanged, else rendered; a
    streamed file is written (see ``rendered.write_stream``)."""
    previous = job.records.get(page.path)
    key = rendered.page_key(page, job.theme, job.known)
    record = rendered.keep(job.previous, page.path, previous, key, target)
    if record is None and page.stream is not None:
        return rendered.write_stream(page.stream(), job.theme, job.previous, page.path, previous, target, key,
                                     job.cache)
    if record is None:
        target.write_text(_render(job.env, page), encoding="utf-8")
        record = rendered.Written.of(key, target) if key else None
    return record


def _spread_streams(pages: list[Page]) -> list[Page]:
    """The pages with the streamed files spaced evenly through them: workers take
    consecutive ranges of pages, and the data files (seconds each at N = 1,000) all in the
    first range kept one worker busy while the other ran out of pages."""
    streams = [p for p in pages if p.stream is not None]
    if len(streams) < 2:
        return pages
    rest = [p for p in pages if p.stream is None]
    bounds = [len(rest) * k // len(streams) for k in range(len(streams) + 1)]
    return [page for k, stream in enumerate(streams) for page in (stream, *rest[bounds[k]:bounds[k + 1]])]


def write_site(pages: list[Page], output: Path, config: Config, progress: Progress, jobs: int = 1) -> None:
    """Render every page into a fresh folder beside ``output`` and swap it in."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(output)
    cache = Cache.for_site(config.site_dir)
    records = rendered.load(cache, output) if output.is_dir() else {}
    theme = rendered.theme_key(template_dirs(config), sys.modules[__name__])
    env = environment(config)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.building-", dir=output.parent))
    job = _Job(_spread_streams(pages), env, staging, output, records, theme, {}, cache)
    try:
        with progress.stage("render"):
            chunks = map_rows(_write_rows, job, len(pages), jobs if len(pages) >= PARALLEL_MIN_PAGES else 1)
        _copy_static(config, staging)
        _swap(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    rendered.save(cache, output, {path: record for chunk in chunks for path, record in chunk if record})


def _remove_leftovers(output: Path, min_age: float = 3600.0) -> None:
    """Delete the staging folders of builds that were killed (older than ``min_age``
    seconds, so that a build running beside this one keeps its own)."""
    now = time.time()
    for pattern in (f".{output.name}.building-*", f".{output.name}.old-*"):
        for leftover in output.parent.glob(pattern):
            if leftover.is_dir() and now - leftover.stat().st_mtime > min_age:
                shutil.rmtree(leftover, ignore_errors=True)


def _swap(staging: Path, output: Path) -> None:
    """Replace ``output`` by ``staging`` with two renames; the old site is removed last."""
    old = None
    if output.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{output.name}.old-", dir=output.parent))
        os.rename(output, old / "site")
    try:
        os.rename(staging, output)
    except BaseException:
        if old:  # put the previous site back
            os.rename(old / "site", output)
            old.rmdir()
        raise
    if old:
        shutil.rmtree(old, ignore_errors=True)
