"""The one way a string a person typed reaches a reportlab Paragraph.

A Paragraph reads its text as markup: `<img src=...>` would embed a local file, `<a
href=...>` would write a live link, an unclosed `<b>` would stop the export. `para_text`
escapes every markup character, drops control characters and bidi overrides, replaces a
broken (lone surrogate) character, and sets each word the default font cannot print in
the fallback fonts (`fonts.runs`). Markup is only ever written by this package's own templates.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from deliverydesk.model.rules.text_rules import BIDI_CONTROLS
from deliverydesk.reports import bidi
from deliverydesk.reports.fonts import in_fallback, needs_fallback, runs

# Explicit direction marks, embeddings, overrides and isolates: a name could use them to
# show text other than what it holds; the words are ordered by reports/bidi.py instead.
# The embeddings, overrides and isolates are the ones every save drops (model/text_rules);
# the paper drops the marks too, since it orders the words itself.
_BIDI_CONTROLS = dict.fromkeys([0x200E, 0x200F, 0x061C, *map(ord, BIDI_CONTROLS)])
_WHITESPACE = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """`text` with line breaks as "\\n", tabs as spaces, and nothing unprintable: control
    characters and bidi overrides dropped, broken characters shown as U+FFFD."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = text.translate(_BIDI_CONTROLS)
    if any(unicodedata.category(ch) in ("Cc", "Cs") and ch != "\n" for ch in text):
        text = "".join(_printable(ch) for ch in text)
    return text


def _printable(ch: str) -> str:
    category = unicodedata.category(ch)
    if category == "Cs":
        return "\ufffd"
    if category == "Cc" and ch != "\n":
        return ""
    return ch


def para_text(text: str, *, bold: bool = False, lines: bool = True) -> str:
    """Markup that prints `text` literally. Line breaks become <br/> (with `lines`; else
    spaces). `bold` when the Paragraph is set bold, so the fallback font matches it.

    Text with right-to-left words stays in typed order, each line marked (`TypedLine`),
    until the paragraph builder (flow.para) knows its width: the lines are broken in typed
    order first and each put in reading order then (reports/typed_order.py)."""
    cleaned = clean_text(text)
    if not lines:
        cleaned = cleaned.replace("\n", " ")
    if bidi.has_rtl(cleaned):
        return "<br/>".join(_typed(line, bold) for line in cleaned.split("\n"))
    return "<br/>".join(line_markup(_WHITESPACE.split(line), bold) for line in cleaned.split("\n"))


# A typed line in markup: between two control characters, which clean text never holds,
# its base direction and weight, then the line as typed. Never handed to reportlab.
_OPEN, _CLOSE = "\x01", "\x02"
_TYPED = re.compile(f"{_OPEN}([LR])([B-])([^{_CLOSE}]*){_CLOSE}")


@dataclass(frozen=True)
class TypedLine:
    """One line a person typed, holding right-to-left words, in typed order."""

    words: tuple[str, ...]
    rtl: bool
    bold: bool

    def markup(self, words: Sequence[str] | None = None) -> str:
        """`words` (by default all; typed order) as markup, in reading order."""
        return line_markup(list(self.words if words is None else words), self.bold, self.rtl)


def _typed(line: str, bold: bool) -> str:
    return f"{_OPEN}{'R' if bidi.is_rtl(line) else 'L'}{'B' if bold else '-'}{line}{_CLOSE}"


def has_typed(markup: str) -> bool:
    return _OPEN in markup


def pieces(markup: str) -> list[str | TypedLine]:
    """`markup` as our own markup and the typed lines between it, in order."""
    found: list[str | TypedLine] = []
    at = 0
    for match in _TYPED.finditer(markup):
        if match.start() > at:
            found.append(markup[at : match.start()])
        words = tuple(w for w in _WHITESPACE.split(match[3]) if w)
        found.append(TypedLine(words, match[1] == "R", match[2] == "B"))
        at = match.end()
    if at < len(markup):
        found.append(markup[at:])
    return found


def resolved(markup: str) -> str:
    """`markup` with each typed line in reading order as one line: for what never wraps
    (or before the width is known)."""
    return "".join(p if isinstance(p, str) else p.markup() for p in pieces(markup))


def line_markup(words: list[str], bold: bool = False, rtl_base: bool | None = None) -> str:
    """One line's words (already clean) as markup, in display order: right-to-left words
    read right to left, with the base direction of the paragraph (`rtl_base`; by default
    the line's own)."""
    words = [w for w in words if w]
    if any(bidi.has_rtl(w) for w in words):
        base = bidi.is_rtl(" ".join(words)) if rtl_base is None else rtl_base
        words = bidi.display_words(words, base)
    # The line's runs, each a font (None: the paragraph's) and its pieces of text; a space
    # between two runs in one font joins them.
    line: list[tuple[str | None, list[str]]] = []
    for word in words:
        pieces = runs(word, bold)
        if line:
            if line[-1][0] == pieces[0][0]:
                line[-1][1].append(" ")
            else:
                line.append((None, [" "]))
        for face, text in pieces:
            if line and line[-1][0] == face:
                line[-1][1].append(text)
            else:
                line.append((face, [text]))
    return "".join(_run_markup(face, "".join(parts)) for face, parts in line)


def _run_markup(face: str | None, text: str) -> str:
    return escape(text) if face is None else f'<font face="{face}">{escape(text)}</font>'


def needs_shaping(text: str) -> bool:
    """True when `text` holds a script whose letters join or reorder (Arabic, Hebrew...):
    its Paragraph is shaped by HarfBuzz; plain Latin is not, which keeps reports fast, and
    neither is CJK (Droid Sans Fallback's characters stand alone)."""
    return any(ord(ch) >= 0x0590 and needs_fallback(ch) and in_fallback(ch) for ch in text)


def clip(text: str, limit: int = 200) -> str:
    """`text` on one line, cut with an ellipsis past `limit` characters: for a running
    header or a box, where a 10,000-character name would not fit (it flows in full in
    the body)."""
    text = " ".join(clean_text(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
