"""Flowables for text a person typed, tick boxes, and headings that make bookmarks.

`user_paragraph` is how free text (a note, a letter, a step title) enters a story: plain
text through the escaping helper, and text with right-to-left words through `BidiLines`,
which breaks the lines itself so that each line's words can be put in reading order.
Both flow across pages; neither ever sits in a table cell unbounded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, TableStyle

from deliverydesk.reports import bidi
from deliverydesk.reports.markup import clean_text, line_markup, needs_shaping, para_text
from deliverydesk.reports.styles import shaped
from deliverydesk.reports.typed_order import FILL, TypedOrderParagraph, cut_word, word_width

_WHITESPACE = re.compile(r"\s+")


# A paragraph longer than this is set as several: reportlab re-reads the rest of a paragraph
# at every page break, so one megabyte in one Paragraph would take minutes.
CHUNK = 3_000


def user_paragraph(text: str, style: ParagraphStyle, *, bold: bool = False) -> Flowable:
    """`text` as one flowing block in `style`; right-to-left text is set right-aligned."""
    if len(text) > CHUNK:
        return Stack([_paragraph(part, style, bold) for part in _chunks(clean_text(text))])
    return _paragraph(text, style, bold)


def sentence(text: str, style: ParagraphStyle, *, lead: str = "") -> Flowable:
    """One of our English sentences holding words a person typed (a phase's name, the
    practice's name), after a `lead` in bold. Left to right whatever the words: with a
    right-to-left name, its lines are broken in typed order first and each line ordered
    then (`BidiLines`), so a name that wraps keeps its words on the right lines."""
    if bidi.has_rtl(text):
        return BidiLines(text, style, rtl_base=False, lead=lead)
    markup = f"<b>{para_text(lead, bold=True, lines=False)}</b> " if lead else ""
    return para(markup + para_text(text), style, text)


def label_text(text: str, style: ParagraphStyle) -> Flowable:
    """A short name a person typed, bold, on one line or a few, in the style's own
    alignment whatever its direction (a label under a node); a right-to-left name that
    wraps is broken in typed order, then each line ordered (`BidiLines`)."""
    text = " ".join(clean_text(text).split())
    if bidi.has_rtl(text):
        return BidiLines(text, style, bold=True, keep_alignment=True)
    return para(para_text(text, bold=True, lines=False), style, text)


def _paragraph(text: str, style: ParagraphStyle, bold: bool) -> Flowable:
    if not bidi.has_rtl(text):
        if needs_shaping(text):
            style = shaped(style)
        return Paragraph(para_text(text, bold=bold), style)
    return BidiLines(text, style, bold=bold)


_SENTENCE_END = re.compile(r"[.!?。！？][\"'”’)]*\s+")


def _chunks(text: str) -> list[str]:
    """`text` cut into pieces of at most CHUNK characters: at line breaks where it has
    them, else after a sentence (a piece starts a new line, so never mid-sentence), else
    after a word (a 5,000-character word is cut anywhere)."""
    pieces: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > CHUNK:
            ends = [m.end() for m in _SENTENCE_END.finditer(line, 0, CHUNK)]
            cut = ends[-1] if ends and ends[-1] > CHUNK // 5 else line.rfind(" ", 0, CHUNK)
            cut = cut if cut > CHUNK // 5 else CHUNK
            pieces.append(line[:cut])
            line = line[cut:].lstrip()
        if current and len(current) + len(line) + 1 > CHUNK:
            pieces.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    return [p for p in [*pieces, current] if p.strip()]


class Stack(Flowable):
    """Flowables one under another that split between them: a long text's pieces."""

    def __init__(self, parts: list[Flowable]) -> None:
        super().__init__()
        self.parts = parts

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = sum(p.wrap(available_width, available_height)[1] for p in self.parts)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> Sequence[Flowable]:
        """What fits in `available_height` (the part that crosses it split too), and the
        rest; nothing when not even a first line fits."""
        fitting: list[Flowable] = []
        used = 0.0
        for index, part in enumerate(self.parts):
            _, height = part.wrap(available_width, available_height)
            if used + height <= available_height:
                fitting.append(part)
                used += height
                continue
            pieces = part.split(available_width, available_height - used)
            if pieces:
                fitting.append(pieces[0])
                rest = [*pieces[1:], *self.parts[index + 1 :]]
            else:
                rest = list(self.parts[index:])
            break
        else:
            return []
        # The rest as separate flowables: a Stack of them would be measured again on every
        # page, which is quadratic for a megabyte of text.
        return [Stack(fitting), *rest] if fitting and rest else []

    def getSpaceBefore(self) -> float:  # noqa: N802 (reportlab's name)
        return float(self.parts[0].getSpaceBefore()) if self.parts else 0.0

    def getSpaceAfter(self) -> float:  # noqa: N802 (reportlab's name)
        return float(self.parts[-1].getSpaceAfter()) if self.parts else 0.0

    def draw(self) -> None:
        y = self.height
        for part in self.parts:
            _, height = part.wrap(self.width, y)
            y -= height
            part.drawOn(self.canv, 0, y)


def para(markup: str, style: ParagraphStyle, *user_texts: str) -> Paragraph:
    """A Paragraph of markup this package wrote (its user parts already through
    para_text); shaped when any of `user_texts` needs it. Typed right-to-left words in it
    wrap in typed order (`TypedOrderParagraph`)."""
    if any(needs_shaping(text) for text in user_texts):
        style = shaped(style)
    return TypedOrderParagraph(markup, style)


class BidiLines(Flowable):
    """Text with right-to-left words, broken into lines here and set one Paragraph per line,
    its words in reading order. Splits between lines, so any length flows across pages.

    Each typed line's base direction is its own, unless `rtl_base` says it (False for our
    English sentences around a name). `lead`, set bold before the text on the first line,
    is left-to-right text of ours: it keeps its place at the start of a left-to-right line.
    A right-to-left line is right-aligned unless `keep_alignment` (a label under a node).
    """

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        *,
        bold: bool = False,
        rtl_base: bool | None = None,
        lead: str = "",
        keep_alignment: bool = False,
    ) -> None:
        super().__init__()
        self.text = clean_text(text)
        self.style = style
        self.bold = bold
        self.rtl_base = rtl_base
        self.lead = lead.split()
        self.keep_alignment = keep_alignment
        self._lines: list[Paragraph] = []
        self._width = -1.0

    def _layout(self, width: float) -> list[Paragraph]:
        if width != self._width:
            self._lines = []
            # Each paragraph (a line the person typed) has its own base direction: an
            # Arabic line under an English one reads right to left, right-aligned.
            for index, paragraph in enumerate(self.text.split("\n")):
                rtl = bidi.is_rtl(paragraph) if self.rtl_base is None else self.rtl_base
                style = shaped(self.style, right=rtl and not self.keep_alignment)
                lead = self.lead if index == 0 and not rtl else []
                for number, words in enumerate(self._break(paragraph, width, len(lead))):
                    if number == 0 and lead:
                        bold = line_markup(lead, bold=True)
                        markup = f"<b>{bold}</b> {line_markup(words[len(lead) :], self.bold, rtl)}"
                    else:
                        markup = line_markup(words, self.bold, rtl)
                    self._lines.append(Paragraph(markup, style))
            self._width = width
        return self._lines

    def _break(self, text: str, width: float, lead: int = 0) -> list[list[str]]:
        """Greedy line breaking by measured word widths, in typed order; a word wider than
        the line is cut. The first `lead` words are the bold lead's."""
        space = stringWidth(" ", self.style.fontName, self.style.fontSize)
        room = width * FILL
        lines: list[list[str]] = [[]]
        used = 0.0
        words = [*self.lead[:lead], *(w for w in _WHITESPACE.split(text) if w)]
        for index, word in enumerate(words):
            bold = index < lead or self.bold
            for piece in cut_word(word, room, self.style, bold):
                needed = word_width(piece, self.style, bold) + (space if lines[-1] else 0)
                if lines[-1] and used + needed > room:
                    lines.append([])
                    used, needed = 0.0, word_width(piece, self.style, bold)
                lines[-1].append(piece)
                used += needed
        return lines

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        lines = self._layout(available_width)
        self.height = sum(line.wrap(available_width, available_height)[1] for line in lines)
        self.width = available_width
        return available_width, self.height

    def split(self, available_width: float, available_height: float) -> Sequence[Flowable]:
        return Stack(self._layout(available_width)).split(available_width, available_height)

    def getSpaceAfter(self) -> float:  # noqa: N802 (reportlab's name)
        return float(self.style.spaceAfter)

    def draw(self) -> None:
        y = self.height
        for line in self._lines:
            _, height = line.wrap(self.width, y)
            y -= height
            line.drawOn(self.canv, 0, y)


