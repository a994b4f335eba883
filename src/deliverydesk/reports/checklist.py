"""The printable checklist: vector tick boxes, who acts, due dates right-aligned, lines to
write on. Pure black on white, so any office printer prints it as it was meant."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from deliverydesk.reports import theme as t
from deliverydesk.reports.blocks import gap, owner_for_client, paper_date, span_label, when_label
from deliverydesk.reports.data import Brand, Checklist, ChecklistItem, ChecklistPhase, WeekScale
from deliverydesk.reports.flow import Bookmark, TickBox, marked, para, table_style
from deliverydesk.reports.layout import Page, build
from deliverydesk.reports.markup import clip, para_text
from deliverydesk.reports.styles import Styles, replace_style

BOX = 3.6 * mm
DUE_WIDTH = 25 * mm
WHO_WIDTH = 22 * mm
# Above and below a step's line: 1.2 mm in all lets 23 steps in five phases fit one page.
# More below than above: a line's leading already leaves room over the capitals, so even
# padding set the words (and the tick box) low, against the rule beneath.
ROW_TOP, ROW_BOTTOM = 0.25 * mm, 0.95 * mm


def checklist_pdf(checklist: Checklist, notes: list[str] | None = None) -> bytes:
    page = Page(
        checklist.brand,
        title=f"Checklist: {checklist.client_name or checklist.offer_name}",
        subject=f"Checklist, {checklist.offer_name}",
        band=False,
        date_label=paper_date(checklist.today),
    )
    pdf = build(page, _story(checklist, page), first_top=t.MARGIN_TOP + 18 * mm)
    if notes is not None:
        notes.extend(page.notes)
    return pdf


def _story(checklist: Checklist, page: Page) -> list[Flowable]:
    styles = page.styles
    black = replace_style(styles.title, "title-black", textColor=t.INK)
    names = [clip(n, 300) for n in (checklist.client_name, checklist.offer_name) if n]
    meta_markup = " &#183; ".join(para_text(n, lines=False) for n in names)
    story: list[Flowable] = [
        para("Checklist", black),
        gap(0.5),
        para(
            meta_markup,
            replace_style(styles.lead, "lead-black", textColor=t.INK),
            checklist.client_name,
            checklist.offer_name,
        ),
        gap(2),
    ]
    story += phase_blocks(
        checklist.phases,
        page.theme.width,
        styles,
        checklist.brand,
        weeks=checklist.weeks,
    )
    story += [gap(1), *writing_lines("Notes", 6, page.theme.width, styles)]
    return story


def phase_blocks(
    phases: Sequence[ChecklistPhase],
    width: float,
    styles: Styles,
    brand: Brand,
    *,
    bookmarks: bool = True,
    weeks: WeekScale | None = None,
) -> list[Flowable]:
    """Each phase: its name and dates over "Who" and "Due", then a row per step. A phase
    is kept on one page when it fits; a longer one splits between rows. With `weeks`
    (an offer's template) dates print as weeks."""
    columns = [BOX + 3 * mm, width - BOX - 3 * mm - WHO_WIDTH - DUE_WIDTH, WHO_WIDTH, DUE_WIDTH]
    return [
        PhaseBlock(
            phase, columns, styles, brand, weeks, Bookmark(phase.name) if bookmarks else None
        )
        for phase in phases
        if phase.items
    ]


class PhaseBlock(Flowable):
    """A phase's head over its rows. It moves whole to the next page when it does not fit;
    when the page has room for at least MIN_ROWS of its rows it splits there instead,
    leaving at least MIN_ROWS for the next page (a row more moves over when needed), whose
    part has the head again, its name followed by "(continued)": a page is filled, and
    neither page holds a lone row of the phase."""

    MIN_ROWS = 2

    def __init__(
        self,
        phase: ChecklistPhase,
        columns: list[float],
        styles: Styles,
        brand: Brand,
        weeks: WeekScale | None,
        bookmark: Bookmark | None,
        rows: tuple[int, int] | None = None,
    ) -> None:
        super().__init__()
        self.phase, self.columns, self.styles = phase, columns, styles
        self.brand, self.weeks, self.bookmark = brand, weeks, bookmark
        self.rows = rows or (0, len(phase.items))
        continued = self.rows[0] > 0
        self.head = _phase_head(
            phase, columns, styles, None if continued else bookmark, weeks, continued
        )
        self.table = self._table(*self.rows)
        self.after = gap(0.5)

    def _table(self, start: int, stop: int) -> Table:
        rows = [
            _row(item, self.styles, self.brand, self.weeks) for item in self.phase.items[start:stop]
        ]
        table = Table(rows, colWidths=self.columns)
        table.setStyle(
            table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (1, 0), (2, -1), 2 * mm),
                    ("TOPPADDING", (0, 0), (-1, -1), ROW_TOP),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), ROW_BOTTOM),
                    ("TOPPADDING", (0, 0), (0, -1), ROW_TOP + 0.4 * mm),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, t.INK),
                ],
                self.styles.body.fontName,
            )
        )
        return table

    def _parts(self) -> list[Flowable]:
        return [self.head, self.table, self.after]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.heights = [p.wrap(available_width, available_height)[1] for p in self._parts()]
        self.height = sum(self.heights)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        start, stop = self.rows
        self.wrap(available_width, available_height)
        room = available_height - self.heights[0] - self.heights[2]  # head, gap after
        row_heights = self.table._rowHeights  # measured by wrap
        used, fit = 0.0, 0
        for height in row_heights:
            if used + height > room:
                break
            used, fit = used + height, fit + 1
        fit = min(fit, len(row_heights) - self.MIN_ROWS)  # never one row alone overleaf
        if fit < self.MIN_ROWS:
            return []  # the whole phase goes to the next page
        return [self._part((start, start + fit)), self._part((start + fit, stop))]

    def _part(self, rows: tuple[int, int]) -> PhaseBlock:
        return PhaseBlock(
            self.phase, self.columns, self.styles, self.brand, self.weeks, self.bookmark, rows
        )

    def draw(self) -> None:
        y = self.height
        for part, height in zip(self._parts(), self.heights, strict=True):
            y -= height
            part.drawOn(self.canv, 0, y)


