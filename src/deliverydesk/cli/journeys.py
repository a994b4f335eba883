"""Journeys already in progress from the command line: `import-journeys FILE.csv
[--dry-run]` and `journeys-template FILE.csv`. cli/main.py only hooks these in; the services
are imported when a command runs, so `deliverydesk --help` stays quick."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deliverydesk.cli.data import report_and_stop
from deliverydesk.cli.workspace import run
from deliverydesk.services.errors import DatabaseError, InvalidInput

if TYPE_CHECKING:
    from deliverydesk.services.context import Context


def add_commands(commands: Any, data: argparse.ArgumentParser) -> None:
    """Add the journey import commands to the subcommands of the main parser."""
    load = commands.add_parser(
        "import-journeys",
        parents=[data],
        help="enrol clients already under way from a CSV file (client, e-mail, offer, "
        "start date, current phase or step; all or nothing; prints a report per row)",
    )
    load.add_argument("file", type=Path, metavar="FILE.csv")
    load.add_argument(
        "--dry-run", action="store_true", help="check the file and report, import nothing"
    )
    load.add_argument(
        "--encoding", default="utf-8", metavar="E", help="the file's text encoding (default utf-8)"
    )
    template = commands.add_parser(
        "journeys-template",
        parents=[data],
        help="write a CSV file to fill in for import-journeys (an example row per offer)",
    )
    template.add_argument("file", type=Path, metavar="FILE.csv")


def import_journeys(folder: Path, args: argparse.Namespace) -> int:
    def act(ctx: Context) -> int:
        from deliverydesk.services.journeys.journey_csv import import_journeys as load
        from deliverydesk.services.journeys.journey_csv import preview_journeys

        path = args.file.expanduser()
        preview = preview_journeys(ctx, path, args.encoding)
        stop = report_and_stop(preview, args.dry_run)
        if stop is not None:
            return stop
        done = load(ctx, path, args.encoding).value
        if not done.journey_ids:
            print("Nothing was imported: every journey in the file is already here.")
            return 1
        count, added = len(done.journey_ids), len(done.client_ids)
        print(
            f"Enrolled {count} client{'s' if count != 1 else ''} already under way "
            f"({added} new client{'s' if added != 1 else ''})."
        )
        if done.backup is not None:
            print(f"Your data before the import is backed up in {done.backup.path}")
        return 0

    return run(folder, args, act, reported=(InvalidInput, DatabaseError), database_code=2)


def journeys_template(folder: Path, args: argparse.Namespace) -> int:
    def act(ctx: Context) -> int:
        from deliverydesk.services.journeys.journey_csv import journeys_template as write

        path = args.file.expanduser()
        examples = write(ctx, path)
        print(
            f"Wrote {path}: one row per client, {examples} example "
            f"row{'s' if examples != 1 else ''} to replace."
        )
        return 0

    return run(folder, args, act, reported=(InvalidInput, DatabaseError), database_code=2)


HANDLERS = {"import-journeys": import_journeys, "journeys-template": journeys_template}
