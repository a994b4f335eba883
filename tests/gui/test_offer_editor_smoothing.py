"""The offer designer, smoothed: a selected item's form starts at its top, a template opens
in the designer as a blank offer does, and a phase with steps is deleted only when asked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.offers.offer_editor import JOURNEY, OfferEditor
from tests.gui.offers_support import answer_next_question, new_own_practice, open_offers

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot: QtBot, empty_ws: Workspace, events: AppEvents) -> MainWindow:
    return open_offers(qtbot, new_own_practice(empty_ws), events)


def from_template(window: MainWindow) -> OfferEditor:
    """New from a template → the first built-in offer, as chosen from its menu."""
    page = window.offers
    page.template_menu.actions()[0].trigger()
    return page.editor


def phase_names(editor: OfferEditor) -> list[str]:
    return [phase.name for phase in editor.draft.spec.phases]


def test_a_new_offer_from_a_template_opens_in_the_designer(
    window: MainWindow, empty_ws: Workspace
) -> None:
    editor = from_template(window)
    assert window.offers.editing()
    assert editor.offer_id is not None
    made = empty_ws.offers.offer_design(editor.offer_id)
    assert editor.draft.spec.phases == made.spec.phases  # the new offer, not another


def test_selecting_another_item_shows_its_form_from_the_top(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1024, 420)  # a short window: the step form scrolls
    editor = from_template(window)
    editor.tabs.setCurrentIndex(JOURNEY)
    journey = editor.journey
    journey.select((0, 0))
    bar = journey.side.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=2000)
    bar.setValue(bar.maximum())  # read to the form's end
    journey.tree.setFocus()
    qtbot.keyClick(journey.tree, Qt.Key.Key_Down)  # the next step
    assert journey.current_path() == (0, 1)
    assert bar.value() == 0
    bar.setValue(bar.maximum())
    qtbot.keyClick(journey.tree, Qt.Key.Key_Up)
    qtbot.keyClick(journey.tree, Qt.Key.Key_Up)  # the phase itself
    assert journey.current_path() == (0,)
    assert bar.value() == 0


def test_delete_on_a_phase_with_steps_asks_first(qtbot: QtBot, window: MainWindow) -> None:
    editor = from_template(window)
    editor.tabs.setCurrentIndex(JOURNEY)
    journey = editor.journey
    before = phase_names(editor)
    first = editor.draft.spec.phases[0]
    assert first.steps
    journey.select((0,))
    journey.tree.setFocus()
    seen: list[str] = []

    answer_next_question(QMessageBox.StandardButton.Cancel, seen)
    qtbot.keyClick(journey.tree, Qt.Key.Key_Delete)
    assert seen == [
        f"Delete the phase '{first.name}' and the steps in it ({len(first.steps)})? "
        "Ctrl+Z in the editor brings it back until you save."
    ]
    assert phase_names(editor) == before  # Cancel: nothing gone

    window.activateWindow()  # as the system does when a dialog closes
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    journey.tree.setFocus()
    answer_next_question(QMessageBox.StandardButton.Yes, seen)
    qtbot.keyClick(journey.tree, Qt.Key.Key_Delete)
    assert phase_names(editor) == before[1:]


def test_delete_on_an_empty_phase_needs_no_question(qtbot: QtBot, window: MainWindow) -> None:
    editor = from_template(window)
    editor.tabs.setCurrentIndex(JOURNEY)
    journey = editor.journey
    before = phase_names(editor)
    journey.select((0,))
    journey.tree.setFocus()
    qtbot.keyClick(journey.tree, Qt.Key.Key_P, CTRL_SHIFT)  # a new phase, no steps yet
    assert len(phase_names(editor)) == len(before) + 1
    journey.tree.setFocus()
    qtbot.keyClick(journey.tree, Qt.Key.Key_Delete)
    assert phase_names(editor) == before
