"""A data folder on a disk with almost no space left (8 KB, a real small file system): the
commands that only read say the disk is full, not that it may be failing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.test_batch_export_stop import _environ, deliverydesk

pytestmark = pytest.mark.e2e

FREE = 8 * 1024


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 32 MB tmpfs (needs root and mount rights: skipped where there are none)."""
    where = tmp_path / "disk"
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=32m,mode=0700", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if sys.platform != "linux" or mounted.returncode != 0:
        pytest.skip("cannot mount a small file system here")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill_up(disk: Path) -> None:
    stats = os.statvfs(disk)
    handle = os.open(disk / "filler", os.O_CREAT | os.O_WRONLY, 0o600)
    try:
        os.posix_fallocate(handle, 0, stats.f_bavail * stats.f_frsize - FREE)
    finally:
        os.close(handle)


@pytest.mark.parametrize(
    "command",
    [["check"], ["offer", "list"], ["export", "progress", "--all", "--out-dir", "{out}"]],
    ids=["check", "offer-list", "export-all"],
)
def test_a_full_disk_is_called_full(small_disk: Path, tmp_path: Path, command: list[str]) -> None:
    practice = small_disk / "practice"
    made = deliverydesk(_environ(tmp_path), "demo", "--data-dir", str(practice))
    assert made.returncode == 0, made.stderr
    fill_up(small_disk)
    out = tmp_path / "out"
    out.mkdir()
    args = [part.replace("{out}", str(out)) for part in command]
    result = deliverydesk(_environ(tmp_path), *args, "--data-dir", str(practice))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "the disk is full" in result.stderr
    assert "failing" not in result.stderr
    shutil.rmtree(out)
