"""Page counts of the client's paper across the demo practice: every document for every
client with a journey, and each offer's templates. Prints one line per document kind with
the page counts, and (with --detail) one line per document.

    python tools/paper_pages.py [--detail] [--keep FOLDER] [--kind checklist ...] [--letter]

The demo is seeded on 23 Nov 2026 (the screenshots' day); --keep writes the PDFs there.
"""

from __future__ import annotations

import argparse
import io
import tempfile
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import select

from deliverydesk.model.entities import Client, Journey, Offer
from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.reports.data import A4, LETTER
from deliverydesk.seeding.demo import seed_demo
from deliverydesk.services.context import open_workspace
from deliverydesk.services.paper.report_export import DocumentKind, document_data, render
from deliverydesk.services.practice.brand import brand_settings, update_brand

TODAY = date(2026, 11, 23)
NOTE = (
    "Thank you for the work this week: the values exercise was a turning point. You named "
    "what you will stop doing, and then you did it. Keep the Friday review going; it is the "
    "habit that makes the rest stick. See you on Monday."
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--detail", action="store_true")
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--kind", action="append", choices=[k.value for k in DocumentKind])
    parser.add_argument("--letter", action="store_true", help="US Letter, not the locale's")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        ctx = open_workspace(Path(folder), FixedClock(TODAY))
        seed_demo(ctx)
        settings = brand_settings(ctx)
        page = LETTER if args.letter else A4
        update_brand(ctx, replace(settings, page_size=page))
        with ctx.db.engine.connect() as connection:
            clients = connection.execute(
                select(Client.id, Client.name)
                .where(Client.id.in_(select(Journey.client_id)))
                .order_by(Client.name)
            ).all()
            offers = connection.execute(select(Offer.id, Offer.name).order_by(Offer.name)).all()
        counts: dict[str, list[int]] = {}
        for kind in DocumentKind:
            if args.kind and kind.value not in args.kind:
                continue
            for label, ids in [
                *((f"client {n}", {"client_id": i}) for i, n in clients),
                *((f"offer {n}", {"offer_id": i}) for i, n in offers),
            ]:
                if kind is DocumentKind.PROGRESS and "offer_id" in ids:
                    continue
                for with_note in (False, True) if kind is DocumentKind.PROGRESS else (False,):
                    extra = {"note": NOTE} if with_note else {}
                    pdf = render(kind, document_data(ctx, kind, **ids, **extra))
                    pages = len(PdfReader(io.BytesIO(pdf)).pages)
                    key = f"{kind.value}{' +note' if with_note else ''}"
                    key += " (template)" if "offer_id" in ids else ""
                    counts.setdefault(key, []).append(pages)
                    if args.detail:
                        print(f"{key:28} {pages}  {label}")
                    if args.keep:
                        args.keep.mkdir(parents=True, exist_ok=True)
                        name = f"{key}-{label}".replace(" ", "_").replace("/", "-")
                        (args.keep / f"{name}.pdf").write_bytes(pdf)
        ctx.close()
    for key, pages in counts.items():
        spread = ", ".join(f"{n} p: {c}" for n, c in sorted(Counter(pages).items()))
        print(f"{key:28} {len(pages):3} documents  {spread}")


if __name__ == "__main__":
    main()
