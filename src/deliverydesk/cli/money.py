"""`export-money FILE.csv` on the command line: the money lines for the accountant, the same
file as the window's Data menu writes. cli/main.py only hooks it in; the services are
imported when the command runs, so `deliverydesk --help` stays quick."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deliverydesk.cli.workspace import run
from deliverydesk.services.errors import DatabaseError, InvalidInput

if TYPE_CHECKING:
    from deliverydesk.services.context import Context


def add_commands(commands: Any, data: argparse.ArgumentParser) -> None:
    export = commands.add_parser(
        "export-money",
        parents=[data],
        help="write every invoice (amount, currency, due, invoiced, paid) to a CSV file "
        "for your accountant",
    )
    export.add_argument("file", type=Path, metavar="FILE.csv")
    export.add_argument(
        "--plain",
        action="store_true",
        help="plain CSV for a program to read (by default the file is safe to open in a "
        "spreadsheet: a byte-order mark, and a ' before anything that could run as a formula)",
    )


def export_money(folder: Path, args: argparse.Namespace) -> int:
    def act(ctx: Context) -> int:
        from deliverydesk.services.money.money_csv import export_money as write

        path = args.file.expanduser()
        count = write(ctx, path, spreadsheet=not args.plain)
        print(f"Wrote {count} money lines to {path}")
        return 0

    return run(folder, args, act, reported=(InvalidInput, DatabaseError), database_code=2)


HANDLERS = {"export-money": export_money}
