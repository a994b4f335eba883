"""The Clients screen's status filter: All, Active, Paused, Completed or Cancelled."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from deliverydesk.model.rules.enums import JourneyStatus
from deliverydesk.ui.clients.client_list_model import RowTest
from deliverydesk.ui.core.text import tr

# None: every row, clients not enrolled yet included.
STATUSES: tuple[JourneyStatus | None, ...] = (
    None,
    JourneyStatus.ACTIVE,
    JourneyStatus.PAUSED,
    JourneyStatus.COMPLETED,
    JourneyStatus.CANCELLED,
)


def _labels() -> dict[JourneyStatus | None, str]:
    return {
        None: tr("All"),
        JourneyStatus.ACTIVE: tr("Active"),
        JourneyStatus.PAUSED: tr("Paused"),
        JourneyStatus.COMPLETED: tr("Completed"),
        JourneyStatus.CANCELLED: tr("Cancelled"),
    }


class StatusFilterBox(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        labels = _labels()
        for status in STATUSES:
            self.addItem(labels[status], status)
        self.setAccessibleName(tr("Show journeys"))
        self.setToolTip(tr("Show every client, or only journeys in one state"))

    def status(self) -> JourneyStatus | None:
        return STATUSES[max(self.currentIndex(), 0)]

    def set_status(self, status: JourneyStatus | None) -> None:
        self.setCurrentIndex(STATUSES.index(status))

    def label(self) -> str:
        return self.currentText()

    def test(self) -> RowTest | None:
        """What the list model keeps: rows of journeys in the chosen state."""
        status = self.status()
        return None if status is None else (lambda row: row.status is status)
