"""The page: the brand band on the first page, a slim header after it, the footer with the
contact line and "Page 1 of 2", the PDF's metadata and outline, and the build itself.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageTemplate,
    Spacer,
)

from deliverydesk.reports import theme as t
from deliverydesk.reports.data import Brand
from deliverydesk.reports.flow import Bookmark, label_text, para
from deliverydesk.reports.fonts import register_fonts
from deliverydesk.reports.markup import clip, para_text, resolved
from deliverydesk.reports.styles import replace_style, styles_for

BAND_HEIGHT = 30 * mm
BAND_NAME, BAND_TAGLINE = 50, 80  # characters: two lines each at most in the band
LOGO_HEIGHT = 14 * mm
FOOTER_Y = 12 * mm
HEADER_ROOM = 5 * mm  # later pages: white between the running header's rule and the body


@dataclass
class Page:
    """One document's page furniture; `notes` collects what the export should tell the
    person (a logo left out...)."""

    brand: Brand
    title: str  # the document's name: metadata and the header of later pages
    subject: str = ""
    band: bool = True  # False: black and white only (the checklist)
    kind_label: str = ""  # small capitals at the band's right ("PROGRESS REPORT")
    date_label: str = ""
    notes: list[str] = field(default_factory=list)
    pages: int = 0  # how many pages the last build made
    cover: bool = False  # the first page is a cover: no page number on it

    def __post_init__(self) -> None:
        register_fonts()
        self.theme = t.theme_for(self.brand)
        self.styles = styles_for(self.theme)
        self.logo, problem = t.check_logo(self.brand.logo_file)
        if problem:
            self.notes.append(problem)


class _Document(BaseDocTemplate):
    """Tells a table of contents about each bookmarked section as it is placed."""

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab's name)
        mark = getattr(flowable, "bookmark", None)
        if isinstance(mark, Bookmark) and mark.level == 0:
            # The contents line is one line: its typed words in reading order at once.
            title = resolved(para_text(mark.title, lines=False))
            self.notify("TOCEntry", (0, title, self.page, mark.key))


def first_page_room(page: Page, first_top: float | None = None) -> float:
    """The height of the first page's frame."""
    height = page.theme.page[1]
    top = BAND_HEIGHT + 8 * mm if first_top is None else first_top
    return float(height - top - t.MARGIN_BOTTOM - 1 * mm)  # a millimetre to spare


def measure(page: Page, story: Sequence[Flowable]) -> float:
    """How tall `story` is on the page's width, measured without making a PDF."""
    scratch = Canvas(io.BytesIO(), pagesize=page.theme.page)
    used = 0.0
    for flowable in story:
        _, h = flowable.wrapOn(scratch, page.theme.width, 100_000)
        used += float(h) + float(flowable.getSpaceBefore()) + float(flowable.getSpaceAfter())
    return used


def build(
    page: Page, story: Sequence[Flowable], *, first_top: float | None = None, contents: bool = False
) -> bytes:
    """The PDF's bytes: `story` laid out on the page furniture of `page`; with `contents`,
    laid out until the table of contents in it settles (two or three passes)."""
    theme = page.theme
    width, height = theme.page
    first_top = BAND_HEIGHT + 8 * mm if first_top is None else first_top
    frame_width = width - 2 * t.MARGIN_X
    first = Frame(
        t.MARGIN_X,
        t.MARGIN_BOTTOM,
        frame_width,
        height - first_top - t.MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="first",
    )
    later = Frame(
        t.MARGIN_X,
        t.MARGIN_BOTTOM,
        frame_width,
        height - t.MARGIN_TOP - HEADER_ROOM - t.MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="later",
    )
    buffer = io.BytesIO()
    document = _Document(
        buffer,
        pagesize=theme.page,
        title=page.title,
        author=page.brand.name,
        subject=page.subject,
        creator="DeliveryDesk",
        producer="DeliveryDesk (reportlab)",
        lang="en",
        initialFontName=theme.family.regular,
        initialFontSize=t.BODY,
        leftMargin=t.MARGIN_X,
        rightMargin=t.MARGIN_X,
        topMargin=t.MARGIN_TOP,
        bottomMargin=t.MARGIN_BOTTOM,
        # Real creation dates; the reproducible-builds convention fixes them (and the
        # document's id) when SOURCE_DATE_EPOCH is set, for tests that compare bytes.
        invariant=1 if os.environ.get("SOURCE_DATE_EPOCH", "").strip() else 0,
    )
    document.addPageTemplates(
        [
            PageTemplate("first", [first], onPage=lambda c, d: _first_page(c, page)),
            PageTemplate("later", [later], onPage=lambda c, d: _later_page(c, page)),
        ]
    )
    canvas = _numbered(lambda c, n: _footer(c, page, n))
    if contents:
        document.multiBuild([NextPageTemplate("later"), *story], canvasmaker=canvas)
    else:
        document.build([NextPageTemplate("later"), *story], canvasmaker=canvas)
    return buffer.getvalue()


