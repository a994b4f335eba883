"""The speed targets (issue 21), in one place: every benchmark prints "met" or "missed"
beside each, and bench_check.py fails on a miss beyond the noise band.

Ratios ("x") are to a floor measured in the same run (a bare Qt window start); times are
medians. When DELIVERYDESK_BENCH_RESULTS names a file, every verdict also appends one line
"key value" to it, for bench_check.py to collect.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    what: str
    limit: float
    unit: str  # "x" (ratio to the floor), "ms", "s" or "MiB"


TARGETS = {
    "start_L": Target("start to painted board, L", 1.8, "x"),
    "start_XL": Target("start to painted board, XL", 2.5, "x"),
    "ready_L": Target("start to ready for edits, L", 3.5, "x"),
    "ready_XL": Target("start to ready for edits, XL", 4.5, "x"),
    "rss_XL": Target("peak RSS at XL", 150, "MiB"),
    "move_XL": Target("move a card at XL (board)", 10, "ms"),
    "filter_20k": Target("filter keystroke, 20,000 cards", 10, "ms"),
    "tick": Target("tick a step at XL", 10, "ms"),
    "tick_undo": Target("undo the tick", 10, "ms"),
    "untick": Target("untick a step at XL", 10, "ms"),
    "untick_undo": Target("undo the untick", 10, "ms"),
    "due": Target("change a due date at XL", 10, "ms"),
    "due_undo": Target("undo the due date", 10, "ms"),
    "note": Target("add a note at XL", 10, "ms"),
    "note_undo": Target("undo the note", 10, "ms"),
    "move_window": Target("move a card at XL (whole window)", 10, "ms"),
    "move_window_undo": Target("undo the move (whole window)", 10, "ms"),
    "first_today": Target("first paint of Today at XL", 100, "ms"),
    "first_timeline": Target("first paint of Timeline at XL", 100, "ms"),
    "first_clients": Target("first paint of Clients at XL", 100, "ms"),
    "first_dashboard": Target("first paint of the Dashboard at XL", 100, "ms"),
    "money_pane": Target("the Dashboard's money pane drawn at XL", 150, "ms"),
    "demo_seed": Target("demo practice seeded (25 clients)", 1.5, "s"),
}

RESULTS = "DELIVERYDESK_BENCH_RESULTS"


def shown(value: float, unit: str) -> str:
    return (
        f"{value:.2f}x"
        if unit == "x"
        else f"{value:.1f} {unit}"
        if unit != "s"
        else f"{value:.2f} s"
    )


def verdict(key: str, value: float) -> str:
    """'target ≤ 10 ms: met' (or missed) for the median `value` of target `key`; recorded
    for bench_check.py when it runs the benchmark."""
    target = TARGETS[key]
    record = os.environ.get(RESULTS)
    if record:
        with open(record, "a", encoding="utf-8") as out:
            out.write(f"{key} {value!r}\n")
    met = "met" if value <= target.limit else "missed"
    return f"target ≤ {shown(target.limit, target.unit)}: {met}"
