"""The journey checklist: phases and their steps, each step tickable by mouse or Space;
several steps selected (Shift or Ctrl and a click, Shift and an arrow) are ticked together.

The view never changes data itself. It asks, through signals, and the page pushes an undoable
command; the refresh that follows updates the rows in place, so the selection, the scroll
position and the phases the person opened or closed stay as they were.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from deliverydesk.model.rules.enums import JourneyStatus, PhaseStatus, StepKind
from deliverydesk.services.journeys.detail import JourneyDetail, PhaseDetail, StepDetail
from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import literal_rich_text, tr
from deliverydesk.ui.look.icons import icon
from deliverydesk.ui.look.theme import semantic
from deliverydesk.wording.money_words import money_text

STEP_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STEP, WHO, DUE, DONE = range(4)

Shape = tuple[tuple[int, tuple[int, ...]], ...]


def spoken_date(day: date, today: date) -> str:
    """'12 Nov', with the year only when it is not this year's."""
    return (
        text.short_date(day, today, relative=False)
        if day.year == today.year
        else text.long_date(day)
    )


def invoice_words(step: StepDetail, currency: str) -> str:
    """An invoice step's amount and where it stands: "£300 · paid 2 Oct 2026". A step
    with no amount (an offer not priced) says only where it stands, and nothing while open."""
    said = []
    if step.amount_minor is not None:
        said.append(money_text(step.amount_minor, currency))
    if step.paid_on is not None:
        said.append(tr("paid {day}").format(day=text.long_date(step.paid_on)))
    elif step.completed_on is not None:
        said.append(tr("invoiced, not paid yet"))
    return " · ".join(said)


def days_late(step: StepDetail, today: date) -> int:
    """How many days an open step is past its due date; 0 when done or not yet due."""
    if step.completed_on is not None or step.due_on >= today:
        return 0
    return (today - step.due_on).days


def _phase_row(phase: PhaseDetail, today: date) -> tuple[object, ...]:
    """What a phase's row shows (its steps' rows are their own)."""
    return (
        phase.name,
        phase.status,
        phase.open_steps if phase.status is PhaseStatus.SKIPPED else None,  # said only then
        phase.planned_start_on,
        phase.planned_end_on,
        phase.completed_on,
        today,
    )


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [child for i in range(item.childCount()) if (child := item.child(i)) is not None]


