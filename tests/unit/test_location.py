"""A data folder in a cloud-sync folder or on a network drive is named as a risk."""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from deliverydesk.store.location import cloud_service, location_warning, network_file_system

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export/home /mnt/home nfs4 rw,relatime 0 0
//nas/share /mnt/nas cifs rw 0 0
me@host:/srv /home/me/remote\\040box fuse.sshfs rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "service"),
    [
        (PurePosixPath("/home/ana/Dropbox/DeliveryDesk"), "Dropbox"),
        (PurePosixPath("/home/ana/Dropbox (North Star)/data"), "Dropbox"),
        (PureWindowsPath(r"C:\Users\Ana\OneDrive - North Star\DeliveryDesk"), "OneDrive"),
        (PureWindowsPath(r"C:\Users\Ana\OneDrive\Documents"), "OneDrive"),
        (
            PurePosixPath("/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/dd"),
            "iCloud Drive",
        ),
        (PureWindowsPath(r"C:\Users\Ana\iCloudDrive\dd"), "iCloud Drive"),
        (PurePosixPath("/Users/ana/Google Drive/My Drive/dd"), "Google Drive"),
        (
            PurePosixPath("/Users/ana/Library/CloudStorage/GoogleDrive-ana@x.com/dd"),
            "a cloud storage service",
        ),
        (PurePosixPath("/home/ana/.local/share/DeliveryDesk"), ""),
        (PurePosixPath("/home/ana/Dropboxes-of-paper/dd"), ""),
    ],
)
def test_cloud_sync_folders_are_recognised_by_their_names(path: Path, service: str) -> None:
    assert cloud_service(path) == service


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/mnt/home/ana/dd", "nfs4"),
        ("/mnt/nas", "cifs"),
        ("/home/me/remote box/dd", "fuse.sshfs"),
        ("/home/me/remote/dd", ""),  # not the "remote box" mount
        ("/mnt/homework/dd", ""),  # a prefix of the name, not a folder inside it
        ("/tmp/dd", ""),
    ],
)
def test_network_file_systems_are_found_in_the_mount_table(path: str, kind: str) -> None:
    assert network_file_system(Path(path), MOUNTS) == kind


def test_the_warning_says_where_and_what_to_do(tmp_path: Path) -> None:
    folder = tmp_path / "Dropbox" / "DeliveryDesk"
    words = location_warning(folder, MOUNTS)
    assert "Dropbox" in words and str(folder) in words and "--data-dir" in words
    assert "network drive (nfs4)" in location_warning(Path("/mnt/home/dd"), MOUNTS)
    assert location_warning(tmp_path / "data", MOUNTS) == ""


def test_a_windows_network_path_is_a_network_drive() -> None:
    assert network_file_system(Path("//nas/share/dd"), "") == "a network share"
