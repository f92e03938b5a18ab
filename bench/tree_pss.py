"""Run a command, timestamp its output lines and sample the summed PSS of its process tree.

    python bench/tree_pss.py OUT_PREFIX CMD...

Like ``bench_build.timed``, but it keeps the command's output (analysis_stages.py prints a
line per stage) and every sample, so a peak can be put on a stage: OUT_PREFIX.log holds
the output lines (seconds since start, line) and the peak; OUT_PREFIX.pss one sample a
line (seconds, summed PSS in MiB, processes in the tree).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import _pss_kb, _tree  # noqa: E402

SAMPLE_S = 0.5


def main() -> None:
    out, cmd = sys.argv[1], sys.argv[2:]
    start = time.time()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    with open(out + ".log", "w") as log, open(out + ".pss", "w") as samples:
        def pump() -> None:
            for line in proc.stdout:
                log.write(f"{time.time() - start:8.1f} {line}")
                log.flush()

        reader = threading.Thread(target=pump, daemon=True)
        reader.start()
        peak = 0
        while proc.poll() is None:
            pids = _tree(proc.pid)
            pss = sum(_pss_kb(p) for p in pids) // 1024
            peak = max(peak, pss)
            samples.write(f"{time.time() - start:.1f} {pss} {len(pids)}\n")
            samples.flush()
            time.sleep(SAMPLE_S)
        reader.join()
        log.write(f"peak tree PSS {peak} MiB, exit {proc.returncode}, load {os.getloadavg()}\n")


if __name__ == "__main__":
    main()