class ChecklistView(QTreeWidget):
    """Signals:
    toggle_requested(int): the person ticked or unticked the step with this id.
    toggle_many_requested(list): Space on several selected steps (their ids, in order).
    menu_requested(int, QPoint): the person asked for a step's actions at a global position.
    """

    toggle_requested = Signal(int)
    toggle_many_requested = Signal(list)
    menu_requested = Signal(int, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(4)
        self.setHeaderLabels([tr("Step"), tr("Who"), tr("Due"), tr("Done")])
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setAccessibleName(tr("Journey checklist"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.header()
        header.setStretchLastSection(False)
        header.setAccessibleName(tr("Checklist columns"))
        header.setSectionResizeMode(STEP, QHeaderView.ResizeMode.Stretch)
        em = self.fontMetrics().horizontalAdvance("M")
        for column, width in ((WHO, 10), (DUE, 11), (DONE, 9)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width * em)
        self._journey_id: int | None = None
        self._shape: Shape = ()
        self._steps: dict[int, StepDetail] = {}
        self._shown: dict[int, tuple[StepDetail, date]] = {}  # what each step row shows
        self._shown_phases: dict[int, tuple[object, ...]] = {}  # and each phase row
        self._running = True  # an ended journey's open steps are left open, not late
        self._currency = ""
        self._filling = False
        # A blank icon where there is no marker keeps titles and dates in line.
        blank = QPixmap(self.iconSize() if self.iconSize().isValid() else self._em_size())
        blank.fill(Qt.GlobalColor.transparent)
        self._blank = QIcon(blank)
        self.itemChanged.connect(self._on_item_changed)

    def _em_size(self) -> QSize:
        side = self.style().pixelMetric(self.style().PixelMetric.PM_SmallIconSize, None, self)
        return QSize(side, side)

    # -- reading -----------------------------------------------------------------------------
    def step(self, step_id: int) -> StepDetail | None:
        return self._steps.get(step_id)

    def current_step(self) -> StepDetail | None:
        item = self.currentItem()
        if item is None:
            return None
        step_id = item.data(STEP, STEP_ID_ROLE)
        return None if step_id is None else self._steps.get(step_id)

    def selected_steps(self) -> list[StepDetail]:
        """The steps selected, in journey order (phase rows selected are left out)."""
        chosen = {id(item) for item in self.selectedItems()}
        return [
            self._steps[step_id]
            for phase in self._phase_items()
            for item in _children(phase)
            if id(item) in chosen
            and (step_id := item.data(STEP, STEP_ID_ROLE)) is not None
            and step_id in self._steps
        ]

    def step_item(self, step_id: int) -> QTreeWidgetItem | None:
        for phase in self._phase_items():
            for item in _children(phase):
                if item.data(STEP, STEP_ID_ROLE) == step_id:
                    return item
        return None

    def select_step(self, step_id: int) -> None:
        item = self.step_item(step_id)
        if item is not None:
            self.setCurrentItem(item)
            self.scrollToItem(item)

    # -- filling -----------------------------------------------------------------------------
    def show_detail(self, detail: JourneyDetail, today: date) -> None:
        """Show a journey; the same journey again is updated in place, keeping its state."""
        shape: Shape = tuple((p.position, tuple(s.id for s in p.steps)) for p in detail.phases)
        same_journey = detail.journey_id == self._journey_id
        self._steps = {s.id: s for p in detail.phases for s in p.steps}
        self._currency = detail.currency  # of the invoice steps' amounts
        running = detail.status in (JourneyStatus.ACTIVE, JourneyStatus.PAUSED)
        kept, self._running = self._running == running, running
        self._filling = True
        try:
            if same_journey and shape == self._shape and kept:
                # Only what changed is redrawn: an edit touches one or two of 30 steps.
                shown, self._shown = self._shown, {}
                for phase_item, phase in zip(self._phase_items(), detail.phases, strict=True):
                    # Set again, even to the same words, a row repaints (an icon never
                    # compares equal): only a phase whose row would read otherwise.
                    if self._shown_phases.get(phase.position) != _phase_row(phase, today):
                        self._apply_phase(phase_item, phase, today)
                    for step_item, step in zip(_children(phase_item), phase.steps, strict=True):
                        if shown.get(step.id) != (step, today):
                            self._apply_step(step_item, step, today)
                        self._shown[step.id] = (step, today)
            else:
                self._rebuild(detail, today, keep_state=same_journey)
        finally:
            self._filling = False
        self._journey_id, self._shape = detail.journey_id, shape

    def _phase_items(self) -> list[QTreeWidgetItem]:
        return _children(self.invisibleRootItem())

    def _rebuild(self, detail: JourneyDetail, today: date, *, keep_state: bool) -> None:
        expanded = {i: item.isExpanded() for i, item in enumerate(self._phase_items())}
        current = self.current_step()
        scroll = self.verticalScrollBar().value()
        self.clear()
        self._shown, self._shown_phases = {}, {}
        current_phase: QTreeWidgetItem | None = None
        next_open: QTreeWidgetItem | None = None
        for phase in detail.phases:
            phase_item = QTreeWidgetItem()
            self._apply_phase(phase_item, phase, today)
            self.addTopLevelItem(phase_item)
            for step in phase.steps:
                step_item = QTreeWidgetItem()
                self._apply_step(step_item, step, today)
                phase_item.addChild(step_item)
                if next_open is None and step.completed_on is None:
                    next_open = step_item
            default = phase.status is not PhaseStatus.DONE
            phase_item.setExpanded(expanded.get(phase.position, default) if keep_state else default)
            if phase.status in (PhaseStatus.CURRENT, PhaseStatus.STOPPED):
                current_phase = phase_item
        if keep_state:
            if current is not None:
                self.select_step(current.id)
            self.verticalScrollBar().setValue(scroll)
            return
        if current_phase is not None:
            self.scrollToItem(current_phase)
        if next_open is not None:
            # Keyboard users land on the next open step without it looking chosen.
            index = self.indexFromItem(next_open)
            self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)

    def _apply_phase(self, item: QTreeWidgetItem, phase: PhaseDetail, today: date) -> None:
        self._shown_phases[phase.position] = _phase_row(phase, today)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        status = text.phase_status_label(phase.status, phase.open_steps)
        item.setText(STEP, f"{phase.name} — {status}")
        item.setText(DUE, text.short_date(phase.planned_end_on, today, relative=False))
        item.setIcon(DUE, self._blank)  # dates line up with the late ones' warning icons
        item.setText(DONE, text.short_date(phase.completed_on, today, relative=False))
        font = item.font(STEP)
        font.setBold(True)
        item.setFont(STEP, font)
        tip = tr("Planned {start} to {end}").format(
            start=text.long_date(phase.planned_start_on),
            end=text.long_date(phase.planned_end_on),
        )
        skipped = phase.status is PhaseStatus.SKIPPED
        # Left behind with steps open: marked as a warning, never dated as done.
        item.setIcon(
            STEP, icon("at_risk", semantic(self.palette()).warning) if skipped else QIcon()
        )
        if skipped:
            item.setText(DONE, "")
            tip += "\n" + tr("Left with {n} of its steps still open.").format(n=phase.open_steps)
        item.setToolTip(STEP, tip)

    def _apply_step(self, item: QTreeWidgetItem, step: StepDetail, today: date) -> None:
        self._shown[step.id] = (step, today)
        markers = []
        if step.is_milestone:
            markers.append(tr("milestone"))
        if step.is_checkpoint:
            markers.append(tr("checkpoint"))
        title = step.title + (f"  ({', '.join(markers)})" if markers else "")
        if step.kind is StepKind.INVOICE:
            title += "  " + invoice_words(step, self._currency)
        done = step.completed_on is not None
        late = days_late(step, today) if self._running else 0
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        item.setData(STEP, STEP_ID_ROLE, step.id)
        item.setText(STEP, title)
        item.setCheckState(STEP, Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
        marker = "milestone" if step.is_milestone else "checkpoint" if step.is_checkpoint else ""
        item.setIcon(STEP, icon(marker) if marker else self._blank)
        item.setText(WHO, text.owner_label(step.owner))
        item.setIcon(WHO, icon(text.owner_icon_name(step.owner)))
        due = text.short_date(step.due_on, today, relative=False)
        if step.session_time is not None:  # a session's time beside its date: "8 Dec 10:00–11:00"
            due = f"{due} {text.session_span(step.session_time, step.session_minutes)}"
        if late:
            item.setText(DUE, tr("{due} · late").format(due=due))
            item.setIcon(DUE, icon("at_risk", semantic(self.palette()).warning))
            item.setToolTip(
                DUE,
                tr("{days} late: it was due {due}").format(
                    days=text.days(late), due=text.long_date(step.due_on)
                ),
            )
        else:
            item.setText(DUE, due)
            item.setIcon(DUE, self._blank)
            item.setToolTip(DUE, tr("Due {due}").format(due=text.long_date(step.due_on)))
            if step.session_time is not None:
                item.setToolTip(
                    DUE,
                    tr("Session on {day}, {span}").format(
                        day=text.long_date(step.due_on),
                        span=text.session_span(step.session_time, step.session_minutes),
                    ),
                )
        item.setText(DONE, text.short_date(step.completed_on, today, relative=False))
        item.setToolTip(
            DONE,
            tr(
                "Brought in: done before DeliveryDesk, by {day} as you said; never counted late"
            ).format(day=text.long_date(step.completed_on))
            if step.brought_in and step.completed_on is not None
            else text.long_date(step.completed_on),
        )

        tip = [text.kind_label(step.kind)]
        if step.description:
            tip.append(step.description)
        if step.failure_point:
            tip.append(tr("What usually goes wrong: {text}").format(text=step.failure_point))
        if step.recovery_protocol:
            tip.append(tr("Recovery: {text}").format(text=step.recovery_protocol))
        tip.append(tr("Space or a click on the box ticks it; right-click for more."))
        item.setToolTip(STEP, literal_rich_text(tip))
        if step.completed_on is not None and step.brought_in:
            state = tr("done before DeliveryDesk, brought in")
        elif step.completed_on is not None:
            state = tr("done on {day}").format(day=spoken_date(step.completed_on, today))
        else:
            state = tr("open, due {day}").format(day=spoken_date(step.due_on, today))
            if late:
                state += tr(", {days} late").format(days=text.days(late))
        item.setData(
            STEP,
            Qt.ItemDataRole.AccessibleTextRole,
            tr("{title}, {state}").format(title=title, state=state),
        )

    # -- asking ------------------------------------------------------------------------------
    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != STEP:
            return
        step_id = item.data(STEP, STEP_ID_ROLE)
        step = self._steps.get(step_id) if step_id is not None else None
        if step is None:
            return
        ticked = item.checkState(STEP) == Qt.CheckState.Checked
        if ticked != (step.completed_on is not None):
            # Asked from inside the item's own setData: answer once that call has returned.
            QTimer.singleShot(0, self, lambda: self.toggle_requested.emit(step_id))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = self.current_step()
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if plain and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select):
            several = self.selected_steps()
            if len(several) > 1:
                event.accept()
                self.toggle_many_requested.emit([s.id for s in several])
                return
            if step is not None:
                event.accept()
                self.toggle_requested.emit(step.id)
                return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            item = self.currentItem()
            if item is None:
                return
            rect = self.visualItemRect(item)
            where = self.viewport().mapToGlobal(QPoint(rect.left() + rect.height(), rect.bottom()))
        else:
            item = self.itemAt(event.pos())
            where = event.globalPos()
        step_id = item.data(STEP, STEP_ID_ROLE) if item is not None else None
        if item is None or step_id is None:
            return
        self.setCurrentItem(item)
        event.accept()
        self.menu_requested.emit(step_id, where)
