"""The journey map: phases as a path of nodes, milestones as diamonds, the share done.

State is told by shape and weight, not by hue alone, so it survives a black-and-white
printer: a done phase is a filled node with a tick and a solid path, the current one a
large ring labelled "You are here", an upcoming one an outlined node on a dashed path.
"""

from __future__ import annotations

from datetime import date, timedelta

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from deliverydesk.model.rules.enums import PhaseStatus
from deliverydesk.reports import theme as t
from deliverydesk.reports.data import JourneyMap, MapPhase, WeekScale
from deliverydesk.reports.flow import label_text
from deliverydesk.reports.styles import Styles, replace_style
from deliverydesk.wording import ENGLISH

NODE = 2.6 * mm  # radius
CURRENT = 3.4 * mm
PILL = 5 * mm  # "You are here" above the current node
LABEL_LINES = 3


class JourneyMapDrawing(Flowable):
    def __init__(
        self, journey: JourneyMap, theme: t.Theme, styles: Styles, today: date | None = None
    ) -> None:
        super().__init__()
        self.journey = journey
        self.today = today
        self.theme = theme
        self.styles = styles
        size = t.CAPTION  # the smallest size on the brief's scale, for any number of phases
        self.name_style = replace_style(
            styles.caption,
            "map-name",
            fontName=theme.family.bold,
            textColor=t.INK,
            fontSize=size,
            leading=size * 1.25,
        )
        self.date_style = replace_style(
            styles.caption, "map-date", fontSize=size, leading=size * 1.25
        )
        self.line_y = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        phases = self.journey.phases
        slot = available_width / max(len(phases), 1)
        labels = max(
            (
                sum(p.wrap(slot - 3 * mm, 100)[1] for p in self._lines(ph, slot - 3 * mm))
                for ph in phases
            ),
            default=0.0,
        )
        self.line_y = labels + CURRENT + 3 * mm
        self.height = self.line_y + CURRENT + PILL + 3 * mm
        return self.width, self.height

    def draw(self) -> None:
        phases = self.journey.phases
        if not phases:
            return
        canvas, theme = self.canv, self.theme
        slot = self.width / len(phases)
        y = self.line_y
        canvas.saveState()
        for index, phase in enumerate(phases):
            x = index * slot + CURRENT
            end = (index + 1) * slot + (CURRENT if index + 1 < len(phases) else -1 * mm)
            self._path(x, end, y, phase)
            self._milestones(phase, x + CURRENT + 1.5 * mm, end - CURRENT - 1.5 * mm, y)
        # The finish: a short upright bar where the path ends.
        canvas.setStrokeColor(theme.primary if self._all_done else t.MUTED)
        canvas.setLineWidth(1.4)
        canvas.line(self.width - 1 * mm, y - 2 * mm, self.width - 1 * mm, y + 2 * mm)
        for index, phase in enumerate(phases):
            x = index * slot + CURRENT
            self._node(x, y, phase)
            self._label(x - CURRENT, y - CURRENT - 2 * mm, slot - 3 * mm, phase)
        canvas.restoreState()

    @property
    def _all_done(self) -> bool:
        return all(p.status in (PhaseStatus.DONE, PhaseStatus.SKIPPED) for p in self.journey.phases)

    def _path(self, start: float, end: float, y: float, phase: MapPhase) -> None:
        canvas, theme = self.canv, self.theme
        position = self.journey.show_position
        if position and phase.status in (PhaseStatus.DONE, PhaseStatus.SKIPPED):
            canvas.setStrokeColor(theme.primary)
            canvas.setLineWidth(2.2)
            canvas.setDash()
        elif position and phase.status is PhaseStatus.CURRENT:
            canvas.setStrokeColor(theme.primary)
            canvas.setLineWidth(2.2)
            canvas.setDash(4, 2)
        else:
            canvas.setStrokeColor(t.MUTED)
            canvas.setLineWidth(0.9)
            if position:
                canvas.setDash(2, 2)
        canvas.line(start, y, end, y)
        canvas.setDash()

    def _milestones(self, phase: MapPhase, start: float, end: float, y: float) -> None:
        canvas, theme = self.canv, self.theme
        count = len(phase.milestones)
        if not count or end <= start:
            return
        size = 1.7 * mm
        for index, milestone in enumerate(phase.milestones[:6]):
            x = start + (index + 1) * (end - start) / (min(count, 6) + 1)
            path = canvas.beginPath()
            path.moveTo(x, y + size)
            path.lineTo(x + size, y)
            path.lineTo(x, y - size)
            path.lineTo(x - size, y)
            path.close()
            canvas.setLineWidth(0.9)
            canvas.setStrokeColor(theme.primary_text)
            canvas.setFillColor(theme.accent if milestone.done else t.PAPER_WHITE)  # brand's accent
            canvas.drawPath(path, stroke=1, fill=1)

    def _node(self, x: float, y: float, phase: MapPhase) -> None:
        canvas, theme = self.canv, self.theme
        status = phase.status if self.journey.show_position else PhaseStatus.UPCOMING
        canvas.setDash()
        if status in (PhaseStatus.DONE, PhaseStatus.SKIPPED):
            canvas.setFillColor(theme.primary)
            canvas.setStrokeColor(theme.primary)
            canvas.circle(x, y, NODE, stroke=1, fill=1)
            canvas.setStrokeColor(t.text_on(theme.primary))
            canvas.setLineWidth(1.3)
            canvas.setLineCap(1)
            if status is PhaseStatus.DONE:
                path = canvas.beginPath()
                path.moveTo(x - 1.1 * mm, y + 0.05 * mm)
                path.lineTo(x - 0.3 * mm, y - 0.8 * mm)
                path.lineTo(x + 1.2 * mm, y + 0.9 * mm)
                canvas.drawPath(path, stroke=1, fill=0)
            else:  # left with steps open: a dash instead of a tick
                canvas.line(x - 1.1 * mm, y, x + 1.1 * mm, y)
        elif status is PhaseStatus.CURRENT:
            canvas.setFillColor(t.PAPER_WHITE)
            canvas.setStrokeColor(theme.primary)
            canvas.setLineWidth(2.6)
            canvas.circle(x, y, CURRENT, stroke=1, fill=1)
            canvas.setFillColor(theme.primary)
            canvas.circle(x, y, 1.3 * mm, stroke=0, fill=1)
            self._pill(x, y + CURRENT + 1.5 * mm)
        else:
            canvas.setFillColor(t.PAPER_WHITE)
            canvas.setStrokeColor(t.MUTED)
            canvas.setLineWidth(1)
            canvas.circle(x, y, NODE, stroke=1, fill=1)

    def _pill(self, x: float, bottom: float) -> None:
        canvas, theme = self.canv, self.theme
        text = "You are here"
        font, size = theme.family.bold, t.CAPTION
        width = stringWidth(text, font, size) + 3 * mm
        left = max(x - width / 2, 0)
        canvas.setFillColor(theme.primary)
        canvas.roundRect(left, bottom, width, 4.6 * mm, 2.3 * mm, stroke=0, fill=1)
        canvas.setFillColor(t.text_on(theme.primary))
        canvas.setFont(font, size)
        canvas.drawCentredString(left + width / 2, bottom + 1.5 * mm, text)

    def _lines(self, phase: MapPhase, width: float) -> list[Flowable]:
        """A phase's label: its name (clamped to LABEL_LINES lines) and its dates."""
        name = _clamp(
            phase.name, self.name_style.fontName, self.name_style.fontSize, width, LABEL_LINES
        )
        # A right-to-left name that wraps keeps its words on their lines (`label_text`),
        # and stays aligned under its node like every other label.
        lines: list[Flowable] = [label_text(name, self.name_style)]
        when = self._when(phase)
        if when:
            lines.append(Paragraph(when, self.date_style))
        return lines

    def _label(self, x: float, top: float, width: float, phase: MapPhase) -> None:
        for paragraph in self._lines(phase, width):
            _, h = paragraph.wrap(width, 100)
            top -= h
            paragraph.drawOn(self.canv, x, top)

    def _when(self, phase: MapPhase) -> str:
        if not self.journey.show_position:
            weeks = self.journey.weeks or WeekScale(
                self.journey.phases[0].planned_start_on, self.journey.phases[-1].planned_end_on
            )
            start, end = weeks.week(phase.planned_start_on), weeks.week(phase.planned_end_on)
            return f"Week {start}" if start == end else f"Weeks {start}&#8211;{end}"
        if phase.status is PhaseStatus.DONE and phase.completed_on:
            return f"Done {_day(phase.completed_on)}"
        if phase.status is PhaseStatus.SKIPPED:
            return ENGLISH.phase_status_label(phase.status, phase.open_steps or 0)
        over = self._days_over
        if phase.status is PhaseStatus.CURRENT:
            if over:  # said in words and numbers, not left to look like the plan
                return f"{_day(phase.planned_end_on)} &#183; {over} day{'s' * (over != 1)} over"
            return f"Until {_day(phase.planned_end_on)}"
        if phase.status is PhaseStatus.STOPPED:  # a cancelled journey
            return "Stopped here"
        if phase.status is PhaseStatus.NOT_REACHED:
            return "Not reached"
        if over:  # the running phase is late: the phases after it move with it
            return f"Likely from {_day(phase.planned_start_on + timedelta(days=over))}"
        return f"From {_day(phase.planned_start_on)}"

    @property
    def _days_over(self) -> int:
        """How many days the running phase has run past its planned end (0 without a
        date for today, or when it is on time)."""
        if self.today is None:
            return 0
        current = [p for p in self.journey.phases if p.status is PhaseStatus.CURRENT]
        if not current or current[0].open_steps == 0:
            return 0  # a phase whose steps are all done is never blamed for its length
        return max((self.today - current[0].planned_end_on).days, 0)


