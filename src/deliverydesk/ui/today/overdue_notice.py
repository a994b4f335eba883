"""On start, when a step is late or a paused journey is due to resume: a banner across the
window that opens Today, and a desktop notification where the system shows them. The
banner's count follows every change; dismissed, it stays away until tomorrow.

"Late" is any step past its due date; "overdue" is only your own lateness, as the board's
badge and quick filter say it (one meaning per word)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSystemTrayIcon,
    QToolBar,
    QToolButton,
    QWidget,
)

from deliverydesk.model.rules.enums import Owner
from deliverydesk.services.changes import Aspect, Changes
from deliverydesk.services.views.today import PausedRow
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.text import WORDS, tr
from deliverydesk.ui.look.icons import app_icon, icon
from deliverydesk.ui.look.theme import semantic

COUNT_ASPECTS = Aspect.STEPS | Aspect.JOURNEY | Aspect.PHASE
TRAY_SECONDS = 30  # the tray icon leaves again once its message has been seen


def overdue_sentence(counts: dict[Owner, int]) -> str:
    """ "3 steps are late: 1 of yours, 2 waiting on clients." """
    total = sum(counts.values())
    head = tr("1 step is late") if total == 1 else tr("{n} steps are late").format(n=total)
    parts = []
    for owner, one, many in (
        (Owner.ME, tr("1 of yours"), tr("{n} of yours")),
        (Owner.CLIENT, tr("1 waiting on a client"), tr("{n} waiting on clients")),
        (Owner.THIRD_PARTY, tr("1 on a third party"), tr("{n} on third parties")),
    ):
        n = counts.get(owner, 0)
        if n:
            parts.append(one if n == 1 else many.format(n=n))
    return f"{head}: {', '.join(parts)}." if parts else f"{head}."


def resume_sentence(reminders: Sequence[PausedRow], today: date) -> str:
    """ "Resume Tom Becker's Brand Audit (planned for 7 Dec)." or "3 paused journeys are
    due to resume." """
    if len(reminders) == 1 and (planned := reminders[0].resume_on) is not None:
        only = reminders[0]
        return WORDS.resume_reminder(only.client_name, only.offer_name, planned, today) + "."
    return tr("{n} paused journeys are due to resume.").format(n=len(reminders))


def notice_sentence(counts: dict[Owner, int], reminders: Sequence[PausedRow], today: date) -> str:
    """What the banner and the notification say: the late steps, then the reminders."""
    parts = [overdue_sentence(counts)] if sum(counts.values()) else []
    if reminders:
        parts.append(resume_sentence(reminders, today))
    return " ".join(parts)


