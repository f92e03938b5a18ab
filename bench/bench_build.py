"""Build benchmark: full build, analysis only and the one-article-added rebuild of
synthetic sites (bench/synth.py written out as Markdown files), and the peer tools.

    python bench/bench_build.py --sizes 10,100,1000 --jobs 2
    python bench/bench_build.py --peers /tmp/peers/bin/python --sizes 10,100
    python bench/bench_build.py --sizes 10000 --analysis-only      # many stories past 1,000

Every run is a fresh process measured by GNU time (wall, user+system CPU of the process
and its workers, peak RSS of the largest process, peak PSS of all of them). Sets up to
1,000 articles are one story, larger ones many (bench/synth.py). Sites go to bench/out/.
Semantic analysis is off: these numbers are for the word-level analysis.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

ANALYSE = """
import sys
from generator.build import load_site, analyse
from generator.progress import Progress
config, articles, _ = load_site(__import__('pathlib').Path(sys.argv[1]))
analyse(articles, config, Progress(enabled=True), int(sys.argv[2]))  # stage times on stderr
"""


STORIES_ABOVE = 1000
"""Sets larger than this are many stories (bench/synth.py ``stories``); up to it one story,
as the figures recorded before the option existed."""


def make_site(n: int, root: Path, extra: int = 0, stories: bool | None = None, newest: int = 0) -> Path:
    """``n`` synthetic articles as a site, plus ``extra`` held back in held/ (dated inside
    the set, as the others: the one-added rebuild where publication numbers shift) and then
    ``newest`` in held-newest/, dated after every other article (the one-added rebuild of a
    story being followed). The articles are a prefix of one generated sequence, so
    ``newest`` leaves the others as they were without it."""
    from synth import generate

    if root.exists():
        shutil.rmtree(root)
    for folder in ("content", "held", "held-newest"):
        (root / folder).mkdir(parents=True)
    (root / "site.yml").write_text('semantic: "off"\n', encoding="utf-8")
    stories = n > STORIES_ABOVE if stories is None else stories
    for k, article in enumerate(generate(n + extra + newest, seed=1, stories=stories).articles):
        folder = "content" if k < n else "held" if k < n + extra else "held-newest"
        date = f"2024-01-{1 + k % 28:02d}" if k < n + extra else f"2024-02-{1 + k - n - extra:02d}"
        (root / folder / f"{article.id}.md").write_text(
            f"---\ntitle: Synthetic article {k}\noutlet: Outlet {k % 17}\n"
            f"published: {date}\n---\n\n{article.text}\n", encoding="utf-8")
    return root


def timed(cmd: list[str], env: dict | None = None) -> dict:
    """Wall s, CPU s (user + system, workers included), peak RSS MB of the largest process
    of ``cmd`` and peak PSS MB of all its processes together (sampled every 0.2 s; PSS
    shares pages a fork's workers hold in common instead of counting them once a process),
    plus the load average at the end."""
    proc = subprocess.Popen(["/usr/bin/time", "-f", "TIME %e %U %S %M", *cmd], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    peak = _watch_pss(proc)
    err = proc.stderr.read()
    if proc.wait():
        raise SystemExit(f"{cmd} failed:\n{err[-2000:]}")
    wall, user, system, rss = err.strip().splitlines()[-1].split()[1:]
    stages = [line for line in err.splitlines() if " done" in line]
    return {"wall_s": float(wall), "cpu_s": round(float(user) + float(system), 2), "rss_mb": round(int(rss) / 1024),
            "tree_pss_mb": peak, "load": round(os.getloadavg()[0], 1), **({"stages": stages} if stages else {})}


def _watch_pss(proc: subprocess.Popen) -> int:
    """Peak summed PSS (MB) of ``proc`` and its descendants while it runs (Linux)."""
    peak = 0
    while proc.poll() is None:
        peak = max(peak, sum(_pss_kb(pid) for pid in _tree(proc.pid)) // 1024)
        time.sleep(0.2)
    return peak


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        try:
            todo += [int(c) for t in os.listdir(f"/proc/{p}/task")
                     for c in Path(f"/proc/{p}/task/{t}/children").read_text().split()]
        except OSError:
            pass
    return found


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_analysis(n: int, jobs: int) -> dict:
    """The analysis only (compare, quotes, provenance, drift, stories), cold then warm cache."""
    site = make_site(n, HERE / "out" / f"site-{n}")
    cold = timed([sys.executable, "-c", ANALYSE, str(site), str(jobs)])
    return {"n": n, "jobs": jobs, "analysis_cold": cold,
            "analysis_warm": timed([sys.executable, "-c", ANALYSE, str(site), str(jobs)])}


def run_wiretrace(n: int, jobs: int, out: Path = HERE / "out") -> dict:
    """Analysis (cold), full build cold and warm, rebuild after adding one article; the
    builds' stage times (compare, quote extraction, render) are kept. Two one-added
    rebuilds follow the warm build: an article dated inside the set ("one_added"), then one
    dated after all others ("one_added_newest", from the state the first left)."""
    site = make_site(n, out / f"site-{n}", extra=1, newest=1)
    build = [sys.executable, "-m", "generator.cli", "build", str(site), "-j", str(jobs)]
    analysis = timed([sys.executable, "-c", ANALYSE, str(site), str(jobs)])
    shutil.rmtree(site / ".wiretrace-cache", ignore_errors=True)
    full = timed(build)
    warm = timed(build)
    added = {}
    for case, held in (("one_added", "held"), ("one_added_newest", "held-newest")):
        for f in (site / held).iterdir():
            shutil.move(str(f), site / "content" / f.name)
        added[case] = timed(build)
    return {"n": n, "jobs": jobs, "analysis_cold": analysis, "full_cold": full, "full_warm": warm, **added}


PEER_COPYDETECT = """
import sys, copydetect
d = copydetect.CopyDetector(test_dirs=[sys.argv[1]], extensions=["txt"], autoopen=False, silent=True,
                            display_t=0.1, out_file=sys.argv[2])
d.run()
d.generate_html_report()
"""

# text-matcher's command line compares every file of one folder with every file of the
# other, itself included, and crashes (IndexError in extend_matches) on a text against
# itself: call its library on the ordered pairs of distinct texts, with the CLI's defaults
# (threshold 3, cutoff 5, trigrams; the CLI's Matcher call keeps stopwords), in one process.
PEER_TEXT_MATCHER = """
import itertools, pathlib, sys
from text_matcher.matcher import Matcher, Text
texts = [Text(f.read_text(encoding="utf-8"), f.name) for f in sorted(pathlib.Path(sys.argv[1]).iterdir())]
failed = 0
for a, b in itertools.permutations(texts, 2):
    try:
        Matcher(a, b, threshold=3, cutoff=5, ngramSize=3, removeStopwords=False).match()
    except (IndexError, RecursionError):
        failed += 1
print("text-matcher pairs failed:", failed, file=sys.stderr)
"""


def _nltk_stopwords(root: Path) -> Path:
    """text-matcher always removes NLTK's English stopwords, a data file that pip does not
    install: write one (wiretrace's own stopword list stands in) and point NLTK_DATA at it."""
    from generator.align import STOPWORDS

    folder = root / "nltk_data"
    (folder / "corpora" / "stopwords").mkdir(parents=True, exist_ok=True)
    (folder / "corpora" / "stopwords" / "english").write_text("\n".join(sorted(STOPWORDS)) + "\n",
                                                              encoding="utf-8")
    return folder


def run_peers(n: int, python: str, jobs: int) -> dict:
    """wiretrace (full build, cold cache), copydetect and text-matcher on the same texts, in
    one run, with the peers' times as multiples of wiretrace's (CPU and wall)."""
    import os

    sys.path.insert(0, str(ROOT))
    site = HERE / "out" / f"peers-{n}"
    make_site(n, site)
    texts = site / "texts"
    texts.mkdir()
    for f in sorted((site / "content").iterdir()):
        (texts / f"{f.stem}.txt").write_text(f.read_text(encoding="utf-8").split("---\n\n", 1)[1], encoding="utf-8")
    result = {"n": n, "wiretrace": timed([sys.executable, "-m", "generator.cli", "build", str(site), "-q",
                                          "-j", str(jobs)])}
    result["copydetect"] = timed([python, "-c", PEER_COPYDETECT, str(texts), str(site / "copydetect.html")])
    matcher = Path(python).with_name("text-matcher")
    if matcher.exists():
        env = {**os.environ, "NLTK_DATA": str(_nltk_stopwords(HERE / "out"))}
        result["text-matcher"] = timed([python, "-c", PEER_TEXT_MATCHER, str(texts)], env)
    base = result["wiretrace"]
    result["ratios"] = {tool: {k: round(result[tool][k] / max(base[k], 0.01), 1) for k in ("cpu_s", "wall_s")}
                        for tool in ("copydetect", "text-matcher") if result.get(tool)}
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--peers", help="python of a venv with copydetect and text-matcher")
    parser.add_argument("--analysis-only", action="store_true", help="time the analysis alone, cold and warm")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="folder of the full-build sites")
    args = parser.parse_args()
    for n in map(int, args.sizes.split(",")):
        if args.peers:
            row = run_peers(n, args.peers, args.jobs)
        else:
            row = run_analysis(n, args.jobs) if args.analysis_only else run_wiretrace(n, args.jobs, args.out)
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
