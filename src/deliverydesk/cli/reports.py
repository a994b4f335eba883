"""`deliverydesk export progress|onboarding|checklist|intake` and `import-form`: the client's
paper from the command line.

    deliverydesk export progress --client "Zoë Müller" --out report.pdf
    deliverydesk export progress --all --out-dir reports/
    deliverydesk export onboarding --offer "Brand Audit" --out pack.pdf
    deliverydesk import-form filled.pdf --client "Zoë Müller"

The services are imported when a command runs, so `deliverydesk --help` stays quick.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deliverydesk.cli.clients import iso_date
from deliverydesk.cli.workspace import fail, run
from deliverydesk.services.errors import InvalidInput, NotFound

if TYPE_CHECKING:
    from deliverydesk.services.context import Context

KINDS = ("progress", "onboarding", "checklist", "intake")


# `export --strict`: written, but some characters print as boxes.
STRICT_STATUS = 3


def add_commands(commands: Any, data: argparse.ArgumentParser) -> None:
    export = commands.add_parser(
        "export",
        parents=[data],
        help="write a progress report, onboarding pack, checklist or intake form",
    )
    export.add_argument("kind", choices=KINDS, metavar="KIND", help=" | ".join(KINDS))
    who = export.add_mutually_exclusive_group(required=True)
    who.add_argument("--client", metavar="NAME_OR_ID", help="the client's name, e-mail or number")
    who.add_argument("--offer", metavar="NAME", help="an offer, as a blank template")
    who.add_argument("--all", action="store_true", help="every active client (progress only)")
    export.add_argument("--out", type=Path, metavar="FILE", help="the PDF to write")
    export.add_argument("--out-dir", type=Path, metavar="DIR", help="the folder for --all")
    export.add_argument("--note", default="", help="a personal note for the progress report")
    export.add_argument("--since", type=iso_date, metavar="YYYY-MM-DD", help="recent wins since")
    export.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1), metavar="N")
    export.add_argument(
        "--strict",
        action="store_true",
        help=f"exit with status {STRICT_STATUS} when a document holds characters no bundled "
        "font can print (they show as boxes); the document is still written",
    )
    imports = commands.add_parser(
        "import-form", parents=[data], help="read a filled intake form into the client's record"
    )
    imports.add_argument("file", type=Path, metavar="FILE")
    imports.add_argument("--client", required=True, metavar="NAME_OR_ID")


def export(folder: Path, args: argparse.Namespace) -> int:
    return run(folder, args, lambda ctx: _export(ctx, args), reported=(InvalidInput, NotFound))


def import_form(folder: Path, args: argparse.Namespace) -> int:
    return run(folder, args, lambda ctx: _import_form(ctx, args), reported=(InvalidInput, NotFound))


def find_client(ctx: Context, name_or_id: str) -> int | None:
    """The one client `name_or_id` names (a number, a name or an e-mail), or None after
    saying why not."""
    from deliverydesk.services.clients.client_lookup import client_details, clients_named

    if name_or_id.strip().isdigit():
        try:
            return client_details(ctx, int(name_or_id)).id
        except NotFound:
            fail(f"there is no client number {name_or_id.strip()}.")
            return None
    found = clients_named(ctx, name_or_id)
    if len(found) == 1:
        return found[0].id
    if not found:
        fail(f"no client is called '{name_or_id}'.")
    else:
        listed = "; ".join(
            f"{c.name} (client {c.id}{', ' + c.email if c.email else ''})" for c in found
        )
        fail(f"{len(found)} clients are called '{name_or_id}': {listed}. Give the client's number.")
    return None


def _export(ctx: Context, args: argparse.Namespace) -> int:
    from deliverydesk.services.clients.client_lookup import offers_named
    from deliverydesk.services.paper.report_export import (
        DocumentKind,
        export_document,
        export_progress_batch,
    )

    kind = DocumentKind(args.kind)
    if args.all:
        if kind is not DocumentKind.PROGRESS:
            return fail("--all makes progress reports; give --client or --offer for the others.")
        if args.out_dir is None:
            return fail("--all needs --out-dir DIR, the folder for the reports.")
        args.out_dir.mkdir(parents=True, exist_ok=True)
        done = export_progress_batch(ctx, args.out_dir, workers=max(args.workers, 1))
        for result in done:
            _tell(result)
        print(f"Wrote {len(done)} progress reports to {args.out_dir}")
        return _status(args, any(result.missing for result in done))
    if args.out is None:
        return fail("give --out FILE, the PDF to write.")
    client_id = offer_id = None
    if args.client is not None:
        client_id = find_client(ctx, args.client)
        if client_id is None:
            return 1
    else:
        if kind is DocumentKind.PROGRESS:
            return fail("a progress report is about one client: give --client.")
        offers = offers_named(ctx, args.offer)
        if len(offers) != 1:
            return fail(
                f"no offer is called '{args.offer}'."
                if not offers
                else f"{len(offers)} offers are called '{args.offer}'."
            )
        offer_id = offers[0].id
    result = export_document(
        ctx,
        kind,
        args.out,
        client_id=client_id,
        offer_id=offer_id,
        since=args.since,
        note=args.note,
    )
    _tell(result)
    print(f"Wrote {result.path}")
    return _status(args, bool(result.missing))


def _status(args: argparse.Namespace, missing: bool) -> int:
    return STRICT_STATUS if args.strict and missing else 0


def _tell(result: Any) -> None:
    from deliverydesk.reports.fonts import describe_missing

    for note in result.notes:
        print(f"Note: {note}", file=sys.stderr)
    if result.missing:
        missing = describe_missing(list(result.missing))
        print(
            f"Note: {result.path.name}: no bundled font can print {missing}; they show as boxes.",
            file=sys.stderr,
        )


def _import_form(ctx: Context, args: argparse.Namespace) -> int:
    from deliverydesk.services.paper.intake import read_filled_form, save_intake_answers

    client_id = find_client(ctx, args.client)
    if client_id is None:
        return 1
    form = read_filled_form(ctx, args.file, client_id)
    print(f"Intake form for {form.offer_name}:")
    for number, answer in enumerate(form.answers, start=1):
        print(f"{number}. {answer.question}")
        text = answer.answer or "(no answer)"
        print("\n".join(f"   {line}" for line in text.splitlines() or [""]))
    ticked = save_intake_answers(ctx, client_id, form).value.step_id
    saved = "Saved the answers on the client"
    print(f"{saved}; the intake step is ticked." if ticked else f"{saved}.")
    return 0


HANDLERS = {"export": export, "import-form": import_form}
