"""`client add` and `enrol` on the command line, so a practitioner can script an intake.

Parsing lives here beside the handlers; cli/main.py only hooks them in. The services are
imported when a command runs, so `deliverydesk --help` stays quick.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deliverydesk.cli.workspace import fail, run

if TYPE_CHECKING:
    from deliverydesk.model.rules.under_way import Reached
    from deliverydesk.services.context import Context


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date; write it as YYYY-MM-DD, such as 2026-12-01"
        ) from None


def add_commands(commands: Any, data: argparse.ArgumentParser) -> None:
    """Add `client add` and `enrol` to the subcommands of the main parser."""
    client = commands.add_parser("client", parents=[data], help="add a client")
    actions = client.add_subparsers(dest="client_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", parents=[data], help="add a client by name")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--email", default="", metavar="E")
    add.add_argument("--company", default="", metavar="C")
    add.add_argument("--phone", default="", metavar="P")
    enrol = commands.add_parser(
        "enrol", parents=[data], help="enrol a client in an offer from a start date"
    )
    enrol.add_argument("client", metavar="CLIENT", help="the client's name or e-mail address")
    enrol.add_argument("offer", metavar="OFFER", help="the offer's name")
    enrol.add_argument("--start", type=iso_date, required=True, metavar="YYYY-MM-DD")
    enrol.add_argument(
        "--at",
        default="",
        metavar="PLACE",
        help="a client already under way: the phase (or step, or 'Phase / Step') reached; "
        "every earlier step is marked done, brought in, and never counts as late",
    )
    enrol.add_argument(
        "--done-on",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="with --at: the day every earlier step was done (default: each on its due date)",
    )


def client(folder: Path, args: argparse.Namespace) -> int:
    return run(folder, args, lambda ctx: _add_client(ctx, args))


def _add_client(ctx: Context, args: argparse.Namespace) -> int:
    from deliverydesk.services.clients.client_lookup import similar_clients
    from deliverydesk.services.clients.clients import ClientInput, add_client

    data = ClientInput(args.name, company=args.company, email=args.email, phone=args.phone)
    namesakes = similar_clients(ctx, args.name)
    client_id = add_client(ctx, data).value
    print(f"Added {args.name.strip()} (client {client_id}).")
    for other in namesakes:
        company = f" ({other.company})" if other.company else ""
        print(f"Note: a client named {other.name}{company} already exists (client {other.id}).")
    return 0


def enrol(folder: Path, args: argparse.Namespace) -> int:
    return run(folder, args, lambda ctx: _enrol(ctx, args))


def _enrol(ctx: Context, args: argparse.Namespace) -> int:
    from deliverydesk.services.clients.capacity import capacity_preview
    from deliverydesk.services.clients.client_lookup import clients_named, offers_named
    from deliverydesk.services.clients.clients import enrol_client

    clients = clients_named(ctx, args.client)
    if not clients:
        return fail(f"no client is called '{args.client}'; add them with `client add` first.")
    if len(clients) > 1:
        listed = "; ".join(
            f"{c.name} ({', '.join(x for x in (c.company, c.email) if x) or f'client {c.id}'})"
            for c in clients
        )
        return fail(
            f"{len(clients)} clients are called '{args.client}': {listed}. "
            "Give the client's e-mail address instead."
        )
    offers = offers_named(ctx, args.offer)
    if not offers:
        return fail(f"no offer is called '{args.offer}'.")
    if len(offers) > 1:
        return fail(f"{len(offers)} offers are called '{args.offer}'; rename one first.")
    who, offer = clients[0], offers[0]
    reached = _reached(ctx, offer.id, offer.name, args)
    # The load with this client added (of a client under way, only the work left).
    preview = capacity_preview(ctx, offer.id, args.start, reached=reached)
    journey_id = enrol_client(ctx, who.id, offer.id, args.start, reached=reached).value
    print(
        f"Enrolled {who.name} in {offer.name}, starting {preview.start_on.isoformat()} "
        f"(journey {journey_id})."
    )
    if reached is not None:
        brought = _brought_in(ctx, journey_id)
        print(f"Already under way: {brought} earlier steps marked done, brought in.")
    if preview.over_weeks:
        print(
            f"Note: {preview.over_weeks} of the next {len(preview.weeks)} weeks go over your "
            f"{preview.weekly_hours:g} weekly hours."
        )
    return 0


def _reached(ctx: Context, offer_id: int, offer: str, args: argparse.Namespace) -> Reached | None:
    """The place named by --at (as the journeys import reads it), None for the start."""
    from deliverydesk.model.rules.under_way import Reached
    from deliverydesk.services.errors import InvalidInput, RefusalCode
    from deliverydesk.services.journeys.journey_csv import find_place
    from deliverydesk.services.journeys.under_way import offer_plan

    if not args.at.strip():
        if args.done_on is not None:
            raise InvalidInput(RefusalCode.DONE_ON_WITHOUT_AT)
        return None
    place = find_place(offer_plan(ctx, offer_id, args.start), args.at.strip(), offer)
    if not place.anything_done:
        return None  # the very start: nothing done yet
    if args.start > ctx.clock.today():
        raise InvalidInput(RefusalCode.UNDER_WAY_NOT_STARTED)
    return Reached(place.phase, place.step, args.done_on)


def _brought_in(ctx: Context, journey_id: int) -> int:
    from deliverydesk.services.journeys.detail import journey_detail

    detail = journey_detail(ctx, journey_id)
    return sum(step.brought_in for phase in detail.phases for step in phase.steps)


HANDLERS = {"client": client, "enrol": enrol}
