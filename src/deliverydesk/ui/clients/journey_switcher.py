"""The switcher between a returning client's journeys, above the one the page shows.

Hidden for a client with one journey. An earlier journey (ended, with a later one after
it) opens read-only: the page shows it as it was, with its dates and how it ended.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from deliverydesk.model.rules.enums import JourneyStatus
from deliverydesk.services.clients.client_journeys import ClientJourney, is_earlier
from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import tr


def _outcome(journey: ClientJourney) -> str:
    words = {
        JourneyStatus.ACTIVE: tr("running"),
        JourneyStatus.PAUSED: tr("paused"),
        JourneyStatus.COMPLETED: tr("completed"),
        JourneyStatus.CANCELLED: tr("cancelled"),
        JourneyStatus.ARCHIVED: tr("archived"),
    }
    return words.get(journey.status, "")


def journey_label(journey: ClientJourney) -> str:
    """ "Coaching · Mon 2 Mar 2026 – Fri 29 May 2026 · completed" """
    start = text.long_date(journey.start_on)
    if journey.ended_on is not None:
        span = f"{start} – {text.long_date(journey.ended_on)}"
    else:
        span = tr("since {day}").format(day=start)
    return f"{journey.offer_name} · {span} · {_outcome(journey)}"


class JourneySwitcher(QWidget):
    """Signals: journey_chosen(int): the person picked another journey to show."""

    journey_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journeys: list[ClientJourney] = []
        self.combo = QComboBox()
        self.combo.setAccessibleName(tr("Journey shown"))
        self.combo.setToolTip(tr("This client's journeys, the latest first"))
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.activated.connect(self._chosen)
        caption = QLabel(tr("Journeys:"))
        caption.setBuddy(self.combo)
        self.note = QLabel(tr("An earlier journey, kept as it was: read-only."))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(caption)
        row.addWidget(self.combo)
        row.addWidget(self.note, 1)
        self.hide()

    def show_journeys(self, journeys: list[ClientJourney], current: int) -> None:
        self.journeys = journeys
        self.combo.blockSignals(True)
        self.combo.clear()
        for journey in journeys:  # offer names are user text: a combo shows plain text
            self.combo.addItem(journey_label(journey), journey.journey_id)
        index = self.combo.findData(current)
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)
        self.note.setVisible(self.read_only(current))
        self.setVisible(len(journeys) > 1)

    def read_only(self, journey_id: int) -> bool:
        return is_earlier(self.journeys, journey_id)

    def _chosen(self, index: int) -> None:
        journey_id = self.combo.itemData(index)
        if isinstance(journey_id, int):
            self.journey_chosen.emit(journey_id)
