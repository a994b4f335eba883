"""Shared helpers: medians, floors measured in the same run, cached benchmark data."""

from __future__ import annotations

import compileall
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from deliverydesk.store.schema import HEAD_REVISION

TODAY = date(2026, 11, 23)
SRC = Path(__file__).resolve().parents[1] / "src"

# An installed app starts from compiled bytecode, as pip leaves it for every dependency.
# This machine sets PYTHONDONTWRITEBYTECODE, so an editable checkout would otherwise
# recompile every module of ours on every start; compile them once, as an install would.
compileall.compile_dir(SRC, quiet=1)
SIZES = {"S": 60, "L": 600, "XL": 5000}
CACHE = Path(os.environ.get("DELIVERYDESK_BENCH_CACHE", "/tmp/deliverydesk-bench"))

FLOOR_PROBE = str(Path(__file__).with_name("floor_probe.py"))


def timed(fn: Callable[[], object], repeats: int = 9, warmup: int = 1) -> list[float]:
    """Milliseconds per call, after `warmup` untimed calls."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def summary(samples: list[float]) -> str:
    spread = f"{min(samples):.1f}–{max(samples):.1f}"
    return f"{statistics.median(samples):8.1f} ms  ({spread}, N={len(samples)})"


def probe_runs(args: list[str], repeats: int = 7) -> list[list[float]]:
    """Run a probe `repeats` times after one warm-up; each run is handed its launch time as
    its last argument and prints the numbers it measured against it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    results = []
    for run in range(repeats + 1):
        out = subprocess.run(
            [sys.executable, *args, repr(time.perf_counter())],
            check=True,
            env=env,
            capture_output=True,
            text=True,
        ).stdout
        if run:  # the first run warms the caches
            results.append([float(value) for value in out.split()])
    return results


def bare_window_floor(repeats: int = 7) -> list[float]:
    return [run[0] for run in probe_runs([FLOOR_PROBE], repeats)]


def benchmark_data(clients: int) -> Path:
    """A data folder holding `clients` benchmark clients, made once and reused. Its name
    carries the schema's revision: a branch with a newer migration makes its own, and never
    migrates the one every other branch reads (an older branch's start then refuses it)."""
    folder = CACHE / f"clients-{clients}-{HEAD_REVISION}"
    if not (folder / "deliverydesk.sqlite3").exists():
        subprocess.run(
            [
                sys.executable,
                "-m",
                "deliverydesk",
                "seed-scale",
                "--clients",
                str(clients),
                "--data-dir",
                str(folder),
                "--today",
                TODAY.isoformat(),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return folder


def raw_sqlite_floor(folder: Path, offer_id: int, repeats: int = 9) -> list[float]:
    """The same card columns read with plain sqlite3: the floor the board query sits on."""
    connection = sqlite3.connect(folder / "deliverydesk.sqlite3")
    sql = (
        "SELECT j.id, c.name, j.current_position, j.steps_done, j.steps_total, "
        "j.next_step_title, j.next_step_due, j.next_step_owner FROM journey j "
        "JOIN client c ON c.id = j.client_id WHERE j.offer_id = ? AND j.status = 'active'"
    )
    try:
        return timed(lambda: connection.execute(sql, (offer_id,)).fetchall(), repeats)
    finally:
        connection.close()
