"""`deliverydesk export-ics FILE`: every open step's due date (and sessions) as an .ics
file, the same file File → Export calendar… writes.

The services are imported when the command runs, so `deliverydesk --help` stays quick.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_commands(commands: Any, data: argparse.ArgumentParser) -> None:
    export = commands.add_parser(
        "export-ics",
        parents=[data],
        help="write every open step's due date (and sessions) to an .ics calendar file",
    )
    export.add_argument("file", metavar="FILE", type=Path, help="the .ics file to write")


def export_ics(folder: Path, args: argparse.Namespace) -> int:
    from deliverydesk.model.clock import FixedClock, SystemClock
    from deliverydesk.services.calendar_export import export_calendar
    from deliverydesk.services.context import open_workspace
    from deliverydesk.services.errors import DatabaseError, InvalidInput

    try:
        ctx = open_workspace(folder, FixedClock(args.today) if args.today else SystemClock())
    except DatabaseError as error:
        print(f"deliverydesk: {error}", file=sys.stderr)
        return 2
    try:
        count = export_calendar(ctx, args.file)
    except InvalidInput as error:
        print(f"deliverydesk: {error}", file=sys.stderr)
        return 1
    finally:
        ctx.close()
    print(f"Wrote {count} due dates and sessions to {args.file}.")
    return 0


HANDLERS = {"export-ics": export_ics}
