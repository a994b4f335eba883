"""The Offers screen: an empty practice invited to create its first offer, offers made from
scratch, from a template, by copying and from a file, archived and brought back; each
undone with one Ctrl+Z."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from deliverydesk.seeding.offer_templates import TEMPLATES
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.offers.offer_list_model import CLIENTS, NAME, STATUS
from tests.gui.offers_support import (
    capture_warnings,
    choose_files,
    listed,
    new_own_practice,
    open_offers,
)


@pytest.fixture
def own(qtbot: QtBot, empty_ws: Workspace, events: AppEvents) -> MainWindow:
    return open_offers(qtbot, new_own_practice(empty_ws), events)


@pytest.fixture
def demo(qtbot: QtBot, demo_ws: Workspace, events: AppEvents) -> MainWindow:
    return open_offers(qtbot, demo_ws, events)


def undo(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.offers.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_an_empty_practice_is_invited_to_create_its_first_offer(own: MainWindow) -> None:
    page = own.offers
    assert page.list_stack.currentWidget() is page.empty
    assert page.empty.title.text() == "Create your first offer"
    assert page.scratch_button.isVisible() and page.empty_template_button.isVisible()
    offered = [a.text() for a in page.empty_template_button.menu().actions()]
    assert offered == [t.name for t in TEMPLATES]


def test_start_from_scratch_opens_the_new_offer_and_undo_removes_it(
    qtbot: QtBot, own: MainWindow, empty_ws: Workspace
) -> None:
    page = own.offers
    qtbot.mouseClick(page.scratch_button, Qt.MouseButton.LeftButton)
    assert page.editing()
    assert page.editor.title.full_text() == "New offer"
    assert [o.name for o in empty_ws.offers.offer_list()] == ["New offer"]
    assert own.undo_stack.undoText() == "New offer"

    own.undo_stack.undo()
    assert empty_ws.offers.offer_list() == []
    assert not page.editing()  # the offer it showed is gone: back to the list
    assert page.list_stack.currentWidget() is page.empty


def test_from_a_template_and_its_undo(qtbot: QtBot, own: MainWindow, empty_ws: Workspace) -> None:
    page = own.offers
    brand = next(t for t in TEMPLATES if t.key == "brand")
    menu = page.empty_template_button.menu()
    next(a for a in menu.actions() if a.text() == brand.name).trigger()
    assert listed(page) == [brand.name]
    assert page.list_stack.currentWidget() is page.table
    row = page.model.row_at(0)
    assert row.is_valid and row.revision == 1
    assert page.model.index(0, STATUS).data() == "Ready to enrol clients"
    assert page.model.index(0, CLIENTS).data() == "None yet"
    # The same template twice is named apart.
    page.new_from_template(brand)
    assert sorted(listed(page)) == [brand.name, f"{brand.name} (2)"]

    undo(qtbot, own)
    undo(qtbot, own)
    assert listed(page) == [] and empty_ws.offers.offer_list() == []
    own.undo_stack.redo()
    assert listed(page) == [brand.name]


def test_keyboard_new_offer_duplicate_and_open(qtbot: QtBot, own: MainWindow) -> None:
    page = own.offers
    page.new_from_template(TEMPLATES[0])
    assert page.editing()  # a template opens in the designer, as a blank offer does
    qtbot.keyClick(page.editor.tabs, Qt.Key.Key_Escape)
    assert not page.editing()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert sorted(listed(page)) == sorted([TEMPLATES[0].name, f"{TEMPLATES[0].name} (copy)"])
    assert page.current_row() is not None and page.current_row().name.endswith("(copy)")

    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.editing()
    assert page.editor.title.full_text().endswith("(copy)")
    qtbot.keyClick(page.editor.tabs, Qt.Key.Key_Escape)
    assert not page.editing()

    shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(page.table, Qt.Key.Key_N, shift)
    assert page.editing() and page.editor.title.full_text() == "New offer"


def test_archive_hides_the_offer_and_brings_it_back(
    qtbot: QtBot, demo: MainWindow, demo_ws: Workspace
) -> None:
    page = demo.offers
    before = listed(page)
    assert len(before) == 3
    name = page.current_row().name
    shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(page.table, Qt.Key.Key_A, shift)
    assert name not in listed(page)
    assert "archived (hidden)" in page.count.text()
    assert next(o for o in demo_ws.offers.offer_list() if o.name == name).archived

    page.show_archived.setChecked(True)
    assert listed(page)[-1] == name
    at = listed(page).index(name)
    assert page.model.index(at, STATUS).data() == "Archived"
    page.select_offer(page.model.row_at(at).id)
    assert page.archive_action.text() == "Bring back"
    page.archive_action.trigger()
    assert not next(o for o in demo_ws.offers.offer_list() if o.name == name).archived

    undo(qtbot, demo)  # the bringing back
    assert next(o for o in demo_ws.offers.offer_list() if o.name == name).archived
    undo(qtbot, demo)  # the archiving
    assert not any(o.archived for o in demo_ws.offers.offer_list())
    page.show_archived.setChecked(False)
    assert sorted(listed(page)) == sorted(before)


def test_the_list_counts_active_and_all_clients(demo: MainWindow, demo_ws: Workspace) -> None:
    page = demo.offers
    for r in range(page.model.rowCount()):
        row = page.model.row_at(r)
        assert page.model.index(r, CLIENTS).data() == (
            f"{row.active_clients} active of {row.total_clients}"
        )
        assert row.total_clients >= row.active_clients > 0


def test_export_then_import_round_trip(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    demo: MainWindow,
    demo_ws: Workspace,
) -> None:
    page = demo.offers
    name = page.current_row().name
    target = tmp_path / "shared" / "coaching"  # no suffix typed: .json is added
    target.parent.mkdir()
    choose_files(monkeypatch, save=str(target), open_=str(target.with_suffix(".json")))
    written = page.export_current()
    assert written == target.with_suffix(".json")
    assert json.loads(written.read_text(encoding="utf-8"))["offer"]["name"] == name
    assert str(written) in page.notice.text()

    offer_id = page.import_file()
    assert offer_id is not None
    assert f"{name} (imported)" in listed(page)
    imported = demo_ws.offers.offer_design(offer_id)
    original = next(o for o in demo_ws.offers.offer_list() if o.name == name)
    assert imported.spec.without_ids().phases == (
        demo_ws.offers.offer_design(original.id).spec.without_ids().phases
    )
    demo.undo_stack.undo()
    assert f"{name} (imported)" not in listed(page)


def test_a_malformed_file_is_refused_with_the_reason(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, demo: MainWindow, demo_ws: Workspace
) -> None:
    page = demo.offers
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "deliverydesk-offer", "offer": [1, 2', encoding="utf-8")
    before = demo_ws.offers.offer_list()
    depth = demo.undo_stack.count()
    said = capture_warnings(monkeypatch)
    choose_files(monkeypatch, open_=str(bad))
    assert page.import_file() is None
    assert len(said) == 1
    assert said[0].startswith("This file cannot be imported: ")
    assert len(said[0]) > len("This file cannot be imported: ") + 10  # the reason itself
    assert demo_ws.offers.offer_list() == before
    assert demo.undo_stack.count() == depth  # nothing to undo


def test_a_cancelled_file_dialog_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, demo: MainWindow, demo_ws: Workspace
) -> None:
    choose_files(monkeypatch)  # both dialogs cancelled
    before = demo_ws.offers.offer_list()
    assert demo.offers.export_current() is None
    assert demo.offers.import_file() is None
    assert demo_ws.offers.offer_list() == before


def test_markup_emoji_and_rtl_names_stay_literal(
    qtbot: QtBot, own: MainWindow, empty_ws: Workspace
) -> None:
    from dataclasses import replace

    page = own.offers
    odd = '<b>Bold</b> <img src="x"> שלום 🎉 & co'
    empty_ws.offers.add_offer(replace(TEMPLATES[0].spec, name=odd))
    page.reload()
    assert listed(page) == [odd]
    assert page.model.index(0, NAME).data() == odd
    tip = page.model.index(0, NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;Bold&lt;/b&gt;" in tip and "<img" not in tip
    page.open_current()
    assert page.editor.title.full_text() == odd
    assert page.editor.title.textFormat() == Qt.TextFormat.PlainText
    assert page.editor.details.fields["name"].text() == odd
