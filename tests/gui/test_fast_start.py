"""A start paints the board from a snapshot before SQLAlchemy loads, then attaches."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.services.context import Context
from deliverydesk.ui.app import quick_window
from deliverydesk.ui.board.card_model import JOURNEY_ID_ROLE
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.opening import open_workspace
from tests.conftest import TODAY


def board_cards(window: object) -> set[int]:
    columns = window.board.columns.values()  # type: ignore[attr-defined]
    return {
        widget.model.index(row, 0).data(JOURNEY_ID_ROLE)
        for widget in columns
        for row in range(widget.model.rowCount())
    }


def test_the_board_is_painted_first_and_works_once_attached(
    qtbot: QtBot, demo_ctx: Context
) -> None:
    folder = demo_ctx.path.parent
    events = AppEvents()
    window = quick_window(folder, FixedClock(TODAY), events)
    assert window is not None
    qtbot.addWidget(window)
    assert not window.ready
    assert window.windowTitle() == "Northlight Practice — DeliveryDesk"
    from deliverydesk.services.views.queries import board_rows

    assert board_cards(window) == {row.journey_id for row in board_rows(demo_ctx)}

    journey_id = next(iter(board_cards(window)))
    assert not window.board.request_move(journey_id, 1)
    assert "Still opening" in window.board.last_message

    ctx = open_workspace(folder, FixedClock(TODAY), window)
    assert ctx is not None
    try:
        window.attach(ctx)
        assert window.ready
        window.show_screen("clients")
        assert window.clients.model.rowCount() >= 25
    finally:
        ctx.close()


def test_once_attached_a_card_opens_at_once_and_the_other_screens_follow(
    qtbot: QtBot, demo_ctx: Context
) -> None:
    folder = demo_ctx.path.parent
    window = quick_window(folder, FixedClock(TODAY), AppEvents())
    assert window is not None
    qtbot.addWidget(window)
    ctx = open_workspace(folder, FixedClock(TODAY), window)
    assert ctx is not None
    try:
        # The screens nobody sees yet are built after the attach, one per turn of the
        # event loop; a card opened before that gets its client page all the same.
        with qtbot.waitSignal(window.screens_built, timeout=5000):
            window.attach(ctx)
            journey_id = next(iter(board_cards(window)))
            window.board.open_journey.emit(journey_id)  # a double-click on the card
            assert window.current_screen() == "clients"
            assert window.clients.client_page.journey_id == journey_id
        window.show_screen("today")
        assert window.current_screen() == "today"
    finally:
        ctx.close()


def test_a_card_opened_in_the_first_moment_does_not_wait_for_every_screen(
    qtbot: QtBot, demo_ctx: Context
) -> None:
    folder = demo_ctx.path.parent
    window = quick_window(folder, FixedClock(TODAY), AppEvents())
    assert window is not None
    qtbot.addWidget(window)
    ctx = open_workspace(folder, FixedClock(TODAY), window)
    assert ctx is not None
    try:
        with qtbot.waitSignal(window.screens_built, timeout=5000):
            window.attach(ctx)
            journey_id = next(iter(board_cards(window)))
            window.board.open_journey.emit(journey_id)  # at once, before any screen
            assert window.clients.client_page.journey_id == journey_id
            assert window.current_screen() == "clients"
            assert not hasattr(window, "dashboard")  # nobody asked for it yet: it follows
        assert hasattr(window, "dashboard")
        window.show_screen("dashboard")
        assert window.current_screen() == "dashboard"
    finally:
        ctx.close()


def test_a_new_data_folder_takes_the_full_path(tmp_path: Path) -> None:
    assert quick_window(tmp_path, FixedClock(TODAY), AppEvents()) is None


def test_the_first_paint_needs_no_sqlalchemy(demo_ctx: Context) -> None:
    script = (
        "import sys; from datetime import date; from pathlib import Path\n"
        "from deliverydesk.services.views.startup import first_board\n"
        "import deliverydesk.ui.app\n"
        f"board = first_board(Path({str(demo_ctx.path.parent)!r}), date(2026, 11, 23))\n"
        "assert board is not None and board.rows\n"
        "heavy = ('sqlalchemy', 'alembic', 'reportlab', 'deliverydesk.services.workspace',\n"
        "         'deliverydesk.ui.opening', 'deliverydesk.model.rules.offer_rules')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    ).stdout
    assert out.strip() == "[]"


def test_opening_a_practice_at_the_current_schema_needs_no_alembic(demo_ctx: Context) -> None:
    # Alembic and Mako take ~100 ms to import: a start pays that only to migrate.
    script = (
        "import sys; from datetime import date; from pathlib import Path\n"
        "from deliverydesk.model.rules.clock import FixedClock\n"
        "from deliverydesk.services.workspace import Workspace\n"
        f"folder = Path({str(demo_ctx.path.parent)!r})\n"
        "ws = Workspace.open(folder, FixedClock(date(2026, 11, 23)))\n"
        "print(sorted(m for m in sys.modules if m.startswith(('alembic', 'mako'))))\n"
        "ws.close()\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    ).stdout
    assert out.strip() == "[]"


def test_an_open_practice_loads_a_rooms_use_cases_when_it_is_first_used(
    demo_ctx: Context,
) -> None:
    # The seven rooms' imports were ~27 % of what a start waited for before the first edit.
    script = (
        "import sys; from datetime import date; from pathlib import Path\n"
        "from deliverydesk.model.rules.clock import FixedClock\n"
        "from deliverydesk.services.workspace import Workspace\n"
        f"folder = Path({str(demo_ctx.path.parent)!r})\n"
        "ws = Workspace.open(folder, FixedClock(date(2026, 11, 23)))\n"
        "rooms = lambda: sorted(m.rsplit('.', 1)[1] for m in sys.modules\n"
        "                       if m.startswith('deliverydesk.services.rooms.'))\n"
        "print(rooms())\n"
        "print(len(ws.journeys.board_rows(None)) > 0, rooms())\n"
        "ws.close()\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    ).stdout
    assert out.splitlines() == ["[]", "True ['journeys', 'room']"]


def test_a_damaged_database_gets_a_clear_message_and_stays_untouched(
    qtbot: QtBot, tmp_path: Path, monkeypatch: object
) -> None:
    from deliverydesk.ui.recovery_dialog import RecoveryDialog

    folder = tmp_path / "data"
    folder.mkdir()
    damaged = folder / "deliverydesk.sqlite3"
    damaged.write_bytes(b"this is a spreadsheet, not a database" * 100)
    before = damaged.read_bytes()
    shown: list[str] = []

    def quit_instead(dialog: RecoveryDialog) -> int:  # the person reads, and chooses Quit
        shown.append(dialog.text())
        dialog.quit_button.click()
        return 0

    monkeypatch.setattr(RecoveryDialog, "exec", quit_instead)  # type: ignore[attr-defined]
    assert quick_window(folder, FixedClock(TODAY), AppEvents()) is None
    assert open_workspace(folder, FixedClock(TODAY), None) is None
    assert len(shown) == 1 and "not a DeliveryDesk database" in shown[0]
    assert damaged.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["deliverydesk.sqlite3"]
