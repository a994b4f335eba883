"""The offer designer: opening the editor, saving a design, listing offers, and previewing,
applying and reverting a design change across an offer's active journeys.

Sizes: a 40-step offer in a fresh practice; S = 60 and L = 600 benchmark clients (30 steps
each, spread over three offers) for apply-to-active clients.
Floor: the offer's step rows through plain sqlite3, in the same run.
Target: opening the editor on a 40-step offer under 100 ms.
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import tempfile
from contextlib import closing
from dataclasses import replace
from pathlib import Path

from common import TODAY, benchmark_data, summary, timed
from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.model.rules.offer_design import OfferSpec, PhaseSpec, StepSpec
from deliverydesk.services.context import Context, open_workspace
from deliverydesk.services.offers.offer_apply import (
    AppliedDesign,
    apply_to_journeys,
    preview_apply,
    revert_apply,
)
from deliverydesk.services.offers.offer_design import offer_design, offer_list, save_offer
from deliverydesk.services.offers.offers import create_offer
from deliverydesk.services.practice.practice import create_practice

FORTY_STEPS = OfferSpec(
    "Forty steps",
    phases=tuple(
        PhaseSpec(
            f"Phase {p + 1}",
            10,
            tuple(StepSpec(f"Step {p + 1}.{s + 1}", offset_days=s * 2) for s in range(5)),
        )
        for p in range(8)
    ),
)


def raw_steps(path: Path, offer_id: int) -> None:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute(
            "SELECT s.* FROM offer_step s JOIN offer_phase p ON p.id = s.phase_id "
            "WHERE p.offer_id = ? ORDER BY p.position, s.position",
            (offer_id,),
        ).fetchall()


def editor(folder: Path) -> None:
    ctx = open_workspace(folder, FixedClock(TODAY))
    create_practice(ctx, "Bench", 30, frozenset({1, 2, 3, 4, 5}))
    offer_id, _ = create_offer(ctx, FORTY_STEPS)
    opening = timed(lambda: offer_design(ctx, offer_id), repeats=15)
    floor = timed(lambda: raw_steps(ctx.path, offer_id), repeats=15)
    names = iter(range(1_000))

    def save() -> None:
        spec = offer_design(ctx, offer_id).spec
        save_offer(ctx, offer_id, replace(spec, promise=f"Promise {next(names)}"))

    saving = timed(save, repeats=9)
    listing = timed(lambda: offer_list(ctx), repeats=15)
    ctx.close()
    ratio = statistics.median(opening) / statistics.median(floor)
    print("A 40-step offer")
    print(f"  open the editor          {summary(opening)}   (target < 100 ms)")
    print(f"  floor: raw sqlite3 steps {summary(floor)}   editor/floor {ratio:.1f}x")
    print(f"  read and save a change   {summary(saving)}")
    print(f"  offer list               {summary(listing)}")


def apply(label: str, clients: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(shutil.copytree(benchmark_data(clients), Path(scratch) / "data"))
        ctx = open_workspace(folder, FixedClock(TODAY))
        busiest = max(offer_list(ctx), key=lambda row: row.active_clients)
        _retitle_first_steps(ctx, busiest.id)
        diffs: list[object] = []
        preview = timed(lambda: diffs.extend(preview_apply(ctx, busiest.id)), repeats=3)
        journeys = sorted({d.journey_id for d in preview_apply(ctx, busiest.id)})
        results: list[AppliedDesign] = []
        applying = timed(lambda: results.append(_apply(ctx, busiest.id, journeys)), 3, 0)
        reverting = timed(lambda: revert_apply(ctx, results.pop()), 3, 0)
        ctx.close()
    print(f"{label} ({clients} clients): {len(journeys)} journeys in '{busiest.name}'")
    print(f"  preview apply            {summary(preview)}")
    print(f"  apply to all of them     {summary(applying)}")
    print(f"  undo that                {summary(reverting)}")


def _retitle_first_steps(ctx: Context, offer_id: int) -> None:
    spec = offer_design(ctx, offer_id).spec
    phases = tuple(
        replace(p, steps=(replace(p.steps[0], title=p.steps[0].title + " (new)"), *p.steps[1:]))
        for p in spec.phases
    )
    save_offer(ctx, offer_id, replace(spec, phases=phases))


def _apply(ctx: Context, offer_id: int, journeys: list[int]) -> AppliedDesign:
    return apply_to_journeys(ctx, offer_id, journeys).value


def main() -> None:
    print(__doc__)
    with tempfile.TemporaryDirectory() as scratch:
        editor(Path(scratch))
    for label, clients in (("S", 60), ("L", 600)):
        apply(label, clients)


if __name__ == "__main__":
    main()
