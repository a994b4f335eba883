"""Opening the database and reading the client list and one offer's board cards.

Sizes: S = 60 clients (a real practice), L = 600, XL = 5,000, 30 steps each.
Floor: the same card columns through plain sqlite3, in the same run.
Target: board cards at XL under 40 ms.
"""

from __future__ import annotations

import statistics

from common import SIZES, TODAY, benchmark_data, raw_sqlite_floor, summary, timed
from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.services.context import open_workspace
from deliverydesk.services.views.queries import board_rows, client_rows, offer_summaries


def measure(label: str, clients: int) -> None:
    folder = benchmark_data(clients)
    clock = FixedClock(TODAY)
    open_samples = timed(lambda: open_workspace(folder, clock).close(), repeats=7)
    ctx = open_workspace(folder, clock)
    busiest = max(offer_summaries(ctx), key=lambda o: o.active_journeys)
    cards = len(board_rows(ctx, busiest.id))
    rows = len(client_rows(ctx))
    board = timed(lambda: board_rows(ctx, busiest.id))
    listing = timed(lambda: client_rows(ctx))
    floor = raw_sqlite_floor(folder, busiest.id)
    ctx.close()
    ratio = statistics.median(board) / statistics.median(floor)
    print(f"{label} ({clients} clients)")
    print(f"  open database            {summary(open_samples)}")
    print(f"  client list ({rows:5d} rows) {summary(listing)}")
    print(f"  board cards ({cards:5d})     {summary(board)}")
    print(f"  floor: raw sqlite3 cards {summary(floor)}   board/floor {ratio:.1f}x")


def main() -> None:
    print(__doc__)
    for label, clients in SIZES.items():
        measure(label, clients)


if __name__ == "__main__":
    main()
