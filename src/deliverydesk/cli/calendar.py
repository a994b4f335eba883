"""`deliverydesk export-ics FILE`: every open step's due date (and sessions, timed where
they have a time) as an .ics file, the same file File → Export calendar… writes; with
--per-client, FILE is a folder that gets one file per client.

`deliverydesk import-ics FILE [--dry-run]`: the sessions a calendar file gives clients,
as File → Import calendar… shows them; --dry-run prints them and changes nothing.

The services are imported when the command runs, so `deliverydesk --help` stays quick.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deliverydesk.cli.workspace import MISTAKES, run

if TYPE_CHECKING:
    from deliverydesk.services.context import Context
    from deliverydesk.services.data.calendar_import import CalendarPlan


def add_commands(commands: Any, data: argparse.ArgumentParser) -> None:
    export = commands.add_parser(
        "export-ics",
        parents=[data],
        help="write every open step's due date (and sessions) to an .ics calendar file",
    )
    export.add_argument(
        "file", metavar="FILE", type=Path, help="the .ics file to write (a folder: --per-client)"
    )
    export.add_argument(
        "--alarm",
        metavar="MINUTES",
        type=int,
        help="remind this many minutes before each session (0: none; default: Settings)",
    )
    export.add_argument(
        "--per-client",
        action="store_true",
        help="write one .ics file per client into the folder FILE",
    )
    imports = commands.add_parser(
        "import-ics",
        parents=[data],
        help="give clients' next sessions the times a calendar (.ics) file has for them",
    )
    imports.add_argument("file", metavar="FILE", type=Path, help="the .ics file to read")
    imports.add_argument(
        "--dry-run", action="store_true", help="print what would change and change nothing"
    )


def export_ics(folder: Path, args: argparse.Namespace) -> int:
    def act(ctx: Context) -> int:
        from deliverydesk.services.data.calendar_export import CalendarOptions, export_calendar
        from deliverydesk.services.errors import InvalidInput
        from deliverydesk.services.practice.session_settings import MAX_ALARM_MINUTES
        from deliverydesk.wording import RefusalCode

        if args.alarm is not None and not 0 <= args.alarm <= MAX_ALARM_MINUTES:
            raise InvalidInput(RefusalCode.ALARM_OUT_OF_RANGE, limit=MAX_ALARM_MINUTES)
        options = CalendarOptions(args.alarm, args.per_client)
        count = export_calendar(ctx, args.file, options=options)
        where = f"one file per client in {args.file}" if args.per_client else str(args.file)
        print(f"Wrote {count} due dates and sessions to {where}.")
        return 0

    return run(folder, args, act, reported=MISTAKES)


def import_ics(folder: Path, args: argparse.Namespace) -> int:
    def act(ctx: Context) -> int:
        from deliverydesk.services.data.calendar_import import apply_plan, plan_import

        plan = plan_import(ctx, args.file)
        for line in plan_lines(plan):
            print(line)
        if args.dry_run or not plan.sessions:
            print("Nothing was changed." + (" (--dry-run)" if args.dry_run else ""))
            return 0
        apply_plan(ctx, plan)
        count = len(plan.sessions)
        print(f"Set {count} session{'s' if count != 1 else ''}.")
        return 0

    return run(folder, args, act, reported=MISTAKES)


def plan_lines(plan: CalendarPlan) -> list[str]:
    """The plan as the window's table says it: each session, then what is left alone."""
    from deliverydesk.wording import ENGLISH as words

    lines = [
        f"{len(plan.sessions)} session(s) from {plan.file_name}:"
        if plan.sessions
        else f"No event in {plan.file_name} is a client's session."
    ]
    for p in plan.sessions:
        was = words.long_date(p.was.due_on)
        if p.was.session_time is not None:
            was += " " + words.session_span(p.was.session_time, p.was.session_minutes)
        now = f"{words.long_date(p.day)} {words.session_span(p.start, p.minutes)}"
        lines.append(f"  {p.client_name} · {p.step_title}: {was} → {now}  ({p.summary})")
    if plan.left_alone:
        lines.append(f"{len(plan.left_alone)} event(s) left alone:")
    for left in plan.left_alone:
        when = words.long_date(left.day)
        if left.start is not None:
            when += " " + words.session_span(left.start)
        lines.append(f"  {when} {left.summary or '(no title)'}: {words.left_alone(left.reason)}")
    return lines


HANDLERS = {"export-ics": export_ics, "import-ics": import_ics}
