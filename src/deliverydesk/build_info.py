"""Which build this is: its version, the commit it was made from and where its data lives,
worded once for `deliverydesk --version` and Help → About."""

from __future__ import annotations

import subprocess
from importlib.resources import files
from pathlib import Path

from deliverydesk import __version__

# Written into the bundle by packaging/deliverydesk.spec; a checkout asks git instead.
BUILD_FILE = "BUILD"


def commit() -> str | None:
    """The commit this build was made from, or None when nothing recorded it (a wheel)."""
    recorded = files("deliverydesk") / BUILD_FILE
    if recorded.is_file():
        return recorded.read_text(encoding="utf-8").strip() or None
    checkout = Path(__file__).resolve().parents[2]
    if not (checkout / ".git").exists():
        return None
    try:
        result = subprocess.run(
            ["git", "-C", str(checkout), "rev-parse", "--short=12", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):  # no git, or it hung
        return None
    if result.returncode != 0:
        return None
    return result.stdout.strip() or None


def build_lines(data_folder: Path | None) -> list[str]:
    """What a person needs to report a problem: version, commit, data folder (None while
    the window is still opening it)."""
    return [
        f"DeliveryDesk {__version__}",
        f"Commit: {commit() or 'not recorded'}",
        f"Data folder: {data_folder if data_folder else 'still opening'}",
    ]
