"""Build time with paraphrase detection on: the demo and a synthetic set of N articles.

Each build runs in its own process (so model loading is counted), first with a cold
embedding cache (deleted), then again with the warm cache; the same build with
``semantic: off`` gives the time paraphrase detection adds.

    python bench/semantic_bench.py [N ...]  # N synthetic articles, default 100

Each build prints wall time, CPU time (user + system of the build process) and the load
average of the machine over the last minute when it ended (the machine is shared).
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import generate  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def demo_site(folder: Path) -> Path:
    shutil.copytree(ROOT / "content", folder / "content")
    shutil.copy(ROOT / "site.yml", folder / "site.yml")
    return folder


def synthetic_site(folder: Path, n: int) -> Path:
    content = folder / "content"
    content.mkdir(parents=True)
    for article in generate(n).articles:
        (content / f"{article.id}.txt").write_text(article.text, encoding="utf-8")
    return folder


def timed_build(site: Path, semantic: str) -> tuple[float, float]:
    yml = site / "site.yml"
    text = yml.read_text(encoding="utf-8") if yml.exists() else ""
    lines = [line for line in text.splitlines() if not line.startswith("semantic:")]
    yml.write_text("\n".join(lines + [f"semantic: {semantic}"]) + "\n", encoding="utf-8")
    started, cpu = time.perf_counter(), _children_cpu()
    subprocess.run([sys.executable, "-m", "generator.cli", "build", str(site), "--quiet"], check=True, cwd=ROOT)
    return time.perf_counter() - started, _children_cpu() - cpu


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timing(wall_cpu: tuple[float, float]) -> str:
    return f"{wall_cpu[0]:.1f} s ({wall_cpu[1]:.1f} s CPU, load {os.getloadavg()[0]:.1f})"


def run(name: str, site: Path) -> None:
    shutil.rmtree(site / ".wiretrace-cache", ignore_errors=True)
    cold = _timing(timed_build(site, "on"))
    warm = _timing(timed_build(site, "on"))
    shutil.rmtree(site / ".wiretrace-cache", ignore_errors=True)
    off = _timing(timed_build(site, "off"))
    print(f"{name}: semantic on, cold cache {cold}; warm cache {warm}; semantic off {off}", flush=True)


def main() -> None:
    sizes = [int(n) for n in sys.argv[1:]] or [100]
    with tempfile.TemporaryDirectory() as tmp:
        run("demo (5 articles)", demo_site(Path(tmp) / "demo"))
        for n in sizes:
            run(f"synthetic ({n} articles)", synthetic_site(Path(tmp) / f"synth-{n}", n))


if __name__ == "__main__":
    main()
