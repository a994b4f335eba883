"""One client's page: where they are, what comes next and everything that happened."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.model.enums import Health, PhaseStatus
from deliverydesk.services.changes import Changes
from deliverydesk.services.context import Context
from deliverydesk.services.detail import JourneyDetail, PhaseDetail, StepDetail, journey_detail
from deliverydesk.services.errors import NotFound
from deliverydesk.ui import text
from deliverydesk.ui.events import AppEvents
from deliverydesk.ui.icons import icon
from deliverydesk.ui.text import tr
from deliverydesk.ui.theme import semantic

STEP_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ClientPage(QWidget):
    """Read-only in this release: editing arrives with the board's undoable commands.

    Signals:
        back_requested(): the person asked to return to the list.
    """

    back_requested = Signal()

    def __init__(
        self,
        ctx: Context,
        events: AppEvents,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._events = events
        self.undo_stack = undo_stack
        self.journey_id: int | None = None
        self.detail: JourneyDetail | None = None

        back = QToolButton()
        back.setIcon(icon("back"))
        back.setText(tr("Clients"))
        back.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        back.setAutoRaise(True)
        back.setAccessibleName(tr("Back to the client list"))
        back.clicked.connect(self.back_requested)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Back), self, self.back_requested.emit)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.back_requested.emit)

        self.name = QLabel()
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.health_icon = QLabel()
        self.health = QLabel()
        self.health.setWordWrap(True)
        self.health.setAccessibleName(tr("Health"))
        self.next_step = QLabel()
        self.next_step.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(max(6, self.fontMetrics().height() // 2))
        self.progress.setAccessibleName(tr("Progress"))
        self.progress_label = QLabel()

        self.checklist = QTreeWidget()
        self.checklist.setColumnCount(4)
        self.checklist.setHeaderLabels([tr("Step"), tr("Who"), tr("Due"), tr("Done")])
        self.checklist.setUniformRowHeights(True)
        self.checklist.setAlternatingRowColors(True)
        self.checklist.setAccessibleName(tr("Journey checklist"))
        header = self.checklist.header()
        header.setStretchLastSection(False)
        header.setAccessibleName(tr("Checklist columns"))
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        em = self.fontMetrics().horizontalAdvance("M")
        for column, width in ((1, 10), (2, 9), (3, 9)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width * em)
        self.notes = self._list(tr("Notes"))
        self.friction = self._list(tr("Friction log"))
        self.feedback = self._list(tr("Feedback"))
        self.activity = self._list(tr("Activity"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.checklist, tr("Journey"))
        self.tabs.addTab(self.notes, tr("Notes"))
        self.tabs.addTab(self.friction, tr("Friction"))
        self.tabs.addTab(self.feedback, tr("Feedback"))
        self.tabs.addTab(self.activity, tr("Activity"))

        health_row = QHBoxLayout()
        health_row.addWidget(self.health_icon, 0, Qt.AlignmentFlag.AlignTop)
        health_row.addWidget(self.health, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.name)
        layout.addWidget(self.subtitle)
        layout.addLayout(health_row)
        layout.addWidget(self.next_step)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.progress_label)
        layout.addLayout(progress_row)
        layout.addWidget(self.tabs, 1)
        events.changed.connect(self.on_changed)

    def _list(self, name: str) -> QListWidget:
        widget = QListWidget()
        widget.setWordWrap(True)
        widget.setAccessibleName(name)
        widget.setAlternatingRowColors(True)
        return widget

    def on_changed(self, changes: Changes) -> None:
        if self.journey_id is not None and (
            self.journey_id in changes.journeys or changes.is_everything
        ):
            self.show_journey(self.journey_id)

    def show_journey(self, journey_id: int) -> None:
        try:
            detail = journey_detail(self._ctx, journey_id)
        except NotFound:
            self.back_requested.emit()
            return
        self.journey_id, self.detail = journey_id, detail
        today = self._ctx.clock.today()
        self.name.setText(detail.client_name)
        parts = [p for p in (detail.company, detail.email, detail.phone) if p]
        parts.append(
            tr("{offer}, started {start}, planned to end {end}").format(
                offer=detail.offer_name,
                start=text.long_date(detail.start_on),
                end=text.long_date(detail.planned_end_on),
            )
        )
        self.subtitle.setText(" · ".join(parts))
        verdict = detail.verdict
        colors = semantic(self.palette())
        color = {Health.ON_TRACK: colors.good, Health.AT_RISK: colors.warning}.get(
            verdict.health, colors.danger
        )
        em = self.fontMetrics().height()
        self.health_icon.setPixmap(
            icon(text.health_icon_name(verdict.health), color).pixmap(QSize(em, em))
        )
        self.health.setText(text.health_line(verdict.health, verdict.reasons))
        self.next_step.setText(self._next_step_line(detail, today))
        self.progress.setMaximum(max(detail.steps_total, 1))
        self.progress.setValue(detail.steps_done if detail.steps_total else 1)
        done = tr("{done} of {total} steps done").format(
            done=detail.steps_done, total=detail.steps_total
        )
        self.progress.setFormat(done)  # read out by screen readers
        self.progress_label.setText(done)
        self._fill_checklist(detail, today)
        self._fill_records(detail)

    def _next_step_line(self, detail: JourneyDetail, today: object) -> str:
        for phase in detail.phases:
            for step in phase.steps:
                if step.completed_on is None:
                    return tr("Next: {step}, due {due} · {who}").format(
                        step=step.title,
                        due=text.long_date(step.due_on),
                        who=text.waits_on(step.owner),
                    )
        return tr("Every step is done.")

    def _fill_checklist(self, detail: JourneyDetail, today: object) -> None:
        self.checklist.clear()
        current_item = None
        for phase in detail.phases:
            item = self._phase_item(phase)
            self.checklist.addTopLevelItem(item)
            for step in phase.steps:
                item.addChild(self._step_item(step))
            item.setExpanded(phase.status is not PhaseStatus.DONE)
            if phase.status is PhaseStatus.CURRENT:
                current_item = item
        if current_item is not None:
            self.checklist.scrollToItem(current_item)

    def _phase_item(self, phase: PhaseDetail) -> QTreeWidgetItem:
        item = QTreeWidgetItem(
            [
                f"{phase.name} — {text.phase_status_label(phase.status)}",
                "",
                text.short_date(phase.planned_end_on),
                text.short_date(phase.completed_on),
            ]
        )
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        item.setFirstColumnSpanned(False)
        item.setToolTip(
            0,
            tr("Planned {start} to {end}").format(
                start=text.long_date(phase.planned_start_on),
                end=text.long_date(phase.planned_end_on),
            ),
        )
        return item

    def _step_item(self, step: StepDetail) -> QTreeWidgetItem:
        markers = []
        if step.is_milestone:
            markers.append(tr("milestone"))
        if step.is_checkpoint:
            markers.append(tr("checkpoint"))
        title = step.title + (f"  ({', '.join(markers)})" if markers else "")
        item = QTreeWidgetItem(
            [
                title,
                text.owner_label(step.owner),
                text.short_date(step.due_on),
                text.short_date(step.completed_on),
            ]
        )
        item.setIcon(0, icon("step_done" if step.completed_on else "step_open"))
        item.setIcon(1, icon(text.owner_icon_name(step.owner)))
        item.setData(0, STEP_ID_ROLE, step.id)
        tip = [text.kind_label(step.kind)]
        if step.description:
            tip.append(step.description)
        if step.failure_point:
            tip.append(tr("What usually goes wrong: {text}").format(text=step.failure_point))
        if step.recovery_protocol:
            tip.append(tr("Recovery: {text}").format(text=step.recovery_protocol))
        item.setToolTip(0, "\n".join(tip))
        item.setData(
            0,
            Qt.ItemDataRole.AccessibleTextRole,
            tr("{title}, {state}").format(
                title=title, state=tr("done") if step.completed_on else tr("open")
            ),
        )
        return item

    def _fill_records(self, detail: JourneyDetail) -> None:
        self._fill(
            self.notes,
            [f"{text.long_date(n.written_at.date())}\n{n.text}" for n in detail.notes],
            tr("No notes yet."),
        )
        self._fill(
            self.friction,
            [
                tr("{day} · {severity} · {state}\n{description}").format(
                    day=text.long_date(f.occurred_on),
                    severity=f.severity.value,
                    state=tr("resolved {day}").format(day=text.long_date(f.resolved_on))
                    if f.resolved_on
                    else tr("open"),
                    description=f.description + (f"\n{f.recovery}" if f.recovery else ""),
                )
                for f in detail.friction
            ],
            tr("No friction logged. Incidents, delays and complaints appear here."),
        )
        self._fill(
            self.feedback,
            [
                tr("{day} · score {score}/10\n{words}").format(
                    day=text.long_date(f.received_on),
                    score="—" if f.score is None else f.score,
                    words=f.words,
                )
                for f in detail.feedback
            ],
            tr("No feedback yet. What the client says at checkpoints appears here."),
        )
        self._fill(
            self.activity,
            [
                f"{text.long_date(a.at.date())} · {text.activity_text(a.kind, a.detail)}"
                for a in detail.activity
            ],
            tr("No activity yet."),
        )

    def _fill(self, widget: QListWidget, lines: list[str], empty: str) -> None:
        widget.clear()
        for line in lines:
            widget.addItem(QListWidgetItem(line))
        if not lines:
            placeholder = QListWidgetItem(empty)
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            widget.addItem(placeholder)
