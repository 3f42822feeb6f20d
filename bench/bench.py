"""``make bench``: median wall time and peak memory of each stage, on the notes and a 10x copy.

Every measurement runs in a fresh Python process (so peak RSS is that stage's own, and no cache
of an earlier run helps), several times; the table shows medians. This is a benchmark, not a
test: the machines are shared and noisy, so compare ratios, not absolute seconds.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NOTES = REPO / "source" / "aws-saa.md"

# Each stage is a snippet run in a child process, given the notes path and a scratch folder; it
# prints nothing. The child reports its own time for the snippet and its peak RSS.
CHILD = r"""
import json, resource, sys, time
from pathlib import Path
notes, scratch = Path(sys.argv[1]), Path(sys.argv[2])
setup, work = sys.argv[3], sys.argv[4]
exec(setup)
start = time.perf_counter()
exec(work)
elapsed = time.perf_counter() - start
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": elapsed, "peak_mib": peak_kib / 1024}))
"""

STAGES: dict[str, tuple[str, str]] = {
    "parse": (
        "from clozepress.parse import parse_file",
        "parse_file(notes)",
    ),
}


def ten_times(notes: Path, target: Path) -> Path:
    """The notes repeated ten times, each copy's domains renamed so every domain stays distinct."""
    text = notes.read_text(encoding="utf-8")
    copies = []
    for n in range(1, 11):
        copies.append(
            "\n".join(
                f"{line} ({n})" if line.startswith("# ") else line for line in text.split("\n")
            )
        )
    target.write_text("\n".join(copies), encoding="utf-8")
    return target


def measure(stage: str, notes: Path, runs: int) -> dict[str, float]:
    setup, work = STAGES[stage]
    seconds, peaks = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as scratch:
            done = subprocess.run(
                [sys.executable, "-c", CHILD, str(notes), scratch, setup, work],
                capture_output=True,
                text=True,
                check=True,
                cwd=REPO,
            )
        result = json.loads(done.stdout.strip().splitlines()[-1])
        seconds.append(result["seconds"])
        peaks.append(result["peak_mib"])
    return {"median_s": statistics.median(seconds), "peak_mib": max(peaks)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big = ten_times(NOTES, Path(tmp) / "aws-saa-10x.md")
        lines = {"1x": NOTES.read_text().count("\n") + 1, "10x": big.read_text().count("\n") + 1}
        print(f"machine: {platform.node()} {platform.machine()}, {shutil.os.cpu_count()} cores, "
              f"Python {platform.python_version()}; medians of {args.runs} runs")
        print(f"{'stage':<28}{'1x s':>9}{'10x s':>9}{'ratio':>8}{'1x MiB':>9}{'10x MiB':>9}")
        for stage in STAGES:
            one = measure(stage, NOTES, args.runs)
            ten = measure(stage, big, args.runs)
            ratio = ten["median_s"] / one["median_s"]
            print(
                f"{stage:<28}{one['median_s']:>9.3f}{ten['median_s']:>9.3f}{ratio:>8.1f}"
                f"{one['peak_mib']:>9.0f}{ten['peak_mib']:>9.0f}"
            )
        print(f"(1x: {lines['1x']} lines; 10x: {lines['10x']} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
