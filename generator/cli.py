"""Command line: build, check, serve, new. Exit 0 on success, 1 for content or config
errors (all of them listed), 2 for wrong usage (click's own code)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .errors import BuildError, Problem
from .progress import Progress


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)


def _fail(exc: BuildError, what: str) -> None:
    _report(exc.problems)
    errors = sum(1 for p in exc.problems if not p.warning)
    click.echo(f"{what}: {errors} error{'s' if errors != 1 else ''}; nothing was written.", err=True)
    sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="wiretrace")
def main() -> None:
    """wiretrace: static report sites for text reuse in the news."""


@main.command()
@click.argument("site_dir", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--output", "-o", type=click.Path(file_okay=False, path_type=Path),
              help="Output folder (default: the site's 'output', public/).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: all cores).")
@click.option("--quiet", "-q", is_flag=True, help="Print errors only.")
def build(site_dir: Path, output: Path | None, jobs: int | None, quiet: bool) -> None:
    """Build the report site of SITE_DIR (default: the current folder)."""
    from .build import build as run_build

    try:
        analysis, problems = run_build(site_dir, output, jobs, progress=Progress(enabled=not quiet))
    except BuildError as exc:
        _fail(exc, "build failed")
    _report(problems)
    if not quiet:
        from .config import load_config
        out = output or site_dir / load_config(site_dir)[0].output
        click.echo(f"built {len(analysis.articles)} articles, {len(analysis.quotes)} quotations into {out}/",
                   err=True)


@main.command()
@click.argument("site_dir", default=".", type=click.Path(file_okay=False, path_type=Path))
def check(site_dir: Path) -> None:
    """Check the content and site.yml of SITE_DIR; write nothing."""
    from .build import load_site

    try:
        _, articles, problems = load_site(site_dir)
    except BuildError as exc:
        _fail(exc, "check failed")
    _report(problems)
    click.echo(f"ok: {len(articles)} articles, no errors.", err=True)


if __name__ == "__main__":
    main()
