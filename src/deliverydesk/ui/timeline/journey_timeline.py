"""One client's timeline: a row per phase, planned against actual, with its milestones
(diamonds) and checkpoints (gates) at their dates. Hovering words the step or the phase."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QPointF, QRectF, Qt
from PySide6.QtGui import QHelpEvent, QPainter
from PySide6.QtWidgets import QAbstractItemView, QStyleOptionViewItem, QToolTip, QWidget

from deliverydesk.model.rules.enums import JourneyStatus
from deliverydesk.services.views.timeline import JourneyTimeline, Mark, PhaseSpan
from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import literal_rich_text, tr
from deliverydesk.ui.timeline.bars import (
    paint_gate,
    paint_grid,
    paint_milestone,
    paint_phase,
    paint_today,
    phase_geometry,
)
from deliverydesk.ui.timeline.portfolio_delegate import phase_lines
from deliverydesk.ui.timeline.portfolio_model import ROW_ROLE, slip_words
from deliverydesk.ui.timeline.scale import TimeScale
from deliverydesk.ui.timeline.timeline_view import Columns, Index, TimelineDelegate

ROW_HEIGHT = 2.6
MARKS_ROLE = Qt.ItemDataRole.UserRole + 3
_ENDED = (JourneyStatus.COMPLETED, JourneyStatus.CANCELLED, JourneyStatus.ARCHIVED)


def open_mark_state(mark: Mark, timeline: JourneyTimeline | None) -> str:
    """An open milestone or checkpoint of a journey that has ended: "Not reached" past
    where a cancelled journey stopped, else "Left open"; empty while the journey runs
    (nothing of an ended journey is late any more)."""
    if timeline is None or timeline.status not in _ENDED or mark.completed_on is not None:
        return ""
    cancelled = timeline.status is JourneyStatus.CANCELLED
    if cancelled and mark.phase_position > timeline.current_position:
        return tr("Not reached")
    return tr("Left open")


def not_started_words(timeline: JourneyTimeline | None) -> str:
    """A phase never entered, once the journey has ended ("" while it runs)."""
    if timeline is None or timeline.status not in _ENDED:
        return ""
    if timeline.status is JourneyStatus.CANCELLED:
        return tr("Not reached: the journey was cancelled.")
    return tr("Not started.")


class JourneyPhaseModel(QAbstractListModel):
    """The phases of one journey, each with the marks that sit in it."""

    def __init__(self, today: Callable[[], date], parent: Any = None) -> None:
        super().__init__(parent)
        self.today = today
        self.timeline: JourneyTimeline | None = None
        self._marks: dict[int, tuple[Mark, ...]] = {}

    def set_timeline(self, timeline: JourneyTimeline | None) -> None:
        self.beginResetModel()
        self.timeline = timeline
        marks: dict[int, list[Mark]] = {}
        for mark in timeline.marks if timeline else ():
            marks.setdefault(mark.phase_position, []).append(mark)
        self._marks = {position: tuple(found) for position, found in marks.items()}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.timeline is None else len(self.timeline.phases)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.timeline is None or not 0 <= index.row() < len(self.timeline.phases):
            return None
        phase = self.timeline.phases[index.row()]
        if role == ROW_ROLE:
            return phase
        if role == MARKS_ROLE:
            return self._marks.get(phase.position, ())
        if role == Qt.ItemDataRole.DisplayRole:
            return phase.name
        if role == Qt.ItemDataRole.AccessibleTextRole:
            today = self.today()
            words = not_started_words(self.timeline)
            return "; ".join(phase_lines(phase.name, phase, today, words))
        return None


class JourneyPhaseDelegate(TimelineDelegate):
    def __init__(
        self,
        scale: TimeScale,
        columns: Columns,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(scale, columns, today, ROW_HEIGHT, parent)
        self.current_position = -1

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        phase: PhaseSpan | None = index.data(ROW_ROLE)
        if phase is None:
            return
        marks: tuple[Mark, ...] = index.data(MARKS_ROLE) or ()
        painter.save()
        self.paint_background(painter, option)
        self.paint_name(painter, option, phase.name, bold=phase.position == self.current_position)
        chart = self.columns.chart(option.rect)
        colors = self.colors(option.palette)
        today = self.today()
        painter.setClipRect(chart)
        paint_grid(painter, self.scale, chart.left(), chart, colors)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        band = self.band(chart)
        geometry = phase_geometry(self.scale, chart.left(), band, phase, today)
        paint_phase(painter, geometry, colors, current=phase.position == self.current_position)
        paint_today(painter, self.scale, chart.left(), QRectF(chart), today, colors)
        base = option.palette.color(option.palette.ColorRole.Base)
        size = self.mark_size(option)
        timeline = _timeline(index)
        for mark in marks:
            center = self.mark_center(mark, chart)
            done = mark.completed_on is not None
            late = not done and mark.due_on < today and not open_mark_state(mark, timeline)
            color = colors.good if done else colors.danger if late else colors.ink
            if mark.is_checkpoint:
                paint_gate(painter, center, size, color, mark.completed_on is not None, base)
            else:
                paint_milestone(painter, center, size, color, mark.completed_on is not None, base)
        painter.setClipping(False)
        self.paint_slip(painter, option, None if phase.started_on is None else phase.slip(today))
        painter.restore()

    # -- geometry ----------------------------------------------------------------------------
    @staticmethod
    def band(chart: QRectF) -> QRectF:
        return QRectF(
            chart.left(), chart.top() + chart.height() * 0.2, chart.width(), chart.height() * 0.6
        )

    def mark_size(self, option: QStyleOptionViewItem) -> float:
        return option.fontMetrics.height() * 0.9

    def mark_center(self, mark: Mark, chart: QRectF) -> QPointF:
        x = chart.left() + self.scale.x_of(mark.on) + self.scale.day_width / 2
        return QPointF(x, chart.top() + chart.height() / 2)

    # -- tooltips ----------------------------------------------------------------------------
    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        if event.type() != QEvent.Type.ToolTip:
            return super().helpEvent(event, view, option, index)
        phase: PhaseSpan | None = index.data(ROW_ROLE)
        if phase is None:
            return False
        chart = self.columns.chart(option.rect)
        mark = self.mark_at(index.data(MARKS_ROLE) or (), QPointF(event.pos()), chart, option)
        timeline = _timeline(index)
        lines = (
            mark_lines(mark, self.today(), timeline)
            if mark
            else phase_lines(phase.name, phase, self.today(), not_started_words(timeline))
        )
        if mark is None and timeline is not None:
            lines.extend(session_lines(timeline, phase.position))
        lines.append(tr("Click to open this client."))
        QToolTip.showText(event.globalPos(), literal_rich_text(lines), view)
        return True

    def mark_at(
        self, marks: tuple[Mark, ...], point: QPointF, chart: QRectF, option: QStyleOptionViewItem
    ) -> Mark | None:
        reach = self.mark_size(option) * 0.75
        for mark in marks:
            center = self.mark_center(mark, chart)
            if abs(center.x() - point.x()) <= reach and abs(center.y() - point.y()) <= reach:
                return mark
        return None


def _timeline(index: Index) -> JourneyTimeline | None:
    model = index.model()
    return model.timeline if isinstance(model, JourneyPhaseModel) else None


def session_lines(timeline: JourneyTimeline, position: int) -> list[str]:
    """The phase's open sessions with their times ("Session: Tue 8 Dec 2026, 10:00–11:00
    Welcome call")."""
    return [
        tr("Session: {day}, {when}").format(
            day=text.long_date(s.day), when=text.timed_step(s.title, s.start, s.minutes)
        )
        for s in timeline.sessions
        if s.phase_position == position
    ]


