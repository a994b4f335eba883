"""The Practice review: the dashboard of a chosen period on paper, for the practitioner's
own records or a quarterly look back. Four figures with the sentence under each, the
integrity score's parts as bars, capacity by week as bars against a line, the time spent
in each phase against plan, and feedback and referrals in words.

Charts are reportlab graphics in the brand colour (fills only; text stays ink), and they
read in grey: a part with nothing to count is a dashed outline, a week over capacity is
labelled "over" above its bar, not marked by colour alone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from deliverydesk.reports import theme as t
from deliverydesk.reports.blocks import gap, heading, paper_date
from deliverydesk.reports.data import Brand
from deliverydesk.reports.flow import para, sentence, table_style
from deliverydesk.reports.layout import Page, build
from deliverydesk.reports.markup import clip, para_text
from deliverydesk.reports.styles import Styles

BAR_HEIGHT = 4 * mm
BAR_GAP = 2.5 * mm
CHART_HEIGHT = 38 * mm
PHASES_SHOWN = 8
FIGURE_SENTENCE = 240  # characters under a figure, at most


@dataclass(frozen=True, slots=True)
class Figure:
    caption: str  # "Integrity"
    value: str  # "7.4 / 10"
    sentence: str  # what it counts, with the counts behind it


@dataclass(frozen=True, slots=True)
class PartBar:
    name: str
    share: float | None  # 0.0 to 1.0; None: nothing to count
    counts: str  # "164 of 200"


@dataclass(frozen=True, slots=True)
class WeekBar:
    label: str  # "7 Dec"
    booked_hours: float
    capacity_hours: float
    over: bool


@dataclass(frozen=True, slots=True)
class PhaseLine:
    offer_name: str
    phase_name: str
    clients: int
    spent_days: int
    planned_days: int


@dataclass(frozen=True, slots=True)
class PracticeReview:
    brand: Brand
    since: date
    until: date
    figures: tuple[Figure, ...]
    parts: tuple[PartBar, ...]
    weeks: tuple[WeekBar, ...]  # empty: no capacity chart (a period in the past, no load)
    phases: tuple[PhaseLine, ...]  # most over plan first
    feedback: tuple[str, ...]  # sentences


def practice_review_pdf(review: PracticeReview, notes: list[str] | None = None) -> bytes:
    period = f"{paper_date(review.since)} to {paper_date(review.until)}"
    page = Page(
        review.brand,
        title=f"Practice review: {review.brand.name}",
        subject=f"Practice review, {period}",
        kind_label="Practice review",
        date_label=paper_date(review.until),
    )
    styles = page.styles
    story: list[Flowable] = [
        para("Practice review", styles.title),
        gap(0.5),
        para(para_text(period, lines=False), styles.lead),
        gap(2),
        _figures(review.figures, page),
        *heading("Integrity, part by part", styles),
        _part_bars(review.parts, page),
    ]
    if review.weeks:
        story += [*heading("Capacity by week", styles), _week_bars(review.weeks, page)]
        story.append(
            para(
                "Booked hours of open work per week (bars) against the hours available "
                "(the line); weeks over are marked “over”.",
                styles.caption,
            )
        )
    story += heading("Time in each phase", styles)
    story += _phases(review.phases, page)
    story += heading("Feedback and referrals", styles)
    story += [sentence(line, styles.body) for line in review.feedback]
    pdf = build(page, story)
    if notes is not None:
        notes.extend(page.notes)
    return pdf


def _figures(figures: tuple[Figure, ...], page: Page) -> Flowable:
    """The figures side by side on the grid (3 of 12 columns each), tinted."""
    styles, theme = page.styles, page.theme
    cells = [
        [
            para(para_text(f.caption.upper(), bold=True, lines=False), styles.label),
            para(para_text(f.value, bold=True, lines=False), styles.section),
            # A sentence may hold a name (the bottleneck's phase): a table cell cannot
            # split, so a very long one is cut.
            para(para_text(clip(f.sentence, FIGURE_SENTENCE)), styles.caption_ink, f.sentence),
        ]
        for f in figures
    ]
    # Equal columns; a white rule a gutter wide between them keeps the grid's gutters.
    table = Table([cells], colWidths=[theme.width / max(len(figures), 1)] * len(figures))
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, -1), theme.tint),
                ("LINEABOVE", (0, 0), (-1, 0), 2, theme.primary),
                ("LINEAFTER", (0, 0), (-2, -1), t.GUTTER, t.PAPER_WHITE),
                ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
            ],
            theme.family.regular,
        )
    )
    return table


def _part_bars(parts: tuple[PartBar, ...], page: Page) -> Drawing:
    """One horizontal bar per part: its share filled in the brand colour on an outline
    (dashed when there is nothing to count), the share and counts in words beside it."""
    theme = page.theme
    width = theme.width
    label_width, words_width = theme.columns(4), theme.columns(3)
    bar_x, bar_width = label_width + t.GUTTER, width - label_width - words_width - 2 * t.GUTTER
    height = len(parts) * (BAR_HEIGHT + BAR_GAP)
    drawing = _drawing(width, height, page)
    font, bold = theme.family.regular, theme.family.bold
    for index, part in enumerate(parts):
        y = height - (index + 1) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP / 2
        text_y = y + BAR_HEIGHT / 2 - t.CAPTION * 0.35
        drawing.add(
            String(0, text_y, part.name, fontName=font, fontSize=t.CAPTION, fillColor=t.INK)
        )
        outline = Rect(bar_x, y, bar_width, BAR_HEIGHT, fillColor=None, strokeColor=t.MUTED)
        outline.strokeWidth = 0.5
        if part.share is None:
            outline.strokeDashArray = [2, 2]
        drawing.add(outline)
        if part.share:
            drawing.add(
                Rect(
                    bar_x,
                    y,
                    bar_width * part.share,
                    BAR_HEIGHT,
                    fillColor=theme.primary,
                    strokeColor=None,
                )  # fmt: skip
            )
        words = (
            "nothing to count"
            if part.share is None
            else f"{int(part.share * 100)} % · {part.counts}"
        )
        drawing.add(
            String(
                bar_x + bar_width + t.GUTTER,
                text_y,
                words,
                fontName=bold if part.share is not None else font,
                fontSize=t.CAPTION,
                fillColor=t.INK if part.share is not None else t.MUTED,
            )  # fmt: skip
        )
    return drawing


def _week_bars(weeks: tuple[WeekBar, ...], page: Page) -> Drawing:
    """Booked hours per week as bars, the hours available as a line across each week."""
    theme = page.theme
    width = theme.width
    axis = 9 * mm  # room for the hours on the left
    label_room = 5 * mm  # the week labels under the bars
    top_room = 4 * mm  # "over" above a bar
    plot_height = CHART_HEIGHT - label_room - top_room
    highest = max([w.booked_hours for w in weeks] + [w.capacity_hours for w in weeks] + [1.0])
    slot = (width - axis) / len(weeks)
    bar = slot * 0.6
    font = theme.family.regular
    drawing = _drawing(width, CHART_HEIGHT, page)

    def y_of(hours: float) -> float:
        return float(label_room + plot_height * hours / highest)

    drawing.add(Line(axis, label_room, width, label_room, strokeColor=t.RULE, strokeWidth=0.5))
    drawing.add(
        String(0, y_of(highest) - t.CAPTION * 0.35, f"{highest:.0f} h", fontName=font,
               fontSize=t.CAPTION, fillColor=t.MUTED)
    )  # fmt: skip
    for index, week in enumerate(weeks):
        x = axis + index * slot + (slot - bar) / 2
        if week.booked_hours > 0:
            drawing.add(
                Rect(x, label_room, bar, y_of(week.booked_hours) - label_room,
                     fillColor=theme.primary, strokeColor=None)
            )  # fmt: skip
        line = Line(x - 1 * mm, y_of(week.capacity_hours), x + bar + 1 * mm,
                    y_of(week.capacity_hours), strokeColor=t.INK, strokeWidth=1)  # fmt: skip
        drawing.add(line)
        drawing.add(
            String(x + bar / 2, 0.5 * mm, week.label, fontName=font, fontSize=t.CAPTION - 1,
                   fillColor=t.MUTED, textAnchor="middle")
        )  # fmt: skip
        if week.over:
            top = max(y_of(week.booked_hours), y_of(week.capacity_hours))
            drawing.add(
                String(x + bar / 2, top + 1 * mm, "over", fontName=theme.family.bold,
                       fontSize=t.CAPTION - 1, fillColor=t.INK, textAnchor="middle")
            )  # fmt: skip
    return drawing


def _drawing(width: float, height: float, page: Page) -> Drawing:
    """A chart in the document's own face from the start: reportlab's renderer would
    otherwise set Helvetica first, a standard font the PDF would list unembedded."""
    drawing = Drawing(width, height)
    drawing.initialFontName = page.theme.family.regular
    drawing.initialFontSize = t.CAPTION
    return drawing


def _phases(phases: tuple[PhaseLine, ...], page: Page) -> list[Flowable]:
    styles, theme = page.styles, page.theme
    if not phases:
        return [para("No client entered or left a phase in this period.", styles.caption)]
    shown = phases[:PHASES_SHOWN]
    head = [
        _cell("Offer and phase", styles, bold=True),
        *(_number(word, styles, bold=True) for word in ("Clients", "Days", "Planned", "Over")),
    ]
    rows: list[list[Flowable]] = [head]
    for line in shown:
        name = f"{clip(line.offer_name, 80)} · {clip(line.phase_name, 80)}"
        over = line.spent_days - line.planned_days
        rows.append(
            [
                para(para_text(name, lines=False), styles.body, name),
                _number(str(line.clients), styles, row=True),
                _number(str(line.spent_days), styles, row=True),
                _number(str(line.planned_days), styles, row=True),
                _number(f"+{over}" if over > 0 else str(over), styles, bold=over > 0, row=True),
            ]
        )
    number = theme.columns(1) + t.GUTTER / 2
    table = Table(
        rows, colWidths=[theme.width - 4 * number, *([number] * 4)], repeatRows=1, hAlign="LEFT"
    )
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, t.INK),
                ("LINEBELOW", (0, 1), (-1, -2), 0.4, t.RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 1 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2 * mm),
            ],
            theme.family.regular,
        )
    )
    if len(phases) > len(shown):
        more = f"The {len(shown)} phases most over plan of {len(phases)}."
        return [table, gap(0.5), para(more, styles.caption)]
    return [table]


def _cell(words: str, styles: Styles, *, bold: bool = False) -> Flowable:
    return para(para_text(words, bold=bold, lines=False), styles.caption_ink)


def _number(words: str, styles: Styles, *, bold: bool = False, row: bool = False) -> Flowable:
    """A count, right-aligned: in the body's size in a row, the caption's in the head."""
    style = styles.body_right if row else styles.caption_right
    return para(para_text(words, bold=bold, lines=False), style)
