"""The command line: the same core as the window, without a QApplication."""

from __future__ import annotations

import argparse
import multiprocessing
import signal
import sys
import threading
from collections.abc import Sequence
from datetime import date
from types import FrameType

from deliverydesk.cli import calendar as cli_calendar
from deliverydesk.cli import clients as cli_clients
from deliverydesk.cli import data as cli_data
from deliverydesk.cli import feedback as cli_feedback
from deliverydesk.cli import friction as cli_friction
from deliverydesk.cli import journeys as cli_journeys
from deliverydesk.cli import money as cli_money
from deliverydesk.cli import offers as cli_offers
from deliverydesk.cli import reports as cli_reports
from deliverydesk.cli import selftest as cli_selftest
from deliverydesk.cli import time_off as cli_time_off
from deliverydesk.paths import data_dir, resolve_data_dir
from deliverydesk.staging import sweep


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="deliverydesk",
        description="Deliver what you promised: journeys, boards and reports, offline.",
    )
    parser.add_argument(
        "--version",
        action="store_true",
        help="show the version, the commit it was built from and the data folder, then exit",
    )
    _add_data_options(parser, None)
    # Repeated on each command so `deliverydesk demo --data-dir D` reads naturally; SUPPRESS
    # keeps a command's missing option from overwriting one given before the command.
    data = argparse.ArgumentParser(add_help=False)
    _add_data_options(data, argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("gui", parents=[data], help="open the window (the default)")
    commands.add_parser(
        "demo", parents=[data], help="fill an empty data folder with a demo practice"
    )
    scale = commands.add_parser(
        "seed-scale", parents=[data], help="fill an empty data folder with benchmark data"
    )
    scale.add_argument("--clients", type=int, required=True, metavar="N")
    scale.add_argument("--steps", type=int, default=30, help="steps per journey (default 30)")
    commands.add_parser(
        "check", parents=[data], help="check the database's integrity and schema version"
    )
    recover = commands.add_parser(
        "recover", parents=[data], help="put a damaged database right (the damaged file is kept)"
    )
    recover.add_argument(
        "--fresh", action="store_true", help="start an empty practice when no backup is sound"
    )
    cli_clients.add_commands(commands, data)
    cli_offers.add_parser(commands, data)
    cli_calendar.add_commands(commands, data)
    cli_reports.add_commands(commands, data)
    cli_data.add_commands(commands, data)
    cli_journeys.add_commands(commands, data)
    cli_friction.add_commands(commands, data)
    cli_feedback.add_commands(commands, data)
    cli_money.add_commands(commands, data)
    cli_time_off.add_commands(commands, data)
    cli_selftest.add_commands(commands)
    return parser


def _add_data_options(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="folder holding the practice's data (default: $DELIVERYDESK_HOME, "
        "then your user data folder)",
    )
    parser.add_argument(
        "--today",
        type=today_option,
        metavar="YYYY-MM-DD",
        default=default,
        help="treat this date as today (to rehearse or reproduce a view)",
    )


# "Today" for a rehearsal: every date a journey computes from it stays inside the calendar.
EARLIEST_TODAY, LATEST_TODAY = date(1971, 1, 1), date(2999, 12, 31)


def today_option(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date; write it as YYYY-MM-DD, such as 2026-12-01"
        ) from None
    if not EARLIEST_TODAY <= day <= LATEST_TODAY:
        raise argparse.ArgumentTypeError(
            f"{day.isoformat()} is too far from now to act as today; choose a day between "
            f"{EARLIEST_TODAY.isoformat()} and {LATEST_TODAY.isoformat()}"
        )
    return day


def main(argv: Sequence[str] | None = None) -> int:
    # A bundled app starts its batch-export workers by running itself again.
    multiprocessing.freeze_support()
    _never_fail_printing()
    args = build_parser().parse_args(argv)
    _decode_text(args)
    if args.version:  # where the data folder is, without creating it
        from deliverydesk.build_info import build_lines

        print("\n".join(build_lines(resolve_data_dir(args.data_dir))))
        return 0
    command = args.command or "gui"
    if command == "selftest":  # in a scratch folder: the person's data is never touched
        return cli_selftest.selftest()
    if command == "gui":
        from deliverydesk.ui.app import run  # Qt is imported only for the window

        return run(args.data_dir, args.today)
    from deliverydesk.cli import commands

    handler = {
        "demo": commands.demo,
        "seed-scale": commands.seed_scale,
        "check": commands.check,
        "recover": commands.recover,
        **cli_clients.HANDLERS,
        "offer": cli_offers.offer,
        **cli_calendar.HANDLERS,
        **cli_reports.HANDLERS,
        **cli_data.HANDLERS,
        **cli_journeys.HANDLERS,
        **cli_friction.HANDLERS,
        **cli_feedback.HANDLERS,
        **cli_money.HANDLERS,
        **cli_time_off.HANDLERS,
    }[command]
    try:
        folder = data_dir(args.data_dir)
    except OSError as error:  # a file in the way, no permission, a read-only disk
        print(f"deliverydesk: cannot use that data folder: {error}", file=sys.stderr)
        return 2
    sweep(folder)  # what killed runs left behind: staging folders, half-written files
    on_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _interrupted) if on_main_thread else None
    try:
        return handler(folder, args)
    except KeyboardInterrupt:  # Ctrl+C or SIGTERM: every `finally` has run on the way here
        print("deliverydesk: stopped; nothing half-written was left behind.", file=sys.stderr)
        return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _never_fail_printing() -> None:
    """A terminal or pipe that cannot show a character (PYTHONIOENCODING=ascii, a C
    locale) gets it as an escape (\\xeb) instead of the command failing after its work
    was done."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def _decode_text(args: argparse.Namespace) -> None:
    """Under a C locale without UTF-8 mode, Python decodes the arguments as ASCII and keeps
    every other byte as a lone surrogate: "Zoë" arrives broken. Text (names, notes) is
    decoded again as UTF-8; paths stay as they came, as the file system takes them back
    byte for byte."""
    encoding = sys.getfilesystemencoding()
    for name, value in vars(args).items():
        if isinstance(value, str) and name != "data_dir":
            try:
                setattr(args, name, value.encode(encoding, "surrogateescape").decode("utf-8"))
            except UnicodeError:  # not UTF-8 either: left for the checks to refuse
                continue


def _interrupted(signum: int, _frame: FrameType | None) -> None:
    """SIGTERM stops a command as Ctrl+C does: through the clean-up on the way out."""
    raise KeyboardInterrupt


if __name__ == "__main__":
    sys.exit(main())
