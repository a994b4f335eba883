"""Paragraphs that may wrap and hold right-to-left words a person typed (issue 18).

reportlab breaks a paragraph into lines in the order its text is given. Handed a line
already in reading order, a right-to-left name that wraps would come out with its last
words on line one. So `para_text` keeps such text in typed order (`markup.TypedLine`) and
`TypedOrderParagraph` breaks the lines itself at its width, in typed order, then puts
each line in reading order: the first words of a name end line one, the rest begin the
next. Our own markup around the typed words keeps its place, left to right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.lib.fonts import tt2ps
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText

from deliverydesk.reports.fonts import runs
from deliverydesk.reports.markup import (
    TypedLine,
    has_typed,
    line_markup,
    needs_shaping,
    pieces,
    resolved,
)

# Shaped words can run a little wider than measured: lines are filled to this share.
FILL = 0.97
_BREAK = "<br/>"
_WIDE = 100_000.0


def word_width(word: str, style: ParagraphStyle, bold: bool = False) -> float:
    """The width of one typed word in `style`, each part in the font that prints it; a
    word HarfBuzz shapes as reportlab lays it out (joined Arabic letters are narrower)."""
    own = tt2ps(style.fontName, 1, 0) if bold else style.fontName
    if needs_shaping(word):
        return _shaped_width(word, own, float(style.fontSize), bold)
    size = style.fontSize
    return float(sum(stringWidth(text, face or own, size) for face, text in runs(word, bold)))


@lru_cache(maxsize=4096)
def _shaped_width(word: str, font: str, size: float, bold: bool) -> float:
    style = ParagraphStyle("measure", fontName=font, fontSize=size, shaping=1)
    return _markup_width(line_markup([word], bold), style)


def cut_word(word: str, room: float, style: ParagraphStyle, bold: bool = False) -> list[str]:
    """`word` as it is, or cut into pieces that each fit `room` when it is wider."""
    if word_width(word, style, bold) <= room:
        return [word]
    cut, current = [], ""
    for ch in word:
        if current and word_width(current + ch, style, bold) > room:
            cut.append(current)
            current = ""
        current += ch
    return [*cut, current] if current else cut


class TypedOrderParagraph(Paragraph):
    """A Paragraph whose markup may hold typed lines: at each width they are broken in
    typed order, then each line set in reading order. Without typed lines, a Paragraph.
    Its split parts (built by reportlab from laid-out lines) are plain Paragraphs of it."""

    def __init__(self, text: str | None, style: ParagraphStyle, *args: Any, **kwargs: Any):
        self.source = text if text is not None and has_typed(text) else None
        self._laid_width = -1.0
        super().__init__(resolved(self.source) if self.source else text, style, *args, **kwargs)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self.source is not None and available_width != self._laid_width:
            self._laid_width = available_width
            style = self.style
            indent = style.leftIndent + style.rightIndent + max(style.firstLineIndent, 0)
            markup = broken(self.source, available_width - indent, style)
            self._setup(markup, style, self.bulletText, None, cleanBlockQuotedText)
        return tuple(super().wrap(available_width, available_height))


@dataclass
class _Token:
    """A typed word (with its line) or a word of our markup, and whether a space
    precedes it."""

    text: str
    width: float
    space: bool
    typed: TypedLine | None = None


def broken(source: str, width: float, style: ParagraphStyle) -> str:
    """`source` markup broken into lines of at most `width`, typed words in typed order,
    then each line's typed words in reading order; lines joined by <br/>."""
    room = width * FILL
    space = stringWidth(" ", style.fontName, style.fontSize)
    lines: list[list[_Token]] = [[]]
    used = 0.0
    for token in _tokens(source, style, room):
        if token is None:
            lines.append([])
            used = 0.0
            continue
        needed = token.width + (space if token.space and lines[-1] else 0.0)
        if lines[-1] and used + needed > room:
            lines.append([])
            used, needed = 0.0, token.width
        lines[-1].append(token)
        used += needed
    return _BREAK.join(_line_markup(line) for line in lines)


def _tokens(source: str, style: ParagraphStyle, room: float) -> list[_Token | None]:
    """The words of `source` in typed order, None where our markup breaks the line."""
    tokens: list[_Token | None] = []
    space = False  # a space before the next word
    opened: list[str] = []  # our tags open at this point, to measure a word inside them
    for piece in pieces(source):
        if isinstance(piece, TypedLine):
            for index, word in enumerate(piece.words):
                for number, part in enumerate(cut_word(word, room, style, piece.bold)):
                    width = word_width(part, style, piece.bold)
                    tokens.append(_Token(part, width, (space or index > 0) and number == 0, piece))
            space = False
            continue
        for index, part in enumerate(piece.split(_BREAK)):
            if index:
                tokens.append(None)
                space = False
            for number, word in enumerate(_markup_words(part)):
                lead = space or number > 0 or part[:1].isspace()
                measured = "".join(opened) + word
                _follow_tags(word, opened)
                measured += "".join(f"</{_tag_name(tag)}>" for tag in reversed(opened))
                tokens.append(_Token(word, _markup_width(measured, style), lead))
            # After our words: a space when they end with one; after none, when any.
            space = part[-1:].isspace() if part.strip() else space or bool(part)
    return tokens


def _markup_words(markup: str) -> list[str]:
    """Our markup split at the spaces outside its tags' content (a <font> span with
    spaces in it stays one word)."""
    words: list[str] = []
    current, depth, in_tag = "", 0, False
    for at, ch in enumerate(markup):
        if ch == "<":
            in_tag = True
            closing = markup.startswith("</", at)
            depth += -1 if closing else 1
        elif ch == ">":
            in_tag = False
            if markup[at - 1] == "/":
                depth -= 1  # a self-closing tag
        if ch.isspace() and not in_tag and depth == 0:
            if current:
                words.append(current)
            current = ""
        else:
            current += ch
    return [*words, current] if current else words


_TAG = re.compile(r"<(/?)(\w+)[^>]*?(/?)>")


def _tag_name(tag: str) -> str:
    match = _TAG.match(tag)
    return match[2] if match else ""


def _follow_tags(markup: str, opened: list[str]) -> None:
    """`opened` (the open tags, outermost first) after `markup`."""
    for match in _TAG.finditer(markup):
        if match[1]:
            if opened and _tag_name(opened[-1]) == match[2]:
                opened.pop()
        elif not match[3]:
            opened.append(match[0])


def _markup_width(markup: str, style: ParagraphStyle) -> float:
    """The width reportlab gives a word of our markup, laid on one line."""
    paragraph = Paragraph(markup, style)
    paragraph.wrap(_WIDE, _WIDE)
    if not paragraph.blPara.lines:
        return 0.0  # a tag alone
    line = paragraph.blPara.lines[0]
    extra = line.extraSpace if hasattr(line, "extraSpace") else line[0]
    return float(_WIDE - extra)


def _line_markup(line: list[_Token]) -> str:
    """One line's markup: runs of one typed line's words in reading order, our words as
    they are, in the order given."""
    out: list[str] = []
    at = 0
    while at < len(line):
        token = line[at]
        if out and token.space:
            out.append(" ")
        if token.typed is None:
            out.append(token.text)
            at += 1
            continue
        end = at + 1
        while end < len(line) and line[end].typed is token.typed:
            end += 1
        out.append(token.typed.markup([t.text for t in line[at:end]]))
        at = end
    return "".join(out)
