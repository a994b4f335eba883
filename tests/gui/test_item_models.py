"""Every item model behind a list, table or tree passes Qt's model tester, filled with the
demo practice (or what a person made) and kept under watch while it changes as it does on
screen: filtered, sorted, updated, reset, rows dragged. The board's card columns and the
client list have theirs in test_board.py and test_clients_page.py."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.enums import JourneyStatus, Owner
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.clients.trash import TrashModel
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.offers.journey_tree_model import TITLE, JourneyTreeModel
from deliverydesk.ui.offers.offer_editor import JOURNEY
from deliverydesk.ui.offers.offer_list_model import OfferListModel
from deliverydesk.ui.settings.backups_panel import BackupListModel
from deliverydesk.ui.timeline.journey_timeline import JourneyPhaseModel
from deliverydesk.ui.timeline.portfolio_model import PortfolioModel, SortBy
from deliverydesk.ui.today.today_model import GROUPS, TodayModel
from deliverydesk.ui.widgets.client_choices import ClientChoiceModel
from deliverydesk.ui.widgets.import_clients_dialog import CsvRowsModel
from tests.conftest import TODAY
from tests.gui.offers_support import new_own_practice, open_offers

MOVE = Qt.DropAction.MoveAction


def titles(model: JourneyTreeModel) -> list[tuple[str, list[str]]]:
    shown = []
    for p in range(model.rowCount()):
        phase = model.index(p, TITLE)
        steps = [model.index(s, TITLE, phase).data() for s in range(model.rowCount(phase))]
        shown.append((phase.data(), steps))
    return shown


def test_the_journey_tree_passes_while_steps_and_phases_are_dragged(
    qtmodeltester: Any, qtbot: QtBot, empty_ws: Workspace, events: AppEvents
) -> None:
    window = open_offers(qtbot, new_own_practice(empty_ws), events)
    qtbot.keyClick(
        window.offers,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    editor = window.offers.editor
    editor.tabs.setCurrentIndex(JOURNEY)
    model = editor.journey.model
    qtmodeltester.check(model)
    before = titles(model)
    assert len(before) == 3 and all(steps for _, steps in before)

    def drag(source: QModelIndex, row: int, parent: QModelIndex) -> None:
        data = model.mimeData([source])
        assert model.canDropMimeData(data, MOVE, row, 0, parent)
        assert model.dropMimeData(data, MOVE, row, 0, parent)

    # A step to the top of its own phase (same shape), then into the next phase (a new
    # shape), then the last phase to the front; each repaints or resets under watch.
    first_phase = model.index(0, TITLE)
    last_step = model.rowCount(first_phase) - 1
    drag(model.index(last_step, TITLE, first_phase), 0, first_phase)
    assert titles(model)[0][1][0] == before[0][1][-1]
    drag(model.index(0, TITLE, model.index(0, TITLE)), 0, model.index(1, TITLE))
    assert titles(model)[1][1][0] == before[0][1][-1]
    assert len(titles(model)[0][1]) == len(before[0][1]) - 1
    drag(model.index(2, TITLE), 0, QModelIndex())
    assert [name for name, _ in titles(model)] == [before[2][0], before[0][0], before[1][0]]
    assert model.setData(model.index(0, TITLE), "Wrap-up")
    assert titles(model)[0][0] == "Wrap-up"
    while editor.draft.stack.canUndo():
        editor.draft.stack.undo()
    assert titles(model) == before


def test_the_offer_list_passes_with_archived_offers_shown_and_hidden(
    qtmodeltester: Any, demo_ws: Workspace
) -> None:
    model = OfferListModel()
    qtmodeltester.check(model)
    model.set_rows(demo_ws.offers.offer_list())
    assert model.rowCount() > 1
    model.set_show_archived(True)
    model.set_show_archived(False)


def test_the_timeline_passes_sorted_every_way_and_updated(
    qtmodeltester: Any, demo_ws: Workspace
) -> None:
    model = PortfolioModel()
    qtmodeltester.check(model)
    rows = demo_ws.schedule.portfolio()
    model.set_rows(rows)
    assert model.rowCount() > len({row.offer_id for row in rows})  # headings and journeys
    for sort in SortBy:
        model.set_sort(sort)
    some = [row.journey_id for row in rows[:3]]
    model.update_rows(some, demo_ws.schedule.portfolio(some[1:]))  # the first of them has ended


def test_a_journeys_phases_pass_for_every_journey(qtmodeltester: Any, demo_ws: Workspace) -> None:
    model = JourneyPhaseModel(lambda: TODAY)
    qtmodeltester.check(model)
    for row in demo_ws.schedule.portfolio()[:8]:
        model.set_timeline(demo_ws.schedule.journey_timeline(row.journey_id))
        assert model.rowCount() > 0
    model.set_timeline(None)
    assert model.rowCount() == 0


def test_the_enrolment_client_choices_pass_while_filtered(
    qtmodeltester: Any, demo_ws: Workspace
) -> None:
    model = ClientChoiceModel()
    qtmodeltester.check(model)
    model.set_choices(demo_ws.clients.client_choices())
    everyone = model.rowCount()
    model.set_filter("a")
    assert 0 < model.rowCount() <= everyone
    model.set_filter("zzqx")
    model.set_filter("")
    assert model.rowCount() == everyone


def test_today_passes_as_steps_are_ticked(qtmodeltester: Any, demo_ws: Workspace) -> None:
    model = TodayModel(lambda: TODAY, lambda: demo_ws.schedule)
    qtmodeltester.check(model)
    model.set_start(demo_ws.schedule.today_start({owner: 8 for owner in GROUPS}))
    mine = model.group_index(Owner.ME)
    assert model.rowCount(mine) == 8 < model.count(Owner.ME).due
    ticked = model.rows(Owner.ME)[-1]  # after the day's six sessions
    model.show_through(0, 10)  # scrolled to: more rows read
    assert model.rowCount(mine) > 10
    assert demo_ws.journeys.complete_step(ticked.step_id, TODAY).value.on == TODAY
    model.set_start(demo_ws.schedule.today_start(model.wanted()))
    assert ticked not in model.rows(Owner.ME)


def test_the_backups_table_passes(qtmodeltester: Any, demo_ws: Workspace) -> None:
    model = BackupListModel()
    qtmodeltester.check(model)
    model.set_records(demo_ws.data.backup_list())
    demo_ws.data.back_up()
    demo_ws.data.back_up()
    model.set_records(demo_ws.data.backup_list())
    assert model.rowCount() >= 2


def test_the_trash_table_passes(qtmodeltester: Any, demo_ws: Workspace) -> None:
    model = TrashModel()
    qtmodeltester.check(model)
    rows = demo_ws.clients.client_rows()
    running = {
        r.client_id for r in rows if r.status in (JourneyStatus.ACTIVE, JourneyStatus.PAUSED)
    }
    idle = sorted({r.client_id for r in rows} - running)
    for client_id in idle[:2]:  # a client whose journeys have all ended can be archived
        demo_ws.clients.archive_client(client_id)
    model.set_records(demo_ws.clients.trashed_clients())
    assert model.rowCount() == 2


@pytest.mark.parametrize("rows", [3, 0])
def test_the_csv_import_preview_passes(
    qtmodeltester: Any, demo_ws: Workspace, tmp_path: Any, rows: int
) -> None:
    path = tmp_path / "clients.csv"
    lines = [
        "name,email,company",
        *(f"Guest {n},guest{n}@example.com,Studio {n}" for n in range(rows)),
    ]
    path.write_text("\n".join([*lines, "Ana Souza,,", ",nobody@example.com,"]) + "\n")
    model = CsvRowsModel()
    qtmodeltester.check(model)
    preview = demo_ws.data.preview_clients_csv(path)
    model.set_records(list(preview.rows))
    assert model.rowCount() == rows + 2
