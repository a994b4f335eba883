"""The demo practice (25 clients, three offers, their history replayed through the use
cases) seeded into an empty data folder, as the welcome dialog's "Explore a demo
practice" does it, minus the window: each run in a fresh process, timed from the call
(imports done, as in the window) to the practice in place.

Target (targets.py, issue 21): seeded in at most 1.5 s median.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import TODAY, summary
from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.seeding.demo import seed_demo
from deliverydesk.services.context import open_workspace
from targets import verdict

REPEATS = 5


def seed_once() -> float:
    folder = Path(tempfile.mkdtemp(prefix="bench-demo-"))
    try:
        ctx = open_workspace(folder, FixedClock(TODAY))
        try:
            start = time.perf_counter()
            seed_demo(ctx)
            return time.perf_counter() - start
        finally:
            ctx.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def runs() -> list[float]:
    samples = []
    for _ in range(REPEATS):
        out = subprocess.run(
            [sys.executable, __file__, "--once"],
            check=True,
            capture_output=True,
            text=True,
            env=os.environ,
        ).stdout
        samples.append(float(out))
    return samples


def main() -> None:
    if sys.argv[1:] == ["--once"]:
        print(seed_once())
        return
    print(__doc__)
    samples = runs()
    print(
        f"  demo seeded, 25 clients   {summary([s * 1000 for s in samples])}; "
        f"{verdict('demo_seed', statistics.median(samples))}"
    )


if __name__ == "__main__":
    main()
