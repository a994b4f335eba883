"""Apply to active clients: after a change is saved, the clients under way are listed with
what would change; only the ticked ones change, and one undo reverts them all."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.offers.offer_editor import JOURNEY, OfferEditor
from tests.gui.offers_support import open_offers

NEW_TITLE = "Alumni <b>circle</b> invite 🔁"


@pytest.fixture
def window(qtbot: QtBot, demo_ws: Workspace, events: AppEvents) -> MainWindow:
    return open_offers(qtbot, demo_ws, events)


def step_titles(workspace: Workspace, journey_id: int) -> list[str]:
    detail = workspace.journeys.journey_detail(journey_id)
    return [step.title for phase in detail.phases for step in phase.steps]


def rename_a_later_step(qtbot: QtBot, editor: OfferEditor) -> str:
    """Rename the offer's last step: no client under way has done it yet."""
    editor.tabs.setCurrentIndex(JOURNEY)
    phases = editor.draft.spec.phases
    path = (len(phases) - 1, len(phases[-1].steps) - 1)
    old = phases[-1].steps[-1].title
    editor.journey.select(path)
    title = editor.journey.step_form.fields["title"]
    assert isinstance(title, QLineEdit)
    title.setFocus()
    qtbot.keyClick(title, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    typed, emoji = NEW_TITLE.rsplit(" ", 1)
    qtbot.keyClicks(title, typed + " ")
    QApplication.clipboard().setText(emoji)  # QTest cannot type beyond the BMP: paste it
    qtbot.keyClick(title, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert title.text() == NEW_TITLE
    return old


def test_apply_to_the_ticked_clients_only_and_undo_it_in_one_go(
    qtbot: QtBot, window: MainWindow, demo_ws: Workspace
) -> None:
    page = window.offers
    page.open_current()
    editor = page.editor
    offer_id = editor.offer_id
    assert offer_id is not None
    assert not editor.apply_button.isEnabled()  # every client follows the current design

    old = rename_a_later_step(qtbot, editor)
    qtbot.keyClick(editor.journey.tree, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert demo_ws.offers.offer_design(offer_id).revision == 2
    assert editor.apply_button.isEnabled()
    assert "follow an older revision" in editor.revisions.summary.text()

    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    dialog = editor.apply_dialog
    assert dialog is not None and dialog.isVisible()
    items = dialog.journey_items()
    live = demo_ws.offers.offer_design(offer_id).live_journeys
    assert len(items) == live >= 3
    for item in items:
        assert ": revision 1 → 2" in item.text(0)
        lines = [item.child(i).text(0) for i in range(item.childCount())]
        assert f"Renamed '{old}' to '{NEW_TITLE}'" in lines  # shown literally
    assert dialog.apply_button.text() == f"Apply to {live} clients"

    items[0].setCheckState(0, Qt.CheckState.Unchecked)
    assert dialog.apply_button.text() == f"Apply to {live - 1} clients"
    ids = [int(item.data(0, Qt.ItemDataRole.UserRole)) for item in items]
    kept, ticked = ids[0], ids[1:]
    assert dialog.chosen() == ticked
    depth = window.undo_stack.count()
    dialog.accept()

    assert window.undo_stack.count() == depth + 1  # one command for all of them
    assert all(NEW_TITLE in step_titles(demo_ws, j) for j in ticked)
    assert old in step_titles(demo_ws, kept) and NEW_TITLE not in step_titles(demo_ws, kept)
    revisions = {r.revision: r.live_journeys for r in demo_ws.offers.list_revisions(offer_id)}
    assert revisions == {2: live - 1, 1: 1}
    assert editor.apply_button.isEnabled()  # the unticked client can still be brought over

    window.undo_stack.undo()
    assert all(old in step_titles(demo_ws, j) for j in ticked)
    assert all(NEW_TITLE not in step_titles(demo_ws, j) for j in ticked)
    revisions = {r.revision: r.live_journeys for r in demo_ws.offers.list_revisions(offer_id)}
    assert revisions == {2: 0, 1: live}


def test_the_dialog_says_completed_steps_are_never_touched(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = window.offers
    page.open_current()
    editor = page.editor
    rename_a_later_step(qtbot, editor)
    assert editor.save()
    editor.apply_to_active()
    dialog = editor.apply_dialog
    assert dialog is not None
    words = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Completed steps are never touched." in words
    for item in dialog.journey_items():
        item.setCheckState(0, Qt.CheckState.Unchecked)
    assert not dialog.apply_button.isEnabled()
    depth = window.undo_stack.count()
    dialog.reject()
    assert window.undo_stack.count() == depth
