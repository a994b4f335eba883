"""Right-to-left text on one line: the words in the order a reader of Hebrew or Arabic
expects, for reportlab, which lays words out left to right.

reportlab shapes each word with HarfBuzz (`shaping=1`), which already puts the letters of a
right-to-left word in visual order; without the optional rlbidi package it leaves the
words themselves in typed order. This is the Unicode bidirectional algorithm applied to
whole words (rules W/N/I/L2 in short): enough for names, titles and notes that mix
scripts, with no extra dependency.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Literal

Direction = Literal["L", "R", "EN", "N"]  # left-to-right, right-to-left, number, neutral

_STRONG_RTL = {"R", "AL"}
_NUMBER = {"EN", "AN"}


def word_direction(word: str) -> Direction:
    """The direction of a word: its first strong character's, else a number's, else none."""
    number = False
    for ch in word:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return "L"
        if kind in _STRONG_RTL:
            return "R"
        number = number or kind in _NUMBER
    return "EN" if number else "N"


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


def visual_order(words: Sequence[str], rtl_base: bool) -> list[str]:
    """`words` (one line, in typed order) in the order to lay them out left to right."""
    kinds = [word_direction(w) for w in words]
    base: Direction = "R" if rtl_base else "L"
    # A neutral between two words of one direction takes it (numbers count as RTL here),
    # otherwise the paragraph's.
    strong = ["R" if k == "EN" else k for k in kinds]
    resolved: list[Direction] = list(kinds)
    for index, kind in enumerate(kinds):
        if kind != "N":
            continue
        before = next((strong[i] for i in range(index - 1, -1, -1) if strong[i] != "N"), base)
        after = next((strong[i] for i in range(index + 1, len(kinds)) if strong[i] != "N"), base)
        resolved[index] = before if before == after else base
    levels = [_level(kind, rtl_base) for kind in resolved]
    order = list(range(len(words)))
    # L2: from the highest level down to the lowest odd one, reverse every run at or above.
    lowest_odd = min((lv for lv in levels if lv % 2), default=None)
    if lowest_odd is None:
        return list(words)
    for level in range(max(levels), lowest_odd - 1, -1):
        index = 0
        while index < len(order):
            if levels[order[index]] < level:
                index += 1
                continue
            end = index
            while end < len(order) and levels[order[end]] >= level:
                end += 1
            order[index:end] = reversed(order[index:end])
            index = end
    return [words[i] for i in order]


def _level(kind: Direction, rtl_base: bool) -> int:
    """Embedding level of a resolved word (rules I1 and I2)."""
    if not rtl_base:
        return {"L": 0, "N": 0, "R": 1, "EN": 2}[kind]
    return {"R": 1, "N": 1, "L": 2, "EN": 2}[kind]
