"""Noticing that today has become tomorrow while the window stays open.

Health, "late", "Today" and "Tomorrow" all depend on the date. A practitioner who leaves
DeliveryDesk open overnight sees Tuesday's board on Tuesday: a single-shot timer wakes
just after local midnight, and at least hourly (a laptop that slept through midnight, or a
clock set by hand, is caught too), and the date is checked again whenever the application
comes back to the front. When the clock's day has changed, the event bus says so and the
views re-derive what depends on it.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication

from deliverydesk.model.rules.clock import Clock
from deliverydesk.ui.core.events import AppEvents

LONGEST_WAIT = timedelta(hours=1)
AFTER_MIDNIGHT = timedelta(seconds=2)  # wake just past it, never a moment before


def wait_until_next_day(now: datetime) -> timedelta:
    """How long from `now` (aware) until just after the next local midnight, at most an hour."""
    local = now.astimezone()
    midnight = datetime.combine(local.date() + timedelta(days=1), time(), local.tzinfo)
    return min(midnight - local + AFTER_MIDNIGHT, LONGEST_WAIT)


class DayWatcher(QObject):
    """Emits `events.day_changed(date)` once the clock's day is not the one last seen."""

    def __init__(self, clock: Clock, events: AppEvents, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._events = events
        self.day: date = clock.today()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.VeryCoarseTimer)  # to the second is plenty
        self.timer.timeout.connect(self.check)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_state)
        self._arm()

    def check(self) -> bool:
        """Look at the clock now; True (and the bus told) when the day has changed."""
        today = self._clock.today()
        changed = today != self.day
        if changed:
            self.day = today
            self._events.day_changed.emit(today)
        self._arm()
        return changed

    def _on_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check()

    def _arm(self) -> None:
        wait = wait_until_next_day(self._clock.now())
        self.timer.start(max(int(wait.total_seconds() * 1000), 1000))
