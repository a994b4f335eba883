"""Telling a full disk from a failing one.

SQLite reports both as "disk I/O error" (a shared-memory file it cannot grow, say), which
alone would have the person told the disk may be failing when it is merely full. The
system says which by errno: a small probe written in the same folder fails with ENOSPC
(no space) or EDQUOT (the person's quota is used up) when the disk is full.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

FULL_ERRNOS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
PROBE_BYTES = 64 * 1024  # about what SQLite needs for its working files


def is_full(error: BaseException) -> bool:
    """True for an OSError that says the disk (or the person's quota) is full."""
    return isinstance(error, OSError) and error.errno in FULL_ERRNOS


def out_of_space(folder: Path) -> bool:
    """True when writing a little in `folder` fails for want of space. Any other outcome
    (it can be written, or it fails for another reason) is False."""
    try:
        handle, name = tempfile.mkstemp(prefix=".deliverydesk-space-", dir=folder)
    except OSError as error:
        return is_full(error)
    try:
        os.write(handle, bytes(PROBE_BYTES))
        os.fsync(handle)
    except OSError as error:
        return is_full(error)
    finally:
        os.close(handle)
        os.unlink(name)
    return False
