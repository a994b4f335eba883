"""The practice's time zone: an IANA name (zoneinfo), the system's when none is set.

Sessions are stored as wall time on their due date; this zone turns them into instants
for the calendar. On Windows zoneinfo reads its zones from the tzdata package.
"""

from __future__ import annotations

import contextlib
import os
from datetime import UTC, tzinfo
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from deliverydesk.services.errors import InvalidInput
from deliverydesk.wording import RefusalCode

FALLBACK_ZONE = "UTC"  # as named; on a computer with no zone data, datetime's own UTC
MAX_ZONE_NAME = 64


def system_zone_name() -> str:
    """The computer's zone as an IANA name: TZ, /etc/timezone or where /etc/localtime
    points (Linux, macOS); UTC when none names one (Windows keeps its own names; the
    practitioner picks theirs in Settings there)."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    try:
        target = str(Path("/etc/localtime").resolve())
    except (OSError, RuntimeError):
        target = ""
    if "zoneinfo/" in target:
        candidates.append(target.split("zoneinfo/", 1)[1])
    for name in candidates:
        if name and is_zone(name):
            return name
    return FALLBACK_ZONE


def is_zone(name: str) -> bool:
    if not name or len(name) > MAX_ZONE_NAME or name.startswith(("/", ".")) or ".." in name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def clean_zone(name: str) -> str:
    """`name` stripped, "" (the system's) kept; an unknown zone is refused."""
    name = name.strip()
    if name and not is_zone(name):
        raise InvalidInput(RefusalCode.TIME_ZONE_UNKNOWN, zone=name[:MAX_ZONE_NAME])
    return name


def zone_named(stored: str) -> tzinfo:
    """The zone a practice stored ("" or a zone no longer known: the system's). A computer
    with no zone database and no tzdata knows no zone, not even "UTC" by name: then UTC
    itself, which needs no data (never a ZoneInfo error reaching the person)."""
    name = stored if is_zone(stored) else system_zone_name()
    return ZoneInfo(name) if is_zone(name) else UTC


@cache
def zone_names() -> tuple[str, ...]:
    """Every IANA zone this computer knows, sorted (for the Settings list)."""
    return tuple(sorted(available_timezones()))
