"""What each headless command does; cli.py only parses."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from deliverydesk.model.clock import Clock, FixedClock, SystemClock
from deliverydesk.services.context import Context, open_workspace
from deliverydesk.services.errors import DatabaseError, InvalidInput


def _clock(args: argparse.Namespace) -> Clock:
    return FixedClock(args.today) if args.today else SystemClock()


def _open(folder: Path, args: argparse.Namespace) -> Context | None:
    try:
        return open_workspace(folder, _clock(args))
    except DatabaseError as error:
        print(f"deliverydesk: {error}", file=sys.stderr)
        return None


def demo(folder: Path, args: argparse.Namespace) -> int:
    from deliverydesk.seeding.demo import seed_demo

    ctx = _open(folder, args)
    if ctx is None:
        return 2
    try:
        summary = seed_demo(ctx)
    except InvalidInput as error:
        print(f"deliverydesk: {error}", file=sys.stderr)
        return 1
    finally:
        ctx.close()
    print(f"Demo practice ready in {folder}: {summary}")
    return 0


def seed_scale(folder: Path, args: argparse.Namespace) -> int:
    from deliverydesk.seeding.scale import seed_scale as seed

    ctx = _open(folder, args)
    if ctx is None:
        return 2
    try:
        summary = seed(ctx, clients=args.clients, steps_per_journey=args.steps)
    except InvalidInput as error:
        print(f"deliverydesk: {error}", file=sys.stderr)
        return 1
    finally:
        ctx.close()
    print(f"Benchmark data ready in {folder}: {summary}")
    return 0


def check(folder: Path, args: argparse.Namespace) -> int:
    ctx = _open(folder, args)
    if ctx is None:
        return 2
    try:
        report = ctx.check()
    finally:
        ctx.close()
    print(f"Database: {ctx.path}")
    print(f"Integrity: {'; '.join(report.integrity[:5])}")
    print(f"Broken links between records: {report.foreign_key_problems}")
    print(f"Schema: {report.schema_revision} (this version expects {report.expected_revision})")
    print("All good." if report.ok else "Problems found.")
    return 0 if report.ok else 1
