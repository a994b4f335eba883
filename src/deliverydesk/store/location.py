"""Is the data folder somewhere SQLite cannot keep it safe? A cloud-sync folder copies the
file while it is being written (and may bring back an old copy of it); a network file
system's locks are not reliable. Either can damage the data or lose recent work, so the
person is warned and told what to do instead. Only a warning: the folder is still used.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePath

# Folder names the sync clients give their folders (compared case-insensitively).
_CLOUD = (
    (re.compile(r"^dropbox( \(.+\))?$"), "Dropbox"),
    (re.compile(r"^onedrive( - .+)?$"), "OneDrive"),
    (re.compile(r"^(icloud ?drive|mobile documents|com~apple~clouddocs)$"), "iCloud Drive"),
    (re.compile(r"^(google ?drive|my drive|googledrive-.+)$"), "Google Drive"),
    (re.compile(r"^(box|box sync)$"), "Box"),
    (re.compile(r"^pcloud ?drive$"), "pCloud"),
    (re.compile(r"^(nextcloud|owncloud)$"), "Nextcloud"),
    (re.compile(r"^(megasync|mega)$"), "MEGA"),
)
# macOS keeps every File Provider service (Dropbox, OneDrive, Google Drive...) here.
_CLOUD_STORAGE = ("library", "cloudstorage")

NETWORK_FILE_SYSTEMS = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "afs", "ncpfs", "9p", "ceph",
        "glusterfs", "lustre", "gpfs", "beegfs", "davfs", "webdav", "afpfs", "ocfs2", "gfs2",
        "fuse.sshfs", "fuse.davfs2", "fuse.rclone", "fuse.s3fs", "fuse.gvfsd-fuse",
        "fuse.juicefs", "fuse.glusterfs", "fuse.cephfs",
    }
)  # fmt: skip


def cloud_service(folder: PurePath) -> str:
    """The sync service whose folder holds `folder` ("" for none)."""
    parts = [part.casefold() for part in folder.parts]
    for parent, child in zip(parts, parts[1:], strict=False):
        if (parent, child) == _CLOUD_STORAGE:
            return "a cloud storage service"
    for part in parts:
        for pattern, service in _CLOUD:
            if pattern.match(part):
                return service
    return ""


def network_file_system(folder: Path, mounts: str | None = None) -> str:
    """The network file system type `folder` lives on ("" for a local disk).

    `mounts` is the text of /proc/mounts (read when not given; on other systems only a
    Windows network path is recognised)."""
    if str(folder).startswith(("\\\\", "//")):
        return "a network share"
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
    target = str(folder)
    best, kind = "", ""
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _unescape(fields[1])
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, kind = point, fields[2]
    return kind if kind in NETWORK_FILE_SYSTEMS else ""


def location_warning(folder: Path, mounts: str | None = None) -> str:
    """Plain words on why `folder` is a risky home for the data file ("" when it is not)."""
    try:
        resolved = folder.resolve()
    except OSError:
        resolved = folder
    service = cloud_service(resolved)
    if service:
        where = f"inside a folder synced by {service}"
    else:
        kind = network_file_system(resolved, mounts)
        if not kind:
            return ""
        where = f"on a network drive ({kind})"
    return (
        f"Your data folder ({folder}) is {where}. Syncing or sharing can copy the data file "
        "while DeliveryDesk writes to it, which can damage it or lose recent work. Keep your "
        "data on this computer's own disk (start DeliveryDesk with --data-dir to choose "
        "another folder) and put copies of your backups in the cloud instead."
    )


def _unescape(field: str) -> str:
    """/proc/mounts writes a space in a mount point as \\040, a tab as \\011, and so on."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


__all__ = ["NETWORK_FILE_SYSTEMS", "cloud_service", "location_warning", "network_file_system"]
