"""Where the practice's data lives. Calling (never importing) creates the folder."""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path

from platformdirs import user_data_path

from deliverydesk import APP_NAME

HOME_VARIABLE = "DELIVERYDESK_HOME"


def resolve_data_dir(
    override: str | Path | None = None, environ: Mapping[str, str] = os.environ
) -> Path:
    """`--data-dir`, then $DELIVERYDESK_HOME, then the platform's user data folder."""
    if override:
        return Path(override).expanduser()
    if environ.get(HOME_VARIABLE):
        return Path(environ[HOME_VARIABLE]).expanduser()
    return user_data_path(APP_NAME, appauthor=False)


def data_dir(override: str | Path | None = None, environ: Mapping[str, str] = os.environ) -> Path:
    """The resolved data folder, created private to the user (0700) if needed.

    An existing folder loses what others may do with it; its owner gains nothing (a folder
    the person made read-only stays so, and the practice then opens for reading only).
    """
    path = resolve_data_dir(override, environ)
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        path.chmod(mode & 0o700)
    return path
