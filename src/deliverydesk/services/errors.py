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
    "StorageFailed",
]


class InvalidInput(ValueError):
    """Input a person can fix; the message says how. Nothing was changed."""


class NotFound(LookupError):
    pass


class CheckpointBlocked(Exception):
    """A move would leave a phase whose checkpoint is not done."""

    def __init__(self, checkpoints: list[str]) -> None:
        super().__init__(f"{ENGLISH.not_done(checkpoints)}.")  # "'A' and 'B' are not done."
        self.checkpoints = checkpoints