def _day(day: date) -> str:
    return ENGLISH.short_date(day, day, relative=False)


def _clamp(text: str, font: str, size: float, width: float, lines: int) -> str:
    """`text` cut with an ellipsis to about `lines` lines of `width` (a map label)."""
    text = " ".join(text.split())
    budget = width * lines * 0.92
    if stringWidth(text, font, size) <= budget:
        return text
    while text and stringWidth(text + "…", font, size) > budget:
        text = text[: max(len(text) - max(len(text) // 10, 1), 0)]
    return text.rstrip() + "…"


class ShareDone(Flowable):
    """A thin bar of the share of steps done, with its words."""

    def __init__(
        self, journey: JourneyMap, theme: t.Theme, styles: Styles, today: date | None = None
    ) -> None:
        super().__init__()
        self.journey = journey
        self.today = today
        self.theme = theme
        self.styles = styles

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = 2 * mm + 5 * mm
        return self.width, self.height

    def draw(self) -> None:
        canvas, theme = self.canv, self.theme
        share = self.journey.share_done
        canvas.saveState()
        canvas.setFillColor(theme.tint)
        canvas.setStrokeColor(theme.primary)
        canvas.setLineWidth(0.5)
        canvas.roundRect(0, 0, self.width, 2 * mm, 1 * mm, stroke=1, fill=1)
        if share > 0:
            canvas.setFillColor(theme.primary)
            canvas.roundRect(
                0, 0, max(self.width * share, 2 * mm), 2 * mm, 1 * mm, stroke=0, fill=1
            )
        canvas.setFillColor(t.INK)
        canvas.setFont(theme.family.bold, t.CAPTION)
        canvas.drawString(0, 3.2 * mm, f"{round(share * 100)}% done")
        canvas.setFont(theme.family.regular, t.CAPTION)
        canvas.setFillColor(t.MUTED)
        # Only the client's steps are counted: "your" says so.
        done, total = self.journey.steps_done, self.journey.steps_total
        words = f"{done} of your {total} steps done"
        canvas.drawRightString(self.width, 3.2 * mm, words)
        canvas.restoreState()
