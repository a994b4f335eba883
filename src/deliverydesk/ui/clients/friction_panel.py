"""The Friction tab: what went wrong on the journey, newest first, with Log friction…,
Resolve… and Reopen for the one selected. The page does the work (the shared dialog in
ui/widgets/friction_dialog.py); this panel shows and asks."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.services.journeys.detail import FrictionDetail
from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.widgets.record_list import fill_records, record_id
from deliverydesk.ui.widgets.wrapping_delegate import wrap_items
from deliverydesk.wording import FRICTION_KIND_WORDS, SEVERITY_WORDS


def friction_line(friction: FrictionDetail, step_titles: Mapping[int, str]) -> str:
    """One friction as the tab lists it (plain text: what the person typed shows as typed)."""
    parts = [
        text.long_date(friction.occurred_on),
        tr(SEVERITY_WORDS[friction.severity]),
        tr(FRICTION_KIND_WORDS[friction.kind]),
    ]
    if friction.step_id is not None and friction.step_id in step_titles:
        parts.append(step_titles[friction.step_id])
    parts.append(
        tr("resolved {day}").format(day=text.long_date(friction.resolved_on))
        if friction.resolved_on
        else tr("open")
    )
    lines = [" · ".join(parts), friction.description]
    if friction.recovery:
        lines.append(friction.recovery)
    return "\n".join(lines)


class FrictionPanel(QWidget):
    """Signals:
    log_requested(): log new friction on the journey.
    resolve_requested(int), reopen_requested(int): the selected friction's id.
    """

    log_requested = Signal()
    resolve_requested = Signal(int)
    reopen_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        wrap_items(self.list)
        self.list.setAccessibleName(tr("Friction log"))
        self.list.setAlternatingRowColors(True)
        self.log_button = QPushButton(tr("&Log friction…"))
        self.log_button.setToolTip(tr("Log what went wrong: a delay, confusion, a complaint"))
        self.resolve_button = QPushButton(tr("&Resolve…"))
        self.reopen_button = QPushButton(tr("Re&open"))
        self.log_button.clicked.connect(self.log_requested)
        self.resolve_button.clicked.connect(lambda: self._ask(self.resolve_requested))
        self.reopen_button.clicked.connect(lambda: self._ask(self.reopen_requested))
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.list.itemActivated.connect(lambda _item: self._activated())
        buttons = QHBoxLayout()
        buttons.addWidget(self.log_button)
        buttons.addStretch(1)
        buttons.addWidget(self.resolve_button)
        buttons.addWidget(self.reopen_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        self._open: dict[int, bool] = {}
        self._editable = True
        self._update_buttons()

    def set_friction(
        self,
        friction: tuple[FrictionDetail, ...],
        step_titles: Mapping[int, str],
        *,
        editable: bool,
    ) -> None:
        self._editable = editable
        self._open = {f.id: f.resolved_on is None for f in friction}
        fill_records(
            self.list,
            ((record.id, friction_line(record, step_titles)) for record in friction),
            tr("No friction logged. Incidents, delays and complaints appear here."),
        )
        self._update_buttons()

    def current_id(self) -> int | None:
        return record_id(self.list)

    def _update_buttons(self) -> None:
        chosen = self.current_id()
        self.log_button.setEnabled(self._editable)
        is_open = self._open.get(chosen) if chosen is not None else None
        self.resolve_button.setEnabled(self._editable and is_open is True)
        self.reopen_button.setEnabled(self._editable and is_open is False)

    def _ask(self, signal: SignalInstance) -> None:
        chosen = self.current_id()
        if chosen is not None and self._editable:
            signal.emit(chosen)

    def _activated(self) -> None:
        """Enter on open friction resolves it."""
        chosen = self.current_id()
        if chosen is not None and self._open.get(chosen):
            self._ask(self.resolve_requested)
