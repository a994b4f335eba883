"""Errors a use case reports to the person who asked for it."""

from __future__ import annotations

from deliverydesk.store.errors import (
    DatabaseCorrupt,
    DatabaseError,
    DatabaseLocked,
    DatabaseTooNew,
    StorageFailed,
)
from deliverydesk.wording import Refusal, RefusalCode

__all__ = [
    "CheckpointBlocked",
    "DatabaseCorrupt",
    "DatabaseError",
    "DatabaseLocked",
    "DatabaseTooNew",
    "InvalidInput",
    "NotFound",
    "READ_ERRORS",
    "Refusal",
    "RefusalCode",
    "StorageFailed",
]

# What reading a stored value that cannot be converted raises, deep in SQLAlchemy or in a
# rule using it (an unknown enum value, a date that does not exist, JSON of the wrong
# shape); services/data/value_check.py finds such values.
READ_ERRORS = (LookupError, ValueError, TypeError, AttributeError, OverflowError)


class InvalidInput(Refusal):
    """Input a person can fix; the words say how. Nothing was changed.

    Deliberately not a ValueError: code that turns Python's own ValueError into a message
    ("not a PDF, or it is damaged") must not catch, and reword, one of these."""


class NotFound(Refusal, LookupError):
    """What the person acted on is gone (removed in another window, or by undo)."""


class CheckpointBlocked(Refusal):
    """A move would leave a phase whose checkpoint is not done."""

    def __init__(self, checkpoints: list[str]) -> None:
        # "'A' and 'B' are not done."
        super().__init__(RefusalCode.CHECKPOINTS_NOT_DONE, checkpoints=checkpoints)
        self.checkpoints = checkpoints
