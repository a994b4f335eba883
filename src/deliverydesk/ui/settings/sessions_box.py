"""Settings → Practice → Sessions: the practice's time zone and the reminder before a
session in the exported calendar. Each change saves at once, as one undoable command."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent, QUndoCommand
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QWidget,
)

from deliverydesk.services.practice.session_settings import MAX_ALARM_MINUTES, SessionSettings
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.failures import in_words
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.core.undo_commands import ServiceCommand
from deliverydesk.ui.widgets.field_problem import ProblemLabel

SYSTEM = ""  # the item data of "the computer's zone"


class SessionSettingsCommand(ServiceCommand):
    """`shown` is told after each redo and undo: no other screen shows these settings, so
    the change is announced to nobody else."""

    def __init__(
        self,
        workspace: Workspace,
        events: AppEvents,
        new: SessionSettings,
        shown: Callable[[], None],
    ) -> None:
        super().__init__(workspace, events, tr("Change the session settings"))
        self.new = new
        self.before: SessionSettings | None = None
        self._shown = shown

    def redo(self) -> None:
        new = self.new
        before = self._run(lambda: self.workspace.schedule.update_session_settings(new))
        if self.before is None:
            self.before = before
        if self.error is None:  # a refused zone stays typed in, with the reason beside it
            self._shown()

    def undo(self) -> None:
        if self.before is not None:
            before = self.before
            self._run(lambda: self.workspace.schedule.update_session_settings(before))
            if self.error is None:
                self._shown()


class SessionsBox(QGroupBox):
    """What it saves is announced on the bus, as every command's is."""

    def __init__(
        self,
        workspace: Workspace,
        events: AppEvents,
        push: Callable[[QUndoCommand], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("Sessions"), parent)
        self._ws = workspace
        self._events = events
        self._push = push  # the page's QUndoStack.push
        self.zone = QComboBox()
        self.zone.setEditable(True)  # type "Berl" and pick; the list holds hundreds
        self.zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zone.setAccessibleName(tr("Time zone"))
        self.zone.setToolTip(tr("Session times are in this zone; the calendar file says so"))
        self.zone.addItem(
            tr("This computer's ({zone})").format(zone=workspace.schedule.system_zone()), SYSTEM
        )
        self._filled = False  # the zones are listed when first shown (~25 ms to find)
        self.alarm = QSpinBox()
        self.alarm.setRange(0, MAX_ALARM_MINUTES)
        self.alarm.setSingleStep(5)
        self.alarm.setSuffix(tr(" min before"))
        self.alarm.setSpecialValueText(tr("no reminder"))
        self.alarm.setAccessibleName(tr("Calendar reminder before a session"))
        self.problem = ProblemLabel()
        form = QFormLayout(self)
        for words, field in ((tr("Time &zone:"), self.zone), (tr("Re&minder:"), self.alarm)):
            label = QLabel(words)
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(self.problem)
        self.reload()
        self.zone.activated.connect(lambda _i: self.save())
        typed = self.zone.lineEdit()
        assert typed is not None  # the combo is editable
        typed.editingFinished.connect(self.save)
        self.alarm.editingFinished.connect(self.save)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._filled:
            self._filled = True
            for name in self._ws.schedule.time_zone_names():
                self.zone.addItem(name, name)
            texts = [self.zone.itemText(i) for i in range(self.zone.count())]
            completer = QCompleter(texts, self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.zone.setCompleter(completer)
            self.reload()
        super().showEvent(event)

    def reload(self) -> None:
        stored = self._ws.schedule.session_settings()
        self._shown = stored
        for widget in (self.zone, self.alarm):
            widget.blockSignals(True)
        try:
            found = self.zone.findData(stored.time_zone)
            if found >= 0:
                self.zone.setCurrentIndex(found)
            else:  # a zone this computer no longer knows: shown as stored
                self.zone.setEditText(stored.time_zone)
            self.alarm.setValue(stored.alarm_minutes)
        finally:
            for widget in (self.zone, self.alarm):
                widget.blockSignals(False)
        self.problem.say("")

    def chosen(self) -> SessionSettings:
        typed = self.zone.currentText().strip()
        found = self.zone.findText(typed, Qt.MatchFlag.MatchFixedString)
        zone = self.zone.itemData(found) if found >= 0 else typed
        return SessionSettings(str(zone), self.alarm.value())

    def save(self) -> bool:
        """Save what the fields say when it differs from what is stored; a zone not known
        is explained beside the field and nothing changes."""
        new = self.chosen()
        if new == self._shown:
            return False
        command = SessionSettingsCommand(self._ws, self._events, new, self.reload)
        self._push(command)
        if command.error is not None:
            self.problem.say(in_words(command.error), self.zone)
            return False
        return True
