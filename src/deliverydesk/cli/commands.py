"""What each headless command does; cli/main.py only parses."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from deliverydesk.model.rules.clock import Clock, FixedClock, SystemClock
from deliverydesk.model.rules.enums import Owner
from deliverydesk.services.context import Context, open_workspace
from deliverydesk.services.errors import DatabaseCorrupt, DatabaseError, InvalidInput
from deliverydesk.store.summaries import SummaryDrift
from deliverydesk.wording import Note, RefusalCode, error_text


def _clock(args: argparse.Namespace) -> Clock:
    return FixedClock(args.today) if args.today else SystemClock()


def _open(folder: Path, args: argparse.Namespace) -> Context | None:
    try:
        return open_workspace(folder, _clock(args))
    except DatabaseCorrupt as error:
        print(f"deliverydesk: {error_text(error)}", file=sys.stderr)
        print(
            "deliverydesk: run `deliverydesk recover` (or open DeliveryDesk) to put it right; "
            "the damaged file is kept aside.",
            file=sys.stderr,
        )
        return None
    except DatabaseError as error:
        print(f"deliverydesk: {error_text(error)}", file=sys.stderr)
        return None


def _fill(folder: Path, args: argparse.Namespace, fill: Callable[[Context], str]) -> str | int:
    """Run a seeding into the practice: its summary, or the exit status once the reason
    was printed (2: the practice could not be opened; 1: the seeding was refused)."""
    ctx = _open(folder, args)
    if ctx is None:
        return 2
    if ctx.read_only:
        ctx.close()
        refused = Note(RefusalCode.READ_ONLY_PRACTICE, read_only=ctx.why_read_only)
        print(f"deliverydesk: {refused}", file=sys.stderr)
        return 1
    try:
        return fill(ctx)
    except (InvalidInput, DatabaseError) as error:  # a full disk, another writer, read-only
        print(f"deliverydesk: {error_text(error)}", file=sys.stderr)
        return 1
    finally:
        ctx.close()


def demo(folder: Path, args: argparse.Namespace) -> int:
    from deliverydesk.seeding.demo import seed_demo

    summary = _fill(folder, args, seed_demo)
    if isinstance(summary, int):
        return summary
    print(f"Demo practice ready in {folder}: {summary}")
    return 0


def seed_scale(folder: Path, args: argparse.Namespace) -> int:
    from deliverydesk.seeding.scale import seed_scale as seed

    summary = _fill(
        folder, args, lambda ctx: seed(ctx, clients=args.clients, steps_per_journey=args.steps)
    )
    if isinstance(summary, int):
        return summary
    print(f"Benchmark data ready in {folder}: {summary}")
    return 0


def recover(folder: Path, args: argparse.Namespace) -> int:
    """The recovery ladder without a window: indexes rebuilt, else the newest sound backup,
    else (only with --fresh) an empty practice; the damaged file is always kept aside.

    Never under an open window: moving the file aside would leave the window writing to
    the moved file. The folder stays held while the ladder runs, so no window starts then.
    """
    from deliverydesk.folder_lock import FolderLock

    lock = FolderLock(folder)
    if lock.acquire() is False:
        print(
            f"deliverydesk: DeliveryDesk is open on {folder}. Close it and run recover again "
            "(or let DeliveryDesk put the file right when it starts); nothing was moved.",
            file=sys.stderr,
        )
        return 2
    try:
        return _recover(folder, args)
    finally:
        lock.release()


def _recover(folder: Path, args: argparse.Namespace) -> int:
    from deliverydesk.services import startup

    try:
        open_workspace(folder, _clock(args)).close()
    except DatabaseCorrupt as error:
        print(f"Your data file is damaged: {error_text(error)}")
    except DatabaseError as error:  # locked, unreadable, newer: not damage, nothing moves
        print(f"deliverydesk: {error_text(error)}", file=sys.stderr)
        return 2
    else:
        print(f"{folder}: your data file is sound; there is nothing to recover.")
        return 0

    def choose(backups: list[startup.BackupInfo]) -> startup.Choice:
        if backups:
            return startup.Choice.RESTORE
        if args.fresh:
            return startup.Choice.FRESH
        print(
            "deliverydesk: there is no sound backup to go back to. Run "
            "`deliverydesk recover --fresh` to start an empty practice (the damaged "
            "file is kept aside).",
            file=sys.stderr,
        )
        return startup.Choice.QUIT

    try:
        outcome = startup.put_right(folder, choose)
    except DatabaseError as error:
        print(f"deliverydesk: {error_text(error)}", file=sys.stderr)
        return 1
    if outcome is None:
        return 1
    print(outcome.message)
    return 0


def check(folder: Path, args: argparse.Namespace) -> int:
    from deliverydesk.services.data.value_check import full_check
    from deliverydesk.services.practice.practice import get_practice
    from deliverydesk.services.views.startup import data_folder_warning

    ctx = _open(folder, args)
    if ctx is None:
        return 2
    practice_name = "none yet"
    try:
        report, bad = full_check(ctx)
        if report.integrity == ["ok"]:
            if any(value.table == "practice" for value in bad):
                practice_name = "cannot be read (see below)"
            else:
                practice = get_practice(ctx)
                practice_name = practice.name if practice else practice_name
    finally:
        ctx.close()  # never fails: a log it cannot fold in (a full disk) stays, safely
    print(f"Database: {ctx.path}")
    print(f"Practice: {practice_name}")
    if ctx.read_only:
        print(f"Read-only: {ctx.read_only}")
    warning = data_folder_warning(folder)
    if warning:
        print(f"Warning: {warning}")
    print(f"Integrity: {'; '.join(report.integrity[:5])}")
    print(f"Broken links between records: {report.foreign_key_problems}")
    print(f"Schema: {report.schema_revision} (this version expects {report.expected_revision})")
    if bad:
        print(f"Values DeliveryDesk cannot read: {len(bad)}")
        for value in bad:
            print(f"  {value}")
        print("Journey summaries: not compared while values cannot be read")
    else:
        _print_summary_drift(report.summary_drift)
    ok = report.ok and not bad
    print("All good." if ok else "Problems found.")
    return 0 if ok else 1


# What each journey summary column holds, for a person reading the check's report.
SUMMARY_WORDS = {
    "steps_total": "number of steps",
    "steps_done": "steps done",
    "next_step_id": "next step (its number)",
    "next_step_title": "next step",
    "next_step_due": "next step's due date",
    "next_step_owner": "who the next step waits on",
    "phase_count": "number of phases",
    "feedback_due": "feedback due",
    "first_open_me_title": "my first open step",
    "first_open_me_due": "my first open step's due date",
    "first_open_client_title": "the client's first open step",
    "first_open_client_due": "the client's first open step's due date",
    "first_open_third_party_title": "the third party's first open step",
    "first_open_third_party_due": "the third party's first open step's due date",
}
OWNER_WORDS = {Owner.ME: "me", Owner.CLIENT: "the client", Owner.THIRD_PARTY: "a third party"}
SHOWN_DRIFT = 20  # journeys listed one by one; the rest are counted


def _print_summary_drift(drift: Sequence[SummaryDrift]) -> None:
    if not drift:
        print("Journey summaries: all agree with their steps")
        return
    print(f"Journey summaries that disagree with their steps: {len(drift)}")
    for journey in drift[:SHOWN_DRIFT]:
        print(f"  {journey.client_name}, {journey.offer_name} (journey {journey.journey_id}):")
        for column, stored, expected in journey.columns:
            print(
                f"    {SUMMARY_WORDS.get(column, column)}: "
                f"shows {_value(stored)}, the steps say {_value(expected)}"
            )
    if len(drift) > SHOWN_DRIFT:
        print(f"  ... and {len(drift) - SHOWN_DRIFT} more journeys")


def _value(value: object) -> str:
    if value is None or value == "":
        return "nothing"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Owner):
        return OWNER_WORDS[value]
    return f"'{value}'" if isinstance(value, str) else str(value)
