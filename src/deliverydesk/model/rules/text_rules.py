"""What makes text blank or unstorable, for every rule that checks typed text.

A name made only of spaces, zero-width or other invisible characters shows as nothing, so
it is no name; a NUL or a lone surrogate (broken UTF-16 from a paste or a damaged file)
cannot be stored at all.

A single-line field (a name, a title) never keeps the bidi embedding and override
controls U+202A-U+202E or the isolates U+2066-U+2069: "Ann \u202eexe.txt\u202c" would show
as "Ann txt.exe" in the window and in a calendar. The marks U+200E/U+200F stay (they only
say which way a neutral character leans), and the paper's own bidi step runs after.
"""

from __future__ import annotations

import re
import unicodedata

# Characters that show as nothing: format (zero-width), separators, controls, marks.
_INVISIBLE = {"Cf", "Zs", "Zl", "Zp", "Cc", "Mn", "Me"}


BIDI_CONTROLS = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
_A_BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Runs of what breaks a line or controls a terminal (categories Cc, Zl, Zp): one space
# in a single-line field.
# Not NUL: text holding one is refused as unstorable (`storable`), never quietly cleaned.
_BREAKS = re.compile("[\x01-\x1f\x7f-\x9f\u2028\u2029]+")


def without_bidi_controls(text: str) -> str:
    """`text` with the bidi embedding, override and isolate controls removed."""
    return text if text.isascii() else _A_BIDI_CONTROL.sub("", text)


def single_line(text: str) -> str:
    """A name or title as a single-line field keeps it: bidi controls removed, each run
    of line breaks, tabs and other control characters one space, trimmed."""
    return _BREAKS.sub(" ", without_bidi_controls(text)).strip()


def is_blank(text: str) -> bool:
    """True for text with nothing visible in it (spaces, zero-width characters...)."""
    return all(unicodedata.category(ch) in _INVISIBLE for ch in text)


def storable(text: str) -> bool:
    """False for text holding a NUL or a broken character (a lone surrogate)."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
