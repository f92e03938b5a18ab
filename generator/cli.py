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
@click.option("--scheduler", metavar="tcp://HOST:PORT",
              help="Run the analysis on this Dask scheduler's cluster (needs wiretrace[dask]).")
def build(site_dir: Path, output: Path | None, jobs: int | None, quiet: bool, scheduler: str | None) -> None:
    """Build the report site of SITE_DIR (default: the current folder)."""
    from .build import build as run_build

    try:
        analysis, problems = run_build(site_dir, output, jobs, progress=Progress(enabled=not quiet),
                                       scheduler=scheduler)
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
    from .output_guard import output_problems

    try:
        config, articles, problems = load_site(site_dir)
        unsafe = output_problems(config)
        if unsafe:
            raise BuildError(problems + unsafe)
    except BuildError as exc:
        _fail(exc, "check failed")
    _report(problems)
    click.echo(f"ok: {len(articles)} articles, no errors.", err=True)


@main.command()
@click.argument("site_dir", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--port", "-p", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on (0: any free port).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--output", "-o", type=click.Path(file_okay=False, path_type=Path),
              help="Build into this folder (default: a temporary folder; public/ is left alone).")
def serve(site_dir: Path, port: int, host: str, output: Path | None) -> None:
    """Build SITE_DIR, serve it on localhost and rebuild when content/, templates/ or
    site.yml change. A failed rebuild prints its errors and keeps the last good site."""
    from .serve import serve as run_serve

    try:
        run_serve(site_dir, host, port, output, log=lambda m: click.echo(m, err=True))
    except OSError as exc:
        raise click.UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc


@main.command()
@click.argument("site_dir", type=click.Path(path_type=Path))
def new(site_dir: Path) -> None:
    """Create a new site in SITE_DIR (a new or empty folder): a commented site.yml and three
    sample articles to replace with your own."""
    from .scaffold import ScaffoldError, scaffold

    try:
        written = scaffold(site_dir)
    except ScaffoldError as exc:
        raise click.UsageError(str(exc)) from exc
    click.echo(f"created {len(written)} files in {site_dir}/", err=True)
    click.echo(f"next: wiretrace serve {site_dir}   (or: wiretrace build {site_dir})", err=True)


if __name__ == "__main__":
    main()
