"""The application's event bus: every mutation's Changes, announced once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget


class AppEvents(QObject):
    """Passed to windows and views through their constructors.

    Signals:
        changed(Changes): a service mutation committed; views refresh what it names.
        refused(str): an undo or redo could not be done; the words say why.
        day_changed(date): today is another day (the window stayed open past midnight);
            views re-derive what depends on the date: health, "late", "Today".
        enrol_requested(EnrolRequest): a screen asks for the enrolment wizard (or the New
            client dialog first); the window opens it, so no feature imports another.
    """

    changed = Signal(object)
    refused = Signal(str)
    day_changed = Signal(object)
    enrol_requested = Signal(object)


@dataclass(frozen=True)
class EnrolRequest:
    """Open the wizard over `parent` with the client or offer picked if given (after the
    New client dialog when `new_client`); `on_enrolled(journey_id)` runs once enrolled."""

    parent: QWidget
    client_id: int | None = None
    offer_id: int | None = None
    new_client: bool = False
    on_enrolled: Callable[[int], object] | None = None


class Announced:
    """A change's source that says what it did, for the window's message with Undo.

    `message` is a past-tense sentence ("Moved Anna to Discovery"); `done` is True after
    it was done or redone, False after it was undone.
    """

    message: str = ""
    done: bool = False
