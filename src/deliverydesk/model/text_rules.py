"""What makes text blank or unstorable, for every rule that checks typed text.

A name made only of spaces, zero-width or other invisible characters shows as nothing, so
it is no name; a NUL or a lone surrogate (broken UTF-16 from a paste or a damaged file)
cannot be stored at all.
"""

from __future__ import annotations

import unicodedata

# Characters that show as nothing: format (zero-width), separators, controls, marks.
_INVISIBLE = {"Cf", "Zs", "Zl", "Zp", "Cc", "Mn", "Me"}


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
