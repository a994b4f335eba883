"""`time-off add FROM TO [REASON] | list | remove N` on the command line: the practice's time
off, checked and refused as Settings → Practice does (the same service and words). Time off
takes hours from the weeks it covers and moves no due date. cli/main.py only hooks these
in; the services are imported when a command runs, so `deliverydesk --help` stays quick."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deliverydesk.cli.clients import iso_date
from deliverydesk.cli.workspace import run

if TYPE_CHECKING:
    from deliverydesk.model.rules.capacity import TimeOff
    from deliverydesk.services.context import Context


def add_commands(commands: Any, data: argparse.ArgumentParser) -> None:
    """Add `time-off` and its actions to the subcommands of the main parser."""
    time_off = commands.add_parser(
        "time-off", parents=[data], help="add, list and remove time off (days you do not work)"
    )
    actions = time_off.add_subparsers(dest="time_off_action", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add", parents=[data], help="add time off: it takes hours from the weeks it covers"
    )
    add.add_argument("first", type=iso_date, metavar="FROM", help="the first day (YYYY-MM-DD)")
    add.add_argument("last", type=iso_date, metavar="TO", help="the last day (YYYY-MM-DD)")
    add.add_argument("reason", nargs="?", default="", metavar="REASON", help="a holiday, ...")
    actions.add_parser("list", parents=[data], help="list time off, numbered, by first day")
    remove = actions.add_parser(
        "remove", parents=[data], help="remove time off by its number (see `time-off list`)"
    )
    remove.add_argument("number", type=int, metavar="N")


def time_off(folder: Path, args: argparse.Namespace) -> int:
    act = {"add": _add, "list": _list, "remove": _remove}
    return run(folder, args, lambda ctx: act[args.time_off_action](ctx, args))


def _add(ctx: Context, args: argparse.Namespace) -> int:
    from deliverydesk.model.rules.capacity import TimeOff
    from deliverydesk.services.practice.practice_settings import add_time_off, practice_settings

    before = practice_settings(ctx).time_off
    add_time_off(ctx, TimeOff(args.first, args.last, args.reason))
    kept = practice_settings(ctx).time_off
    new = [(n, span) for n, span in enumerate(kept, 1) if span not in before]
    if not new:  # the very same period was kept already
        print("That time off was kept already:")
        _print(kept, lambda span: span.first == args.first and span.last == args.last)
        return 0
    number, span = new[0]
    print(f"Added time off {number}: {_span(span)}.")
    return 0


def _list(ctx: Context, args: argparse.Namespace) -> int:
    from deliverydesk.services.practice.practice_settings import practice_settings

    kept = practice_settings(ctx).time_off
    if not kept:
        print("No time off.")
        return 0
    _print(kept, lambda _span: True)
    return 0


def _remove(ctx: Context, args: argparse.Namespace) -> int:
    from deliverydesk.services.practice.practice_settings import remove_time_off

    was = remove_time_off(ctx, args.number).value.settings.time_off
    print(f"Removed time off {args.number}: {_span(was[args.number - 1])}.")
    return 0


def _print(spans: tuple[TimeOff, ...], shown: Callable[[TimeOff], bool]) -> None:
    for number, span in enumerate(spans, 1):
        if shown(span):
            print(f"{number}  {_span(span)}")


def _span(span: TimeOff) -> str:
    """ "Mon 21 Dec 2026 – Fri 1 Jan 2027 · Winter break"; one day reads as that day."""
    from deliverydesk.wording import ENGLISH

    days = ENGLISH.long_date(span.first)
    if span.last != span.first:
        days += f" – {ENGLISH.long_date(span.last)}"
    return f"{days} · {span.reason}" if span.reason else days


HANDLERS = {"time-off": time_off}
