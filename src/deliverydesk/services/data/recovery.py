"""Putting a damaged data file right, for the window and the command line (store/recovery.py
does the work; this is the use-case layer's door to it)."""

from __future__ import annotations

from deliverydesk.store.backup import BackupInfo
from deliverydesk.store.recovery import (
    DAMAGED_FOLDER,
    Recovered,
    RecoveryFailed,
    repair_indexes,
    restore_backup,
    start_fresh,
    valid_backups,
)

__all__ = [
    "DAMAGED_FOLDER",
    "BackupInfo",
    "Recovered",
    "RecoveryFailed",
    "repair_indexes",
    "restore_backup",
    "start_fresh",
    "valid_backups",
]
