"""What the commands that work on the practice share: open the data folder (with the clock
--today sets), run the command, and turn a problem a person can fix into one line on stderr.

Only the error classes (plain exceptions) are imported here; the services come in when a
command runs, so building the parser does not import SQLAlchemy.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from deliverydesk.services.errors import READ_ERRORS, DatabaseError, InvalidInput, NotFound
from deliverydesk.wording import error_text

if TYPE_CHECKING:
    from deliverydesk.services.context import Context

# What a command reports as a message rather than a traceback, unless it says otherwise
# (DatabaseError: a full disk, a read-only folder, another writer...).
MISTAKES: tuple[type[Exception], ...] = (InvalidInput, NotFound, DatabaseError)


def fail(message: str, code: int = 1) -> int:
    print(f"deliverydesk: {message}", file=sys.stderr)
    return code


def run(
    folder: Path,
    args: argparse.Namespace,
    action: Callable[[Context], int],
    *,
    reported: tuple[type[Exception], ...] = MISTAKES,
    database_code: int = 1,
) -> int:
    """Open the workspace and return `action(ctx)`'s exit status; 2 when the data cannot
    be opened, 1 for a `reported` error (`database_code` for a DatabaseError)."""
    from deliverydesk.model.rules.clock import FixedClock, SystemClock
    from deliverydesk.services.context import open_workspace

    try:
        ctx = open_workspace(folder, FixedClock(args.today) if args.today else SystemClock())
    except DatabaseError as error:
        return fail(error_text(error), 2)
    try:
        return action(ctx)
    except reported as error:
        return fail(error_text(error), database_code if isinstance(error, DatabaseError) else 1)
    except READ_ERRORS:
        return unreadable(ctx)
    finally:
        ctx.close()


def unreadable(ctx: Context) -> int:
    """A command tripped over a stored value it cannot read: name the values (the error
    is re-raised, a bug to see, when every value reads well)."""
    from deliverydesk.services.data.value_check import bad_values, describe

    found = bad_values(ctx)
    if not found:
        raise  # noqa: PLE0704  (the error being handled)
    return fail(describe(found))
