"""Helpers for the client and enrolment tests: an own practice as a new user makes one,
and ways to reach the dialogs a person opens (they open without blocking)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from deliverydesk.seeding.offer_templates import OFFERS
from deliverydesk.services.clients.clients import ClientInput
from deliverydesk.services.workspace import Workspace
from tests.conftest import TODAY

MON_FRI = frozenset({1, 2, 3, 4, 5})


def own_practice(workspace: Workspace, weekly_hours: float = 4) -> int:
    """ "Start my own practice", then the Brand Audit template as the first offer; returns
    the offer's id. At 4 hours a week one Brand Audit client fits, two at once do not."""
    workspace.practice.create_practice("Rivera Studio", weekly_hours, MON_FRI, "Ana Rivera")
    return workspace.offers.add_offer(OFFERS["brand"]).value


def book_a_client(workspace: Workspace, offer_id: int, name: str = "Ben Okafor") -> int:
    """A client already enrolled from today: the load a new one is checked against."""
    client_id = workspace.clients.add_client(ClientInput(name, company="Okafor & Co")).value
    workspace.clients.enrol_client(client_id, offer_id, TODAY)
    return client_id


def show_active(qtbot: QtBot, window: QWidget) -> None:
    """Shortcuts reach the active window only, as after a person's click."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def opened[W: QWidget](qtbot: QtBot, parent: QWidget, kind: type[W]) -> W:
    """The dialog of `kind` the last action opened over `parent` (visible, newest)."""
    found: list[W] = []

    def shown() -> bool:
        found[:] = [w for w in parent.findChildren(kind) if w.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=2000)
    dialog = found[-1]
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    return dialog


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:  # noqa: E501
    """A key pressed where the keyboard focus is, as a person would."""
    focus = QApplication.focusWidget()
    assert focus is not None, "something has the keyboard focus"
    qtbot.keyClick(focus, key, modifier)
