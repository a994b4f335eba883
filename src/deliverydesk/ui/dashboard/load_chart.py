"""Capacity by week on the dashboard: the enrolment check's chart with the booked load
alone (no new client on top), against the weekly hours."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from deliverydesk.services.views.timeline import CapacityStrip
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.dashboard.words import capacity_sentence
from deliverydesk.ui.widgets.capacity_chart import CapacityChart


class LoadChart(CapacityChart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.added_label = ""  # nothing is added: the legend names the booked hours only
        self.empty_text = tr("No journey is running, so nothing is booked.")
        self.setAccessibleName(tr("Capacity by week, the next 12 weeks"))

    def set_strip(self, strip: CapacityStrip | None) -> None:
        self.weeks = strip.weeks if strip else ()
        self.weekly_hours = strip.weekly_hours if strip else 0.0
        self.setAccessibleDescription(capacity_sentence(strip) if strip else "")
        self.update()

    def sizeHint(self) -> QSize:
        em = self.fontMetrics().height()
        return QSize(em * 30, em * 14)

    def minimumSizeHint(self) -> QSize:
        em = self.fontMetrics().height()
        return QSize(em * 20, em * 12)