def _numbered(footer: Callable[[Canvas, int], None]) -> type[Canvas]:
    """A canvas that holds each page until the end, so the footer can say "of N"."""

    class NumberedCanvas(Canvas):
        """A destination names the page it is made on; the PDF's page counter only moves
        when a page is really shown, so bookmarks are recorded with their held page and
        made as that page is shown (else every link would land on page 1)."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []
            self._marks: list[tuple[str, dict[str, Any]]] = []

        def bookmarkPage(self, key: str, **where: Any) -> Any:  # noqa: N802 (reportlab's name)
            self._marks.append((key, where))
            return self._bookmarkReference(key)

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._held.append(dict(self.__dict__))
            self._marks = []
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for state in self._held:
                self.__dict__.update(state)
                footer(self, total)
                for key, where in self._marks:
                    Canvas.bookmarkPage(self, key, **where)
                super().showPage()
            super().save()

    return NumberedCanvas


def _first_page(canvas: Canvas, page: Page) -> None:
    if page.band:
        _band(canvas, page)
    else:
        _plain_header(canvas, page)


def _band(canvas: Canvas, page: Page) -> None:
    """The brand band: a light tint of the primary colour across the top, a stripe of the
    colour itself beneath, the logo (or the practice's name) at the left."""
    theme, styles = page.theme, page.styles
    width, height = theme.page
    canvas.saveState()
    canvas.setFillColor(theme.tint)
    canvas.rect(0, height - BAND_HEIGHT, width, BAND_HEIGHT, stroke=0, fill=1)
    canvas.setFillColor(theme.primary)
    canvas.rect(0, height - BAND_HEIGHT - 1.2 * mm, width, 1.2 * mm, stroke=0, fill=1)
    middle = height - BAND_HEIGHT / 2
    left_room = theme.columns(7)
    # Clipped: the band has a fixed height (the body prints names in full).
    name = clip(page.brand.name, BAND_NAME)
    tagline = clip(page.brand.tagline, BAND_TAGLINE)
    name_lines: list[Flowable] = [
        para(para_text(tagline), styles.caption, tagline) if tagline else Spacer(0, 0)
    ]
    if page.logo is not None:
        w, h = t.logo_size(page.logo, LOGO_HEIGHT, left_room)
        canvas.drawImage(str(page.logo.path), t.MARGIN_X, middle - h / 2, w, h, mask="auto")
        if w < theme.columns(3):  # a mark rather than a wordmark: the name goes beside it
            x = t.MARGIN_X + w + 4 * mm
            lines = [label_text(name, styles.item_bold), *name_lines]
            _draw_block(canvas, lines, x, middle, left_room - w - 4 * mm)
    else:  # no logo, or one that could not be used: the name in the heading face
        large = replace_style(styles.section, "band-name", spaceBefore=0, spaceAfter=0)
        lines = [label_text(name, large), *name_lines]
        _draw_block(canvas, lines, t.MARGIN_X, middle, left_room)
    right_x = t.MARGIN_X + theme.columns(8) + t.GUTTER
    label = replace_style(styles.label, "band-label", alignment=2, textColor=theme.primary_text)
    date_style = replace_style(styles.caption_right, "band-date", textColor=t.INK)
    _draw_block(
        canvas,
        [
            para(para_text(page.kind_label.upper()), label),
            para(para_text(page.date_label), date_style),
        ],
        right_x,
        middle,
        theme.columns(4),
    )
    canvas.restoreState()


def _draw_block(
    canvas: Canvas, paragraphs: list[Flowable], x: float, middle: float, width: float
) -> None:
    """Paragraphs stacked and centred vertically on `middle`."""
    heights = [p.wrap(width, 200)[1] for p in paragraphs]
    y = middle + sum(heights) / 2
    for paragraph, h in zip(paragraphs, heights, strict=True):
        y -= h
        paragraph.drawOn(canvas, x, y)


def _plain_header(canvas: Canvas, page: Page) -> None:
    """Black on white: the logo or name at the left, a hairline beneath (the checklist)."""
    theme, styles = page.theme, page.styles
    width, height = theme.page
    top = height - t.MARGIN_TOP
    canvas.saveState()
    x, bottom = t.MARGIN_X, top - 10 * mm
    if page.logo is not None:
        w, h = t.logo_size(page.logo, 10 * mm, theme.columns(6))
        canvas.drawImage(str(page.logo.path), x, top - h, w, h, mask="auto")
        bottom = top - h
        x = t.MARGIN_X + w + 3 * mm if w < theme.columns(3) else 0
    if x:  # no logo, or a mark: the name beside it
        name = label_text(page.brand.name, styles.item_bold)
        _, h = name.wrap(theme.columns(7), 100)
        name.drawOn(canvas, x, (top + bottom) / 2 - h / 2 if page.logo else top - h)
        bottom = min(bottom, top - h)
    date = para(para_text(page.date_label), styles.caption_right)
    _, dh = date.wrap(theme.columns(4), 100)
    date.drawOn(canvas, width - t.MARGIN_X - theme.columns(4), top - dh)
    canvas.setStrokeColorRGB(0, 0, 0)
    canvas.setLineWidth(0.6)
    y = bottom - 3 * mm
    canvas.line(t.MARGIN_X, y, width - t.MARGIN_X, y)
    canvas.restoreState()


def _later_page(canvas: Canvas, page: Page) -> None:
    """The running header: the practice and the document on one line, clipped to the
    width, a hairline under it and a clear band of white before the body."""
    theme = page.theme
    width, height = theme.page
    canvas.saveState()
    if page.band:
        canvas.setFillColor(theme.primary)
        canvas.rect(0, height - 1.5 * mm, width, 1.5 * mm, stroke=0, fill=1)
    header = _one_line(page.brand.name, page.title, theme.width, page)
    rule = height - t.MARGIN_TOP + 1 * mm  # the body starts HEADER_ROOM below it
    header.wrap(theme.width, 50)
    header.drawOn(canvas, t.MARGIN_X, rule + 1.5 * mm)
    canvas.setStrokeColor(t.RULE)
    canvas.setLineWidth(0.5)
    canvas.line(t.MARGIN_X, rule, width - t.MARGIN_X, rule)
    canvas.restoreState()


def _one_line(name: str, title: str, width: float, page: Page) -> Flowable:
    """ "Practice · Title" in the caption face, cut with an ellipsis to fit one line."""
    styles = page.styles
    name, title = clip(name, 80), clip(title, 160)

    def line(name: str, title: str) -> Flowable:
        markup = para_text(name, lines=False) + " &#183; " + para_text(title, lines=False)
        return para(markup, styles.caption, name, title)

    header = line(name, title)
    one = styles.caption.leading * 1.2
    while header.wrap(width, 500)[1] > one and len(title) > 1:
        title = clip(title, max(len(title) - max(len(title) // 8, 2), 1))
        header = line(name, title)
    while header.wrap(width, 500)[1] > one and len(name) > 1:
        name = clip(name, max(len(name) - max(len(name) // 8, 2), 1))
        header = line(name, title)
    return header


def _footer(canvas: Canvas, page: Page, total: int) -> None:
    page.pages = total
    theme, styles = page.theme, page.styles
    width = theme.page[0]
    brand = page.brand
    parts = [brand.name, *brand.contact_line]
    contact = " &#183; ".join(para_text(p, lines=False) for p in parts if p)
    lines = [contact]
    if brand.footer_text:
        lines.append(para_text(brand.footer_text, lines=False))
    canvas.saveState()
    canvas.setStrokeColor(t.RULE if page.band else t.INK)
    canvas.setLineWidth(0.5)
    canvas.line(t.MARGIN_X, FOOTER_Y + 6 * mm, width - t.MARGIN_X, FOOTER_Y + 6 * mm)
    left = para("<br/>".join(lines), styles.caption, *parts, brand.footer_text)
    _, h = left.wrap(theme.columns(9), 40)
    left.drawOn(canvas, t.MARGIN_X, FOOTER_Y + 4 * mm - h)
    if not (page.cover and canvas.getPageNumber() == 1):
        number = para(f"Page {canvas.getPageNumber()} of {total}", styles.caption_right)
        _, nh = number.wrap(theme.columns(3), 40)
        number.drawOn(canvas, width - t.MARGIN_X - theme.columns(3), FOOTER_Y + 4 * mm - nh)
    canvas.restoreState()
