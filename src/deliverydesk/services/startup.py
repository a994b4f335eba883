"""Before a workspace exists: the first board of a start, painted from a snapshot, and a
damaged data file put right. The window's start (ui/app.py, ui/recovery_dialog.py) and
`deliverydesk recover` run before Workspace.open has succeeded, so they cannot go through
the workspace's rooms: this module is their one door into services.

Light on purpose: the window imports it before its first paint; what puts a damaged file
right is imported only when one is found.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from deliverydesk.services.views.startup import FirstBoard, first_board

if TYPE_CHECKING:  # store/recovery.py is imported when a file is damaged, never before
    from deliverydesk.store.backup import BackupInfo
    from deliverydesk.store.recovery import Recovered

__all__ = ["BackupInfo", "Choice", "FirstBoard", "Recovered", "first_board", "kept_in", "put_right"]


class Choice(Enum):
    """What the person chose for a damaged file whose indexes could not be rebuilt."""

    RESTORE = "restore"  # the newest sound backup
    FRESH = "fresh"  # an empty practice
    QUIT = "quit"  # nothing moves; look first


def put_right(folder: Path, choose: Callable[[list[BackupInfo]], Choice]) -> Recovered | None:
    """The recovery ladder for the damaged data file in `folder`: its indexes rebuilt on a
    copy when that is all it needs (nothing can be lost, so no one is asked), else what
    `choose` picks given the sound backups (newest first). None when the choice was to quit:
    nothing moved. Raises RecoveryFailed (a DatabaseError), with what was in place still in
    place, when the chosen step cannot be done. Whatever is done, the damaged file is kept aside."""
    from deliverydesk.store import recovery

    outcome = recovery.repair_indexes(folder)
    if outcome is not None:
        return outcome
    backups = recovery.valid_backups(folder)
    chosen = choose(backups)
    if chosen is Choice.RESTORE and backups:
        return recovery.restore_backup(folder, backups[0].path)
    if chosen is Choice.FRESH:
        return recovery.start_fresh(folder)
    return None


def kept_in(folder: Path) -> Path:
    """Where a damaged data file in `folder` is kept aside (each recovery in its own
    dated folder inside)."""
    from deliverydesk.store.recovery import DAMAGED_FOLDER

    return folder / DAMAGED_FOLDER
