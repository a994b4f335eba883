"""`friction add|resolve|reopen|list` on the command line: the same use cases as the
window's friction dialog. cli/main.py only hooks these in; the services are imported when a
command runs, so `deliverydesk --help` stays quick."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deliverydesk.cli.clients import iso_date
from deliverydesk.cli.workspace import run
from deliverydesk.model.rules.enums import FRICTION_CATEGORIES, FrictionKind, Severity

if TYPE_CHECKING:
    from deliverydesk.services.context import Context
    from deliverydesk.services.journeys.friction_list import FrictionLine


def add_commands(commands: Any, data: argparse.ArgumentParser) -> None:
    """Add `friction` and its actions to the subcommands of the main parser."""
    friction = commands.add_parser(
        "friction", parents=[data], help="log, resolve, reopen and list friction on journeys"
    )
    actions = friction.add_subparsers(dest="friction_action", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add", parents=[data], help="log what went wrong on a journey (see `friction list`)"
    )
    add.add_argument("journey", type=int, metavar="JOURNEY", help="the journey's number")
    add.add_argument("description", metavar="WHAT", help="what happened")
    add.add_argument(
        "--severity", choices=[s.value for s in Severity], default=Severity.MEDIUM.value
    )
    add.add_argument(
        "--category",
        choices=[k.value for k in FRICTION_CATEGORIES],
        default=FrictionKind.DELAY.value,
    )
    add.add_argument("--step", default="", metavar="STEP", help="the step it concerns, by title")
    add.add_argument(
        "--on", type=iso_date, metavar="YYYY-MM-DD", help="when it happened (default today)"
    )
    resolve = actions.add_parser("resolve", parents=[data], help="resolve friction with a note")
    resolve.add_argument("friction", type=int, metavar="ID")
    resolve.add_argument("note", metavar="NOTE", help="what was done about it")
    resolve.add_argument(
        "--on", type=iso_date, metavar="YYYY-MM-DD", help="when it was resolved (default today)"
    )
    reopen = actions.add_parser("reopen", parents=[data], help="open resolved friction again")
    reopen.add_argument("friction", type=int, metavar="ID")
    listed = actions.add_parser("list", parents=[data], help="list friction, oldest first")
    listed.add_argument("--journey", type=int, metavar="JOURNEY", help="of one journey only")
    listed.add_argument("--open", action="store_true", help="only friction not yet resolved")


def friction(folder: Path, args: argparse.Namespace) -> int:
    act = {"add": _add, "resolve": _resolve, "reopen": _reopen, "list": _list}
    return run(folder, args, lambda ctx: act[args.friction_action](ctx, args))


def _add(ctx: Context, args: argparse.Namespace) -> int:
    from deliverydesk.services.journeys.friction_list import step_named
    from deliverydesk.services.journeys.records import log_friction

    step_id = step_named(ctx, args.journey, args.step) if args.step.strip() else None
    friction_id, _ = log_friction(
        ctx,
        args.journey,
        args.description,
        kind=FrictionKind(args.category),
        severity=Severity(args.severity),
        step_id=step_id,
        occurred_on=args.on,
    )
    print(f"Logged friction {friction_id} on journey {args.journey}.")
    return 0


def _resolve(ctx: Context, args: argparse.Namespace) -> int:
    from deliverydesk.services.journeys.records import resolve_friction

    resolve_friction(ctx, args.friction, args.note, args.on)
    print(f"Resolved friction {args.friction}.")
    return 0


def _reopen(ctx: Context, args: argparse.Namespace) -> int:
    from deliverydesk.services.journeys.records import reopen_friction

    reopen_friction(ctx, args.friction)
    print(f"Reopened friction {args.friction}.")
    return 0


def _list(ctx: Context, args: argparse.Namespace) -> int:
    from deliverydesk.services.journeys.friction_list import friction_lines

    lines = friction_lines(ctx, journey_id=args.journey, open_only=args.open)
    if not lines:
        print("No friction open." if args.open else "No friction logged.")
        return 0
    for line in lines:
        print(_line(line))
    return 0


def _line(line: FrictionLine) -> str:
    from deliverydesk.wording import ENGLISH, FRICTION_KIND_WORDS, SEVERITY_WORDS

    long_date = ENGLISH.long_date
    step = f", at '{line.step}'" if line.step else ""
    state = (
        f"resolved {long_date(line.resolved_on)}: {line.recovery}"
        if line.resolved_on is not None
        else "open"
    )
    return (
        f"{line.id}  {long_date(line.occurred_on)}  {line.client} ({line.offer}, journey "
        f"{line.journey_id}{step})  {SEVERITY_WORDS[line.severity]} "
        f"{FRICTION_KIND_WORDS[line.kind].lower()}: {line.description}  [{state}]"
    )


HANDLERS = {"friction": friction}
