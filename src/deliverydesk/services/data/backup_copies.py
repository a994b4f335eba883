"""A second home for backups: a folder on an external disk or a synced folder, where each
verified backup is also copied, so a lost or broken laptop does not take the backups with
it.

The folder is a setting of the data folder (`backup-copies.json` beside the database, so
the window, the command line and every job read the same one), not of the practice's
records: it names a place on this computer. The copies go in its own subfolder,
"DeliveryDesk backups". Each copy is written under a temporary name,
flushed, checked against the backup by size, and only then renamed; the copies there are
thinned by the same rule as the backups here. When the folder cannot be reached (the disk
is not connected) the backup here is still made, and the person is told in plain words.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from deliverydesk.atomic_file import replace_durably, write_atomically
from deliverydesk.services.errors import InvalidInput, RefusalCode

SETTING_FILE = "backup-copies.json"
SUBFOLDER = "DeliveryDesk backups"  # inside the folder chosen: only our files are thinned


def copy_folder(data_folder: Path) -> Path | None:
    """The folder each backup is also copied to, or None."""
    try:
        stored = json.loads((data_folder / SETTING_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return None  # none chosen (or a file no one could have meant): no copies
    folder = stored.get("folder") if isinstance(stored, dict) else None
    return Path(folder) if isinstance(folder, str) and folder else None


def set_copy_folder(data_folder: Path, folder: Path | None) -> None:
    """Copy each backup to `folder` from now on (None: stop). A folder that is not there,
    not writable, or inside the data folder is refused in plain words, and nothing changes."""
    if folder is not None:
        folder = folder.expanduser()
        if not folder.is_dir():
            raise InvalidInput(RefusalCode.COPY_FOLDER_MISSING, folder=folder)
        if folder.resolve().is_relative_to(data_folder.resolve()):
            raise InvalidInput(RefusalCode.COPY_FOLDER_INSIDE_DATA)
        if not os.access(folder, os.W_OK | os.X_OK):
            raise InvalidInput(RefusalCode.COPY_FOLDER_UNWRITABLE, folder=folder)
    setting = {"folder": str(folder) if folder is not None else ""}
    write_atomically(data_folder / SETTING_FILE, json.dumps(setting).encode("utf-8"))


def copy_backup(backup: Path, chosen: Path) -> Path:
    """Copy the finished backup file `backup` into the folder `chosen` (its SUBFOLDER),
    atomically; the copy's path. Raises InvalidInput, worded for the person, when it
    cannot be made (nothing is left behind)."""
    if not chosen.is_dir():
        raise InvalidInput(RefusalCode.COPY_DISK_GONE, folder=chosen)
    folder = chosen / SUBFOLDER
    target = folder / backup.name
    temp = folder / f".{backup.name}.tmp"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        os.close(os.open(temp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600))  # private
        shutil.copyfile(backup, temp)
        if temp.stat().st_size != backup.stat().st_size:
            raise OSError("the copy is not the size of the backup")
        replace_durably(temp, target)  # flushed, renamed, the rename flushed
    except OSError as error:
        raise InvalidInput(
            RefusalCode.COPY_NOT_MADE, folder=chosen, reason=error.strerror or str(error)
        ) from error
    finally:
        temp.unlink(missing_ok=True)
    return target
