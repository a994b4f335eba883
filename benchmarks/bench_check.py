"""`make bench-check`: run the benchmarks that carry the targets three times, take the
median of their medians, and fail when a target is missed by more than the noise band.

The band is what this machine's runs of the same code spread by (measured, see
docs/performance.md): a median of medians within it of the line is "on the line", told
but not failed; beyond it, the check fails. Ratios to the floor drift less than
milliseconds, so they get the narrower band.

    python benchmarks/bench_check.py [--runs N] [bench_board.py ...]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from targets import RESULTS, TARGETS, shown

HERE = Path(__file__).resolve().parent
BENCHES = ("bench_board.py", "bench_edits.py", "bench_screens.py", "bench_demo.py")
# How far a target's median moves between runs of the same code on this machine (half the
# spread of the medians of repeated runs, docs/performance.md "Targets and the noise band"):
# start ratios 2.30-2.46x and 2.80-3.16x (up to 6 %), a move 11.9-19.5 ms and a filter
# 16.5-20.3 ms (up to 24 %), the demo 1.73-2.09 s (10 %), the peak RSS 142-145 MiB (1 %).
NOISE = {"x": 0.10, "ms": 0.25, "s": 0.15, "MiB": 0.03}


def collect(benches: list[str], runs: int) -> dict[str, list[float]]:
    """Per target, the median each run found (a target a bench prints twice: its last)."""
    found: dict[str, list[float]] = {}
    for run in range(runs):
        for bench in benches:
            with tempfile.NamedTemporaryFile("r", suffix=".txt") as record:
                print(f"run {run + 1}/{runs}: {bench}", flush=True)
                subprocess.run(
                    [sys.executable, str(HERE / bench)],
                    check=True,
                    env={**os.environ, RESULTS: record.name},
                    stdout=subprocess.DEVNULL,
                )
                values = dict(line.split() for line in record.read().splitlines())
            for key, value in values.items():
                found.setdefault(key, []).append(float(value))
    return found


def judge(found: dict[str, list[float]]) -> list[str]:
    """Print one line per target; return the keys missed beyond the noise band."""
    failed = []
    for key, target in TARGETS.items():
        if key not in found:
            continue
        value = statistics.median(found[key])
        band = target.limit * (1 + NOISE[target.unit])
        if value <= target.limit:
            word = "met"
        elif value <= band:
            word = "missed, within the noise band (not failed)"
        else:
            word = "MISSED"
            failed.append(key)
        runs = ", ".join(shown(v, target.unit) for v in found[key])
        print(
            f"  {target.what:40s} {shown(value, target.unit):>10s}  (runs: {runs})  "
            f"target ≤ {shown(target.limit, target.unit)}: {word}"
        )
    return failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("benches", nargs="*", default=list(BENCHES))
    args = parser.parse_args()
    found = collect(args.benches, args.runs)
    print(f"\nMedian of {args.runs} runs' medians:")
    failed = judge(found)
    if failed:
        print(f"\nbench-check failed: {', '.join(failed)} missed beyond the noise band.")
        return 1
    print("\nbench-check passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
