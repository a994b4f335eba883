"""The head of a client's page: who the client is and what they bought, how the journey
is going (health, and why in its tooltip), what comes next and how far along it is.

The page decides *when* each part is redrawn (only the parts whose fields changed, see
`ClientPage._show`); this says *how*. The page lays the parts out, with the journey
switcher and the journey's state line between them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from deliverydesk.model.rules.enums import Health, JourneyStatus
from deliverydesk.services.journeys.detail import JourneyDetail
from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import literal_rich_text, tr
from deliverydesk.ui.look.icons import icon
from deliverydesk.ui.look.progress_track import TrackBar
from deliverydesk.ui.look.theme import health_color
from deliverydesk.ui.look.typography import make_heading


class JourneyHeader:
    """`page` lends its palette and font (health icon, progress bar height); `today`
    judges what comes next."""

    def __init__(self, page: QWidget, today: Callable[[], date]) -> None:
        self._page = page
        self._today = today
        self.name = QLabel()
        make_heading(self.name, 1.6)
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
        self.progress = TrackBar()  # flat, as on the board's cards
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(max(6, page.fontMetrics().height() // 2))
        self.progress.setAccessibleName(tr("Progress"))
        self.progress_label = QLabel()
        for label in (self.name, self.subtitle, self.health, self.next_step):
            label.setTextFormat(Qt.TextFormat.PlainText)  # names and titles are user text

    def health_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.health_icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.health, 1)
        return row

    def progress_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.progress_label)
        return row

    def show_title(self, detail: JourneyDetail) -> None:
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

    def show_progress(self, detail: JourneyDetail) -> None:
        next_line = self._next_step_line(detail)
        self.next_step.setText(next_line)
        self.next_step.setVisible(bool(next_line))
        # QProgressBar repaints itself at once on a new value; with its updates off it only
        # asks for a paint, drawn with the rest of the page in the same frame.
        self.progress.setUpdatesEnabled(False)
        self.progress.setMaximum(max(detail.steps_total, 1))
        self.progress.setValue(detail.steps_done if detail.steps_total else 1)
        self.progress.setUpdatesEnabled(True)
        done = text.steps_done(detail.steps_done, detail.steps_total)
        self.progress.setFormat(done)  # read out by screen readers
        self.progress_label.setText(done)

    def show_health(self, detail: JourneyDetail) -> None:
        """The verdict, shown only while the journey is active."""
        verdict = detail.verdict
        color = health_color(verdict.health, self._page.palette())
        em = self._page.fontMetrics().height()
        self.health_icon.setPixmap(
            icon(text.health_icon_name(verdict.health), color).pixmap(QSize(em, em))
        )
        self.health.setText(text.health_line(verdict.health, verdict.reasons))
        if verdict.reasons:
            tip = [tr("Why:")] + [f"• {text.reason_text(r)}" for r in verdict.reasons]
        elif verdict.health is Health.ON_TRACK:
            tip = [tr("No step is late, the phase is within its plan and no friction is open.")]
        else:
            tip = [tr("Health is judged while a journey is active.")]
        self.health.setToolTip(literal_rich_text(tip))
        for widget in (self.health_icon, self.health):
            widget.setVisible(detail.status is JourneyStatus.ACTIVE)

    def _next_step_line(self, detail: JourneyDetail) -> str:
        """What comes next; nothing once the journey has ended (its state line says so)."""
        if detail.status not in (JourneyStatus.ACTIVE, JourneyStatus.PAUSED):
            return ""
        for phase in detail.phases:
            for step in phase.steps:
                if step.completed_on is None:
                    return tr("Next: {step}, {due} · {who}").format(
                        step=step.title,
                        due=text.WORDS.due_words(step.due_on, self._today()),
                        who=text.waits_on(step.owner),
                    )
        return tr("Every step is done.")