def _phase_head(
    phase: ChecklistPhase,
    columns: list[float],
    styles: Styles,
    bookmark: Bookmark | None,
    weeks: WeekScale | None,
    continued: bool = False,
) -> Flowable:
    """The phase's name and its dates (or "(continued)"), and the column heads "Who" and
    "Due"."""
    name_style = replace_style(styles.phase, "phase-black", textColor=t.INK)
    ink = replace_style(styles.caption, "caption-black", textColor=t.INK)
    ink_right = replace_style(styles.caption_right, "when-black", textColor=t.INK)
    when = (
        "(continued)"
        if continued
        else span_label(phase.planned_start_on, phase.planned_end_on, weeks)
    )
    name = marked(
        para_text(phase.name, bold=True, lines=False)
        + (
            f' <font size="{t.CAPTION}" name="{styles.body.fontName}">&#160;&#160;{when}</font>'
            if when
            else ""
        ),
        name_style,
        bookmark,
        phase.name,
    )
    head = Table(
        [[name, "", para("<b>Who</b>", ink), para("<b>Due</b>", ink_right)]],
        colWidths=columns,
    )
    head.setStyle(
        table_style(
            [
                ("SPAN", (0, 0), (1, 0)),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2 * mm),
                ("LINEBELOW", (0, 0), (-1, -1), 1.2, t.INK),
            ],
            styles.body.fontName,
        )
    )
    head.keepWithNext = 1
    return head


def _row(
    item: ChecklistItem, styles: Styles, brand: Brand, weeks: WeekScale | None
) -> list[object]:
    ink = replace_style(styles.caption, "caption-black", textColor=t.INK)
    title_style = styles.item_bold if item.milestone else styles.item
    cell: list[Flowable] = [
        para(para_text(item.title, lines=False, bold=item.milestone), title_style, item.title)
    ]
    if item.description:
        text = _short(item.description)
        cell.append(para(para_text(text), ink, text))
    who = owner_for_client(item.owner, brand)
    return [
        TickBox(BOX, item.done),
        cell,
        # The same size and leading as the step's title: one baseline across the row.
        para(para_text(who, lines=False), styles.body, who),
        para(when_label(item.due_on, weeks), styles.body_right),
    ]


def _short(text: str, limit: int = 280) -> str:
    """A step's description on the checklist: its first lines (the whole text lives in the
    onboarding pack and the app); never enough to outgrow a page."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


NOTE_LINE = 7 * mm


class WritingLines(Flowable):
    """A heading and ruled lines to write on: as many as the page has room for (between
    MIN_LINES and `most`), so they fill the last page rather than start one of their own;
    left out when not even the fewest fit (the page is full of steps)."""

    MIN_LINES = 2

    def __init__(self, title: str, most: int, styles: Styles) -> None:
        super().__init__()
        self.title = para(title, replace_style(styles.phase, "notes-black", textColor=t.INK))
        self.most = most
        self.font = styles.body.fontName
        self.count = most

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        _, self.title_height = self.title.wrap(available_width, available_height)
        room = int((available_height - self.title_height) // NOTE_LINE)
        self.count = min(self.most, room) if room >= self.MIN_LINES else 0
        self.height = self.title_height + self.count * NOTE_LINE if self.count else 0
        return self.width, self.height

    def draw(self) -> None:
        if not self.count:
            return
        canvas = self.canv
        self.title.drawOn(canvas, 0, self.height - self.title_height)
        canvas.saveState()
        canvas.setStrokeColor(t.INK)
        canvas.setLineWidth(0.5)
        for line in range(1, self.count + 1):
            y = self.height - self.title_height - line * NOTE_LINE
            canvas.line(0, y, self.width, y)
        canvas.restoreState()


def writing_lines(title: str, count: int, width: float, styles: Styles) -> list[Flowable]:
    """A heading and up to `count` ruled lines to write on (WritingLines)."""
    return [WritingLines(title, count, styles)]