def mark_lines(mark: Mark, today: date, timeline: JourneyTimeline | None = None) -> list[str]:
    what = tr("Checkpoint") if mark.is_checkpoint else tr("Milestone")
    lines = [f"{what}: {mark.title}"]
    if state := open_mark_state(mark, timeline):
        lines.append(tr("Due {due}: {state}.").format(due=text.long_date(mark.due_on), state=state))
    elif mark.completed_on is not None:
        lines.append(
            tr("Done {day} (due {due}).").format(
                day=text.long_date(mark.completed_on), due=text.long_date(mark.due_on)
            )
        )
    elif mark.due_on < today:
        lines.append(
            tr("Due {due}: {days} late · {who}").format(
                due=text.long_date(mark.due_on),
                days=text.days((today - mark.due_on).days),
                who=text.waits_on(mark.owner),
            )
        )
    else:
        lines.append(
            tr("Due {due} · {who}").format(
                due=text.long_date(mark.due_on), who=text.waits_on(mark.owner)
            )
        )
    return lines


def journey_summary(timeline: JourneyTimeline) -> str:
    """The line under the client's name: the offer, the dates and the slip (how it ended,
    for a journey that has: a cancelled one is not "ahead of plan")."""
    slip = slip_words(timeline.slip_days)
    if timeline.status is JourneyStatus.CANCELLED:
        slip = tr("cancelled on {day}").format(day=text.long_date(timeline.ended_on))
    elif timeline.ended_on is not None:
        slip = tr("ended on {day}, {slip}").format(day=text.long_date(timeline.ended_on), slip=slip)
    return tr("{offer} · started {start} · planned to end {end} · {slip}").format(
        offer=timeline.offer_name,
        start=text.long_date(timeline.start_on),
        end=text.long_date(timeline.planned_end_on),
        slip=slip,
    )


def mark_cells(
    mark: Mark, phase: str, today: date, timeline: JourneyTimeline | None = None
) -> tuple[str, str, str, str]:
    """A milestone or checkpoint as a row of words: date, what, phase, state."""
    what = tr("Checkpoint") if mark.is_checkpoint else tr("Milestone")
    if mark.is_checkpoint and mark.is_milestone:
        what = tr("Milestone and checkpoint")
    if ended := open_mark_state(mark, timeline):
        state = ended
    elif mark.completed_on is not None:
        state = tr("Done")
    elif mark.due_on < today:
        state = tr("{days} late · {who}").format(
            days=text.days((today - mark.due_on).days), who=text.waits_on(mark.owner)
        )
    else:
        state = text.waits_on(mark.owner)
    return (text.long_date(mark.on), f"{what}: {mark.title}", phase, state)
