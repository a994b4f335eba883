"""Pieces the documents share: section headings (with bookmarks), dated lists, callouts and
the small marks beside list entries."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from deliverydesk.model.rules.enums import Owner
from deliverydesk.reports import theme as t
from deliverydesk.reports.data import Brand, Item, WeekScale
from deliverydesk.reports.flow import Bookmark, Stack, marked, para, table_style
from deliverydesk.reports.markup import para_text
from deliverydesk.reports.styles import Styles
from deliverydesk.wording import ENGLISH

MARK = 2.2 * mm  # the size of a list mark


def paper_date(day: date | None) -> str:
    """ "12 Mar 2026": paper outlives the year, so the year is always there."""
    return ENGLISH.paper_date(day)


def when_label(day: date | None, weeks: WeekScale | None) -> str:
    """A date as paper prints it, or "Week 3" for an offer's template (no client yet)."""
    if day is None:
        return ""
    return f"Week {weeks.week(day)}" if weeks else paper_date(day)


def span_label(start: date | None, end: date | None, weeks: WeekScale | None) -> str:
    """A phase's planned span: "2 Nov 2026 – 19 Nov 2026", or "Weeks 2–3" for a template."""
    if start is None or end is None:
        return ""
    if weeks is None:
        return f"{paper_date(start)} &#8211; {paper_date(end)}"
    first, last = weeks.week(start), weeks.week(end)
    return f"Week {first}" if first == last else f"Weeks {first}&#8211;{last}"


def owner_for_client(owner: Owner | None, brand: Brand) -> str:
    """Who acts, as the client reads it: "You", the practitioner's first name, "Third party"."""
    if owner is Owner.CLIENT:
        return "You"
    if owner is Owner.ME:
        first = brand.owner_name.split()[0] if brand.owner_name.split() else ""
        return first or brand.name
    if owner is Owner.THIRD_PARTY:
        return "Third party"
    return ""


def heading(text: str, styles: Styles, *, bookmark: bool = True) -> list[Flowable]:
    """A section head (kept with what follows), with its entry in the PDF's outline."""
    mark = Bookmark(text) if bookmark else None
    return [marked(para_text(text, bold=True, lines=False), styles.section, mark, text)]


def label(text: str, styles: Styles) -> Flowable:
    """Small capitals in the brand's text colour above a block ("RECENT WINS")."""
    return para(para_text(text.upper(), bold=True, lines=False), styles.label, text)


class Mark(Flowable):
    """A list entry's mark: a tick (done), a diamond (a milestone), a dot (to do), or a
    ring with a bar (late). Shape, not colour, carries the meaning."""

    def __init__(self, kind: str, theme: t.Theme) -> None:
        super().__init__()
        self.kind = kind
        self.theme = theme
        self.width = self.height = MARK

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return MARK, MARK

    def draw(self) -> None:
        canvas, s, colour = self.canv, MARK, self.theme.primary_text
        canvas.saveState()
        canvas.setStrokeColor(colour)
        canvas.setFillColor(colour)
        canvas.setLineWidth(1.1)
        canvas.setLineCap(1)
        canvas.setLineJoin(1)
        y0 = -0.4 * mm  # sit on the text's x-height
        if self.kind == "tick":
            path = canvas.beginPath()
            path.moveTo(0, y0 + s * 0.5)
            path.lineTo(s * 0.35, y0 + s * 0.15)
            path.lineTo(s, y0 + s * 0.9)
            canvas.drawPath(path, stroke=1, fill=0)
        elif self.kind == "diamond":
            path = canvas.beginPath()
            path.moveTo(s / 2, y0 + s)
            path.lineTo(s, y0 + s / 2)
            path.lineTo(s / 2, y0)
            path.lineTo(0, y0 + s / 2)
            path.close()
            canvas.drawPath(path, stroke=1, fill=1)
        elif self.kind == "late":
            canvas.setStrokeColor(t.INK)
            canvas.setFillColor(t.INK)
            canvas.circle(s / 2, y0 + s / 2, s / 2, stroke=1, fill=0)
            canvas.rect(s / 2 - 0.25, y0 + s * 0.42, 0.5, s * 0.38, stroke=0, fill=1)
            canvas.circle(s / 2, y0 + s * 0.24, 0.35, stroke=0, fill=1)
        else:
            canvas.circle(s / 2, y0 + s / 2, s * 0.3, stroke=0, fill=1)
        canvas.restoreState()


