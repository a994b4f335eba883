"""Backups of the practice: taking them, listing them, thinning them, restoring one.

Every backup is a verified, private copy (store/backup.py) in the data folder's
`backups/`. They are taken by hand, at start when the last is older than a day, every 30
minutes while the data changes (the window's timer), and before migrations, imports,
restores and emptying the trash. After each one the folder is thinned by the retention
rule (model/rules/retention.py): the newest verified backup is never deleted.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from deliverydesk.model.rules.retention import Dated, Tiers, backups_to_keep
from deliverydesk.services.changes import Changes, Result
from deliverydesk.services.context import Context
from deliverydesk.services.data.backup_copies import copy_backup, copy_folder
from deliverydesk.services.errors import DatabaseError, InvalidInput, RefusalCode
from deliverydesk.store import migrate
from deliverydesk.store.backup import BackupInfo as BackupInfo  # the window's type too
from deliverydesk.store.backup import (
    backup_files,
    backup_info,
    backup_infos,
    remove_stale_temporaries,
    verified_backup,
)
from deliverydesk.store.database import open_database
from deliverydesk.store.restore import Restored as Restored  # the window's type too
from deliverydesk.store.restore import restore_database
from deliverydesk.store.schema import DATABASE_NAME

FOLDER = "backups"
AUTO = "auto"  # at start, and every 30 minutes while the data changes
MANUAL = "manual"  # "Back up now", `deliverydesk backup`
BEFORE_IMPORT = "before-import"
BEFORE_EMPTY_TRASH = "before-empty-trash"
BEFORE_RESTORE = "before-restore"  # the data as it was: restoring it undoes a restore
SET_ASIDE = "set-aside"  # a file that could not be copied, moved aside whole at a restore
DAILY = timedelta(days=1)


def backups_folder(data_folder: Path) -> Path:
    return data_folder / FOLDER


def list_backups(data_folder: Path) -> list[BackupInfo]:
    """Every backup in the data folder, newest first, with what it holds."""
    return backup_infos(backups_folder(data_folder))


def back_up(ctx: Context, label: str = MANUAL, now: datetime | None = None) -> BackupInfo:
    """A verified backup of the open practice, then the folder thinned. Raises
    DatabaseError (worded for the person) when the copy cannot be made or proved sound."""
    folder = backups_folder(ctx.path.parent)
    path = verified_backup(ctx.path, folder, label, now)
    prune(ctx.path.parent, now)
    info = next(backup_info(b) for b in backup_files(folder) if b.path == path)
    elsewhere = copy_folder(ctx.path.parent)
    if elsewhere is None:
        return info
    try:  # the backup here is made whatever becomes of its copy
        copied = copy_backup(path, elsewhere)
    except InvalidInput as problem:
        return replace(info, copy_problem=str(problem))
    thin(copied.parent, now, ours=False)
    return replace(info, copied_to=copied)


def last_backup_at(data_folder: Path, now: datetime | None = None) -> datetime | None:
    """When the newest backup was taken. Given `now`, a backup stamped later than it (taken
    while the clock was set ahead) does not count: it would put the next one off for as
    long as the clock was ahead."""
    found = backup_files(backups_folder(data_folder))
    taken = [b.taken_at for b in found if now is None or b.taken_at <= now]
    return taken[0] if taken else None


def back_up_if_due(
    ctx: Context, max_age: timedelta = DAILY, now: datetime | None = None
) -> BackupInfo | None:
    """A backup when the newest one not stamped in the future is older than `max_age` (or
    there is none), else None."""
    moment = now or datetime.now(UTC)
    last = last_backup_at(ctx.path.parent, moment)
    if last is not None and moment - last < max_age:
        return None
    return back_up(ctx, AUTO, moment)


def prune(data_folder: Path, now: datetime | None = None, tiers: Tiers | None = None) -> list[Path]:
    """Delete the backups the retention rule lets go, and what killed backups left."""
    return thin(backups_folder(data_folder), now, tiers)


def thin(
    folder: Path, now: datetime | None = None, tiers: Tiers | None = None, *, ours: bool = True
) -> list[Path]:
    """Delete the backups in `folder` the retention rule lets go and, in a folder that is
    `ours` alone, what killed backups left (not in the folder copies go to: other
    programs' temporary files may be there too)."""
    moment = now or datetime.now(UTC)
    found = backup_files(folder)
    local = moment.astimezone()  # days, weeks and months as the person counts them
    keep = backups_to_keep(
        [Dated(b.path, b.taken_at.astimezone(local.tzinfo), b.label != SET_ASIDE) for b in found],
        local,
        tiers,
    )
    removed = []
    for backup in found:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed + (remove_stale_temporaries(folder, moment) if ours else [])


def restore_in_place(ctx: Context, source: Path) -> Result[Restored]:
    """Replace the open practice with the backup `source`, then reopen on it. The value
    names where the data as it was is kept: restoring that undoes this.

    DatabaseError (with a message for the person) leaves the practice as it was and
    open. A restored file that then fails to open is put back the same way. The context
    keeps its identity: whoever holds it reads the restored practice.
    """
    folder = ctx.path.parent
    ctx.close()
    try:
        restored = restore_backup(folder, source)
    except BaseException:
        ctx.db = open_database(folder)
        raise
    try:
        ctx.db = open_database(folder)
    except DatabaseError as error:
        if restored.kept is None:
            raise
        restore_backup(folder, restored.kept)
        ctx.db = open_database(folder)
        raise DatabaseError(RefusalCode.BACKUP_UNOPENABLE, reason=error) from error
    return Result(restored, Changes.all())


def restore_backup(data_folder: Path, source: Path) -> Restored:
    """Put the backup (or any DeliveryDesk database file) `source` in place of the practice
    in `data_folder`, keeping the current data as a `before-restore` backup.

    The practice must be closed (Workspace.data.restore_backup does that). Raises DatabaseError
    with the practice untouched when `source` cannot be used.
    """
    return restore_database(
        source,
        data_folder / DATABASE_NAME,
        backups_folder(data_folder),
        migrate.known_revisions(),
    )
