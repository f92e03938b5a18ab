"""CPU and wall time of every stage of a whole build, printed as each one ends.

    python bench/build_stages.py SITE [JOBS]

The stages of ``generator.build.build`` run one by one, as the build runs them (same
cache, same output folder), each line giving the stage's CPU seconds (this process and its
finished workers), wall seconds, peak RSS so far and the load average (see
bench/analysis_stages.py). For finding where a rebuild's seconds go; the repository
comes after PYTHONPATH, so a worktree's code can be timed.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parents[1]))  # after PYTHONPATH: a worktree can be timed

from generator.build import analyse, load_site  # noqa: E402
from generator.parallel import default_jobs  # noqa: E402
from generator.progress import Progress  # noqa: E402
from generator.render import write_site  # noqa: E402
from generator.site import site_pages  # noqa: E402
from stage_timer import Stage  # noqa: E402


def main() -> None:
    site, jobs = Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 2
    with Stage("whole build"):
        with Stage("read, clean, segment"):
            config, articles, _ = load_site(site)
        config = replace(config, jobs=jobs)
        with Stage("analyse"):
            analysis = analyse(articles, config, Progress(enabled=True), jobs)
        with Stage("site (page list)"):
            pages = site_pages(analysis, config)
        with Stage(f"render and write ({len(pages)} pages)"):
            write_site(pages, site / config.output, config, Progress(enabled=True), default_jobs(jobs))


if __name__ == "__main__":
    main()