class TickBox(Flowable):
    """A tick box drawn as a vector square (a font's box glyph may print as nothing), ticked
    when done. Black on white: it reads the same on any printer."""

    def __init__(self, size: float, done: bool = False, stroke: float = 0.8) -> None:
        super().__init__()
        self.size = size
        self.done = done
        self.stroke = stroke
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canvas, s = self.canv, self.size
        canvas.saveState()
        canvas.setLineWidth(self.stroke)
        canvas.setStrokeColorRGB(0, 0, 0)
        canvas.rect(0, 0, s, s, stroke=1, fill=0)
        if self.done:
            canvas.setLineWidth(self.stroke * 1.6)
            canvas.setLineCap(1)
            canvas.setLineJoin(1)
            path = canvas.beginPath()
            path.moveTo(s * 0.2, s * 0.52)
            path.lineTo(s * 0.42, s * 0.28)
            path.lineTo(s * 0.82, s * 0.78)
            canvas.drawPath(path, stroke=1, fill=0)
        canvas.restoreState()


class Bookmark:
    """An entry of the PDF's outline (its bookmarks) and the destination it opens."""

    def __init__(self, title: str, level: int = 0) -> None:
        self.title = title
        self.level = level
        self.key = f"section-{id(self)}"

    def place(self, canvas: Canvas, top: float) -> None:
        """The destination at `top` (in the drawing's coordinates) on the current page."""
        canvas.bookmarkHorizontal(self.key, 0, top)
        canvas.addOutlineEntry(clean_text(self.title).replace("\n", " "), self.key, self.level)