class OverdueBanner(QToolBar):
    """Signals:
    open_today(): the person asked to see what is overdue.
    """

    open_today = Signal()

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(tr("Late steps"), parent)
        self._today = today
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)  # not a toolbar to switch on and off
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        # Slim: at the default window size the board's lanes must still fit under it.
        if (layout := self.layout()) is not None:
            layout.setContentsMargins(0, 0, 0, 0)
        self.body = QWidget()
        self.body.setAutoFillBackground(True)
        row = QHBoxLayout(self.body)
        em = self.fontMetrics().height()
        row.setContentsMargins(em // 2, em // 6, em // 4, em // 6)
        self.picture = QLabel()
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAccessibleName(tr("Late steps"))
        self.open_button = QPushButton(icon("today"), tr("Open Today"))
        self.open_button.clicked.connect(self.open_today)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(tr("Hide until tomorrow"))
        self.close_button.setAccessibleName(tr("Hide the notice of late steps"))
        self.close_button.clicked.connect(self.dismiss)
        row.addWidget(self.picture)
        row.addWidget(self.message, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.close_button)
        self.addWidget(self.body)
        self.dismissed_on: date | None = None
        self._tint()

    def _tint(self) -> None:
        palette = self.body.palette()
        warning = QColor(semantic(palette).warning)
        base = palette.color(QPalette.ColorRole.Window)
        share = 0.22  # a tint: the words keep their contrast on it
        mixed = QColor.fromRgbF(
            base.redF() * (1 - share) + warning.redF() * share,
            base.greenF() * (1 - share) + warning.greenF() * share,
            base.blueF() * (1 - share) + warning.blueF() * share,
        )
        palette.setColor(QPalette.ColorRole.Window, mixed)
        self.body.setPalette(palette)
        em = self.fontMetrics().height()
        self.picture.setPixmap(icon("at_risk", semantic(palette).warning).pixmap(QSize(em, em)))

    def show_counts(
        self, counts: dict[Owner, int], today: date, reminders: Sequence[PausedRow] = ()
    ) -> None:
        """Show the counts and the resume reminders, or hide when there is neither (or
        the banner was dismissed today)."""
        said = notice_sentence(counts, reminders, today)
        self.message.setText(said)
        self.setVisible(bool(said) and self.dismissed_on != today)

    def dismiss(self) -> None:
        self.dismissed_on = self._today()
        self.hide()


class OverdueNotice:
    """Wires the banner (and the tray) to the window, the workspace and the event bus."""

    def __init__(self, window: QMainWindow, workspace: Workspace, events: AppEvents) -> None:
        self._ws = workspace
        self.window = window
        self.banner = OverdueBanner(workspace.today, window)
        self.banner.hide()
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.banner)
        self.tray: QSystemTrayIcon | None = None
        self._by_journey: dict[int, dict[Owner, int]] = {}  # what is overdue, per journey
        self._counts: dict[Owner, int] = {}  # and in all
        self._reminders: list[PausedRow] = []  # paused journeys due to resume
        events.changed.connect(self._changed)
        events.day_changed.connect(lambda _day: self.recount())

    def start(self) -> dict[Owner, int]:
        """The start's check: banner always, desktop notification where supported."""
        counts = self.recount()
        if (sum(counts.values()) or self._reminders) and QSystemTrayIcon.isSystemTrayAvailable():
            self._notify(counts)
        return counts

    def recount(self) -> dict[Owner, int]:
        """Count every journey (the start, a new day, a change to many journeys)."""
        self._by_journey = self._ws.schedule.overdue_by_journey()
        self._reminders = self._ws.schedule.resume_reminders()
        self._counts = {}
        for journey in self._by_journey.values():
            self._add(journey, 1)
        return self._show_counts()

    def _add(self, journey: dict[Owner, int], sign: int) -> None:
        for owner, n in journey.items():
            self._counts[owner] = self._counts.get(owner, 0) + sign * n

    def _show_counts(self) -> dict[Owner, int]:
        counts = {owner: n for owner, n in self._counts.items() if n}
        self.banner.show_counts(counts, self._ws.today(), self._reminders)
        return counts

    def _changed(self, changes: Changes) -> None:
        """Keep a shown count true, counting only the journeys changed again (a tick at
        5,000 clients need not count them all). A hidden banner stays hidden and counts
        nothing: it shows again only through `recount`, which counts every journey."""
        if self.banner.isHidden() or not changes.touches(COUNT_ASPECTS):
            return
        if changes.everything or not changes.journeys:
            self.recount()
            return
        if changes.touches(Aspect.JOURNEY):  # paused, resumed or ended: a few rows to read
            self._reminders = self._ws.schedule.resume_reminders()
        fresh = self._ws.schedule.overdue_by_journey(changes.journeys)
        for journey_id in changes.journeys:
            self._add(self._by_journey.pop(journey_id, {}), -1)
        for journey in fresh.values():
            self._add(journey, 1)
        self._by_journey.update(fresh)
        self._show_counts()

    def _bring_up(self) -> None:
        """From the desktop notification: the window to the front, on Today."""
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()
        self.banner.open_today.emit()

    def _notify(self, counts: dict[Owner, int]) -> None:
        tray = QSystemTrayIcon(app_icon(), self.window)
        if not tray.supportsMessages():
            return
        tray.setToolTip("DeliveryDesk")
        tray.messageClicked.connect(self._bring_up)
        tray.activated.connect(lambda _reason: self._bring_up())
        tray.show()
        tray.showMessage(
            tr("Late steps in DeliveryDesk") if sum(counts.values()) else "DeliveryDesk",
            notice_sentence(counts, self._reminders, self._ws.today()),
            QSystemTrayIcon.MessageIcon.Information,
            10_000,
        )
        self.tray = tray
        QTimer.singleShot(TRAY_SECONDS * 1000, tray.hide)
