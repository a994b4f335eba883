"""The open workspace every use case runs in: the database and the clock."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from deliverydesk.model.rules.clock import Clock, SystemClock
from deliverydesk.services.errors import InvalidInput
from deliverydesk.store.database import Database, open_database
from deliverydesk.store.errors import StorageFailed, storage_failure
from deliverydesk.store.integrity import IntegrityReport
from deliverydesk.wording import Note, RefusalCode


@dataclass
class Context:
    db: Database
    clock: Clock = field(default_factory=SystemClock)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One transaction per user action: committed on success, rolled back on error.

        It starts with BEGIN IMMEDIATE: another program's write makes it wait (up to the
        busy timeout) rather than fail. A write the database cannot take (still locked,
        disk full, read-only, I/O) becomes StorageFailed, worded for the person. A practice
        open for reading only refuses at once, saying why.
        """
        if self.db.read_only:
            raise StorageFailed(
                RefusalCode.READ_ONLY_PRACTICE, self.db.path, read_only=self.db.why_read_only
            )
        try:
            with self.db.writes.begin() as session:
                yield session
        except (OperationalError, OSError) as error:
            raise storage_failure(error, self.db.path) from error
        except OverflowError as error:  # a date pushed past the calendar's end (year 9999)
            raise InvalidInput(RefusalCode.DATE_BEYOND_CALENDAR) from error

    def check(self) -> IntegrityReport:
        return self.db.check()

    @property
    def path(self) -> Path:
        return self.db.path

    @property
    def read_only(self) -> str:
        """Why the practice can only be read, in English ("" when it can be changed)."""
        return self.db.read_only

    @property
    def why_read_only(self) -> Note | None:
        """Why the practice can only be read, to be worded (None when it can be changed)."""
        return self.db.why_read_only

    def close(self) -> bool:
        """False when the write-ahead log could not be folded back in (which is safe)."""
        return self.db.close()


def open_workspace(data_dir: Path, clock: Clock | None = None) -> Context:
    """Open the practice in `data_dir`. Raises DatabaseError with a message for the user."""
    return Context(open_database(data_dir), clock or SystemClock())