class MarkedParagraph(TypedOrderParagraph):
    """A heading that makes its own outline entry as it is drawn, so the bookmark and a
    contents line land on the page the heading is on (a separate mark could be left at the
    foot of the page before)."""

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle,
        *args: Any,
        bookmark: Bookmark | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(text, style, *args, **kwargs)
        self.bookmark = bookmark

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts: list[Flowable] = list(super().split(available_width, available_height))
        if parts and isinstance(parts[0], MarkedParagraph):
            parts[0].bookmark = self.bookmark  # the entry goes with the first lines
        return parts

    def draw(self) -> None:
        if self.bookmark is not None:
            self.bookmark.place(self.canv, self.height + self.style.fontSize * 0.5)
        super().draw()


def marked(
    markup: str, style: ParagraphStyle, bookmark: Bookmark | None, *user_texts: str
) -> Paragraph:
    """`para`, making `bookmark`'s outline entry where the paragraph is drawn."""
    if any(needs_shaping(text) for text in user_texts):
        style = shaped(style)
    return MarkedParagraph(markup, style, bookmark=bookmark)


def table_style(commands: Sequence[tuple[object, ...]], font: str) -> TableStyle:
    """A table's style, its cells set in `font`: reportlab would otherwise select Helvetica
    (a standard, unembedded font) in every table, even one holding only flowables."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), font), *commands])
