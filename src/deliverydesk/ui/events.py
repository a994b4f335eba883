"""The application's event bus: every mutation's Changes, announced once."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    """Passed to windows and views through their constructors.

    Signals:
        changed(Changes): a service mutation committed; views refresh what it names.
        refused(str): an undo or redo could not be done; the words say why.
        day_changed(date): today is another day (the window stayed open past midnight);
            views re-derive what depends on the date: health, "late", "Today".
    """

    changed = Signal(object)
    refused = Signal(str)
    day_changed = Signal(object)


class Announced:
    """A change's source that says what it did, for the window's message with Undo.

    `message` is a past-tense sentence ("Moved Anna to Discovery"); `done` is True after
    it was done or redone, False after it was undone.
    """

    message: str = ""
    done: bool = False
