"""`deliverydesk export-ics FILE`: every open step's due date (and sessions) as an .ics
file, the same file File → Export calendar… writes.

The services are imported when the command runs, so `deliverydesk --help` stays quick.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deliverydesk.cli.workspace import run
from deliverydesk.services.errors import InvalidInput

if TYPE_CHECKING:
    from deliverydesk.services.context import Context


def add_commands(commands: Any, data: argparse.ArgumentParser) -> None:
    export = commands.add_parser(
        "export-ics",
        parents=[data],
        help="write every open step's due date (and sessions) to an .ics calendar file",
    )
    export.add_argument("file", metavar="FILE", type=Path, help="the .ics file to write")


def export_ics(folder: Path, args: argparse.Namespace) -> int:
    def act(ctx: Context) -> int:
        from deliverydesk.services.data.calendar_export import export_calendar

        count = export_calendar(ctx, args.file)
        print(f"Wrote {count} due dates and sessions to {args.file}.")
        return 0

    return run(folder, args, act, reported=(InvalidInput,))


HANDLERS = {"export-ics": export_ics}
