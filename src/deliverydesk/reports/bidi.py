"""Right-to-left text on one line: what to hand reportlab so that it prints in the order a
reader of Hebrew or Arabic expects.

A line is put in display order by the Unicode bidirectional algorithm (python-bidi, the
full algorithm of UAX #9, with the paragraph's base direction): levels resolved for every
character, runs reversed, brackets mirrored. reportlab then lays the line's words out left
to right, shaping each with HarfBuzz (`shaping=1`), which draws a word holding Arabic or
Hebrew letters right to left, joining the letters in the order they are given. So such a
word is handed over reversed (letters back in reading order for the joining), with the
mirroring undone that HarfBuzz applies again; every other word goes as displayed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

# The pure-Python implementation: it mirrors brackets (the Rust one's display does not).
from bidi.algorithm import get_display
from bidi.mirror import MIRRORED

_STRONG_RTL = {"R", "AL"}


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in _STRONG_RTL for ch in text)


def is_rtl(text: str) -> bool:
    """True when the text's first strong character is right-to-left (its base direction)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return False
        if kind in _STRONG_RTL:
            return True
    return False


def display_words(words: Sequence[str], rtl_base: bool) -> list[str]:
    """One line's `words` (typed order) as reportlab should set them, left to right."""
    line = " ".join(w for w in words if w)
    shown = get_display(line, base_dir="R" if rtl_base else "L")
    return [_for_harfbuzz(word) for word in shown.split(" ") if word]


def _for_harfbuzz(word: str) -> str:
    """A displayed word as HarfBuzz must be given it to draw it so."""
    if not has_rtl(word):
        return word
    return "".join(MIRRORED.get(ch, ch) for ch in reversed(word))
