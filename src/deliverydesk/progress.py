"""Progress and cancel for long work, as plain callables: any layer can take them, no Qt.

Long work (seeding the demo, later PDF batches, imports and backups) accepts an optional
`progress(done, total)` and an optional `cancelled()`; it reports through a Tracker, which
raises Cancelled at the next step once the person has asked to stop. The window's job
runner (ui/core/jobs.py) supplies both; the command line passes neither.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Progress = Callable[[int, int], None]  # (done, total), in whatever units the work counts
CancelCheck = Callable[[], bool]  # True once the person asked to stop


class Cancelled(Exception):
    """The person stopped the work before it finished."""


@dataclass(frozen=True, slots=True)
class Tracker:
    progress: Progress | None = None
    cancelled: CancelCheck | None = None

    def step(self, done: int, total: int) -> None:
        """Stop here (raise Cancelled) if the person asked to; otherwise report progress."""
        if self.cancelled is not None and self.cancelled():
            raise Cancelled
        self.report(done, total)

    def report(self, done: int, total: int) -> None:
        """Report progress without a chance to stop (once the work can no longer be undone)."""
        if self.progress is not None:
            self.progress(done, total)
