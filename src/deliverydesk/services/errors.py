"""Errors a use case reports to the person who asked for it."""

from __future__ import annotations

from deliverydesk.store.errors import (
    DatabaseCorrupt,
    DatabaseError,
    DatabaseLocked,
    DatabaseTooNew,
    StorageFailed,
)
from deliverydesk.wording import ENGLISH

__all__ = [
    "CheckpointBlocked",
    "DatabaseCorrupt",
    "DatabaseError",
    "DatabaseLocked",
    "DatabaseTooNew",
    "InvalidInput",
    "NotFound",
    "READ_ERRORS",
    "StorageFailed",
]

# What reading a stored value that cannot be converted raises, deep in SQLAlchemy or in a
# rule using it (an unknown enum value, a date that does not exist, JSON of the wrong
# shape); services/value_check.py finds such values.
READ_ERRORS = (LookupError, ValueError, TypeError, AttributeError, OverflowError)


class InvalidInput(Exception):
    """Input a person can fix; the message says how. Nothing was changed.

    Deliberately not a ValueError: code that turns Python's own ValueError into a message
    ("not a PDF, or it is damaged") must not catch, and reword, one of these."""


class NotFound(LookupError):
    pass


class CheckpointBlocked(Exception):
    """A move would leave a phase whose checkpoint is not done."""

    def __init__(self, checkpoints: list[str]) -> None:
        super().__init__(f"{ENGLISH.not_done(checkpoints)}.")  # "'A' and 'B' are not done."
        self.checkpoints = checkpoints
