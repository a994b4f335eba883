"""Owning the data from the command line: backup, restore, the practice as JSON, clients
as CSV. cli/main.py only hooks these in; the services are imported when a command runs."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deliverydesk.cli.workspace import fail, run
from deliverydesk.services.errors import DatabaseError, InvalidInput
from deliverydesk.wording import error_text

if TYPE_CHECKING:
    from deliverydesk.services.clients.client_csv import CsvPreview
    from deliverydesk.services.context import Context


def add_commands(commands: Any, data: argparse.ArgumentParser) -> None:
    """Add the data commands to the subcommands of the main parser."""
    commands.add_parser("backup", parents=[data], help="make a verified backup of your data now")
    restore = commands.add_parser(
        "restore",
        parents=[data],
        help="put a backup in place of your data (the current data is kept as a backup)",
    )
    restore.add_argument("file", type=Path, metavar="FILE", help="a backup (.sqlite3)")
    export = commands.add_parser(
        "export-json", parents=[data], help="write the whole practice to a JSON file"
    )
    export.add_argument("file", type=Path, metavar="FILE")
    load = commands.add_parser(
        "import-json", parents=[data], help="load a practice JSON file into an empty data folder"
    )
    load.add_argument("file", type=Path, metavar="FILE")
    clients_in = commands.add_parser(
        "import-clients",
        parents=[data],
        help="add clients from a CSV file (all or nothing; prints a report per row)",
    )
    clients_in.add_argument("file", type=Path, metavar="FILE.csv")
    clients_in.add_argument(
        "--dry-run", action="store_true", help="check the file and report, import nothing"
    )
    clients_in.add_argument(
        "--encoding", default="utf-8", metavar="E", help="the file's text encoding (default utf-8)"
    )
    clients_out = commands.add_parser(
        "export-clients",
        parents=[data],
        help="write your clients (and their journeys) to a spreadsheet (FILE.xlsx), "
        "or to a CSV file for re-import (FILE.csv)",
    )
    clients_out.add_argument("file", type=Path, metavar="FILE.xlsx|FILE.csv")
    clients_out.add_argument(
        "--spreadsheet",
        action="store_true",
        help="a CSV to open in a spreadsheet rather than to re-import: values that could "
        "run as formulas get a ' (FILE.xlsx needs none: every cell is text)",
    )


def _size(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{max(1, size // 1024)} kB"


def backup(folder: Path, args: argparse.Namespace) -> int:
    def act(ctx: Context) -> int:
        from deliverydesk.services.data.backups import back_up

        info = back_up(ctx)
        clients = "" if info.clients is None else f"{info.clients} clients, "
        print(f"Backed up ({clients}{_size(info.size)}) to {info.path}")
        if info.copied_to is not None:
            print(f"Also copied to {info.copied_to}")
        elif info.copy_problem:
            print(f"Note: {info.copy_problem} The backup above is made.")
        return 0

    return run(folder, args, act, reported=(InvalidInput, DatabaseError), database_code=2)


def restore(folder: Path, args: argparse.Namespace) -> int:
    """Restore without opening the current data first: it may be the damaged one."""
    from deliverydesk.model.rules.clock import SystemClock
    from deliverydesk.services.context import open_workspace
    from deliverydesk.services.data.backups import restore_backup

    source = args.file.expanduser()
    try:
        restored = restore_backup(folder, source)
    except DatabaseError as error:
        return fail(error_text(error), 2)
    try:
        open_workspace(folder, SystemClock()).close()  # brought up to date, and proved to open
    except DatabaseError as error:
        if restored.kept is not None:
            restore_backup(folder, restored.kept)
        return fail(
            f"{source} could not be opened ({error_text(error)}); your data is as it was.", 2
        )
    print(f"Restored {source}.")
    if restored.kept is not None:
        how = "as it was" if restored.kept_whole else "as it was (it could not be read whole)"
        print(f"Your data before the restore is kept {how} in {restored.kept}")
        print(f"To undo: deliverydesk restore {restored.kept}")
    return 0


def export_json(folder: Path, args: argparse.Namespace) -> int:
    def act(ctx: Context) -> int:
        from deliverydesk.services.data.practice_file import export_practice

        summary = export_practice(ctx, args.file.expanduser())
        print(f"Wrote {summary.clients} clients ({summary.total} records) to {summary.path}")
        return 0

    return run(folder, args, act, reported=(InvalidInput, DatabaseError), database_code=2)


def import_json(folder: Path, args: argparse.Namespace) -> int:
    def act(ctx: Context) -> int:
        from deliverydesk.services.data.practice_file import import_practice

        summary = import_practice(ctx, args.file.expanduser()).value
        print(f"Imported {summary.clients} clients ({summary.total} records) into {folder}")
        return 0

    return run(folder, args, act, reported=(InvalidInput, DatabaseError), database_code=2)


def import_clients(folder: Path, args: argparse.Namespace) -> int:
    def act(ctx: Context) -> int:
        from deliverydesk.services.clients.client_csv import import_clients as load
        from deliverydesk.services.clients.client_csv import preview_clients

        path = args.file.expanduser()
        preview = preview_clients(ctx, path, args.encoding)
        stop = report_and_stop(preview, args.dry_run)
        if stop is not None:
            return stop
        added = load(ctx, path, args.encoding).value
        if not added.client_ids:
            print("Nothing was imported: every client in the file is already here.")
            return 1
        count = len(added.client_ids)
        print(f"Imported {count} client{'s' if count != 1 else ''}.")
        if added.backup is not None:
            print(f"Your data before the import is backed up in {added.backup.path}")
        return 0

    return run(folder, args, act, reported=(InvalidInput, DatabaseError), database_code=2)


def report_and_stop(preview: CsvPreview, dry_run: bool) -> int | None:
    """Print a CSV import's report; the exit status when it goes no further (a dry run, or
    rows with a problem), None when the rows may be imported."""
    print_report(preview)
    if dry_run:
        print("Dry run: nothing was imported.")
        return 0 if preview.can_import else 1
    if preview.errors:
        print("Nothing was imported: fix the rows with a problem and import the file again.")
        return 1
    return None


def print_report(preview: CsvPreview) -> None:
    """One line per row that will not simply be added, then the counts."""
    from deliverydesk.services.clients.client_csv import RowStatus

    for row in preview.rows:
        if row.status is RowStatus.ERROR:
            print(f"Row {row.number}: problem: {row.reason}")
        elif row.status is RowStatus.DUPLICATE:
            print(f"Row {row.number}: skipped: {row.reason}")
        elif row.reason:
            print(f"Row {row.number}: note: {row.reason}")
    if preview.ignored:
        print(f"Columns not imported: {', '.join(preview.ignored)}")
    print(
        f"{preview.new} new, {preview.duplicates} already here (skipped), "
        f"{preview.errors} with a problem."
    )


def export_clients(folder: Path, args: argparse.Namespace) -> int:
    def act(ctx: Context) -> int:
        from deliverydesk.services.clients.client_csv import export_clients as write
        from deliverydesk.services.data.spreadsheet_export import export_workbook

        path = args.file.expanduser()
        if path.suffix.lower() == ".xlsx":
            counts = export_workbook(ctx, path)
            print(
                f"Wrote {counts.clients} clients and {counts.journeys} journeys to {path} "
                "(spreadsheet, every cell text)"
            )
            return 0
        count = write(ctx, path, spreadsheet=args.spreadsheet)
        kind = "spreadsheet-safe CSV" if args.spreadsheet else "CSV for re-import"
        print(f"Wrote {count} clients to {path} ({kind})")
        return 0

    return run(folder, args, act, reported=(InvalidInput, DatabaseError), database_code=2)


HANDLERS = {
    "backup": backup,
    "restore": restore,
    "export-json": export_json,
    "import-json": import_json,
    "import-clients": import_clients,
    "export-clients": export_clients,
}