def item_rows(
    items: Sequence[Item],
    theme: t.Theme,
    styles: Styles,
    brand: Brand,
    *,
    mark: str,
    with_owner: bool = False,
) -> list[list[object]]:
    """One row per entry: a mark, the title (and who acts), the date right-aligned."""
    rows: list[list[object]] = []
    for item in items:
        kind = "late" if item.late else ("diamond" if item.milestone else mark)
        title = [
            para(
                para_text(item.title, lines=False),
                styles.item_bold if item.milestone else styles.item,
                item.title,
            )
        ]
        if with_owner and item.owner is not None:
            who = owner_for_client(item.owner, brand)
            title.append(para(para_text(who, lines=False), styles.caption, who))
        when = paper_date(item.on)
        if item.late:  # said in words, not only by a mark or a colour
            title.append(para(f"<b>Late</b>: was due {when}", styles.caption_ink))
        rows.append([Mark(kind, theme), title, para(when, styles.body_right)])
    return rows


def rows_table(
    rows: list[list[object]], width: float, theme: t.Theme, *, rule_last: bool = False
) -> Table:
    """Rows of item_rows as a table that splits between rows; a hairline between them."""
    date_width = 25 * mm
    table = Table(
        rows, colWidths=[MARK + 2.5 * mm, width - MARK - 2.5 * mm - date_width, date_width]
    )
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2 * mm),
        ("TOPPADDING", (0, 0), (0, -1), 2.4 * mm),
    ]
    if rule_last or len(rows) > 1:
        commands.append(("LINEBELOW", (0, 0), (-1, -1 if rule_last else -2), 0.4, t.RULE))
    table.setStyle(table_style(commands, theme.family.regular))
    return table


def item_list(
    items: Sequence[Item],
    width: float,
    theme: t.Theme,
    styles: Styles,
    brand: Brand,
    *,
    mark: str,
    with_owner: bool = False,
    empty: str = "",
    more: str = "",
    rows: list[list[object]] | None = None,
) -> list[Flowable]:
    """Entries as rows (item_rows, or `rows` made for them already). Rows split across
    pages; a title is at most a step title long, so no row outgrows a page."""
    if not items:
        return [para(para_text(empty), styles.caption)] if empty else []
    if rows is None:
        rows = item_rows(items, theme, styles, brand, mark=mark, with_owner=with_owner)
    flowables: list[Flowable] = [rows_table(rows, width, theme)]
    if more:
        flowables.append(para(para_text(more), styles.caption))
    return flowables


class ContinuedBlock(Flowable):
    """A labelled list that may split between its rows: the part on the next page starts
    with the label and "(continued)". `end` (the last row with what must stay with it, such
    as the feedback box) is never split and never leaves without a row of the list."""

    def __init__(
        self,
        head: Callable[[bool], list[Flowable]],
        rows: Flowable | None,
        end: list[Flowable],
        *,
        continued: bool = False,
    ) -> None:
        super().__init__()
        self.head = head
        self.rows = rows
        self.end = end
        self.continued = continued
        self._stack = Stack([*head(continued), *([rows] if rows else []), *end])

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = self._stack.wrap(available_width, available_height)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        if self.rows is None:
            return []  # the end alone: moved whole
        head = self.head(self.continued)
        used = sum(f.wrap(available_width, available_height)[1] for f in head)
        _, rows_height = self.rows.wrap(available_width, available_height - used)
        if used + rows_height <= available_height:
            first, rest = self.rows, None
        else:
            parts = self.rows.split(available_width, available_height - used)
            if len(parts) < 2:
                return []
            first, rest = parts[0], parts[1]
        return [Stack([*head, first]), ContinuedBlock(self.head, rest, self.end, continued=True)]

    def draw(self) -> None:
        self._stack.drawOn(self.canv, 0, 0)


def callout(
    content: list[Flowable], width: float, theme: t.Theme, *, ruled: bool = True
) -> Flowable:
    """Content on a light tint of the brand colour, a rule of the colour at its left.
    Only bounded content goes here (it cannot split)."""
    table = Table([[content]], colWidths=[width])
    commands: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, -1), theme.tint),
        ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 3 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5 * mm),
    ]
    if ruled:
        commands.append(("LINEBEFORE", (0, 0), (0, -1), 2.4, theme.primary))
    table.setStyle(table_style(commands, theme.family.regular))
    return table


def side_by_side(
    left: list[Flowable], right: list[Flowable], theme: t.Theme, limit: float = 110 * mm
) -> list[Flowable]:
    """Two blocks on 6 + 6 columns when both are short enough to sit in one row; stacked
    (and free to split across pages) otherwise."""
    half = theme.columns(6)
    heights = [sum(f.wrap(half, 10_000)[1] for f in block) for block in (left, right)]
    if max(heights) > limit:
        return [*left, Spacer(1, 2 * t.BASELINE), *right]
    table = Table([[left, right]], colWidths=[half + t.GUTTER, half])
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), t.GUTTER),
                ("RIGHTPADDING", (1, 0), (1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ],
            theme.family.regular,
        )
    )
    return [table]


def keep(flowables: list[Flowable]) -> Flowable:
    return KeepTogether(flowables)


def gap(lines: float = 1) -> Spacer:
    """Vertical space in baselines (4 mm each)."""
    return Spacer(1, lines * t.BASELINE)
