"""Issue 19's "Done means", timed: the real window on a real X server, driven as a person
would (menus, keys, the dialogs' buttons) by QTest.

1. A coach with 14 clients mid-journey: File > Import journeys in progress…, Save a
   template, (she fills it in: 14 rows, her own time), Choose file…, read the preview,
   Import: the 14 cards on the board.
2. One more client already under way, by hand: Ctrl+N, the name, Enter; the wizard: the
   offer, right fit, the start date typed, Already under way (Space), Enter: the card on
   the board in the phase reached.

What is timed is the program's part (from the first key to the cards shown); a person's
part (typing, reading, deciding) is counted in keys and decisions and estimated at a
steady 0.3 s a key and 3 s a decision, which is slow for a person who knows her clients.

Usage: xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tools/time_bringing_in.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from deliverydesk.model.rules.clock import SystemClock
from deliverydesk.paths import data_dir
from deliverydesk.seeding.offer_templates import OFFERS
from deliverydesk.services.journeys.under_way import planned_reach
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.app import create_application
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.enrol.enrol_wizard import EnrolWizard
from deliverydesk.ui.enrol.import_journeys import ImportJourneysDialog
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.widgets.client_dialog import ClientDialog

KEY_S, DECISION_S = 0.3, 3.0
HEADER = "Client,E-mail,Offer,Start date,Current phase or step"


def wait_for(app: QApplication, done: Callable[[], bool], limit: float = 60.0) -> None:
    end = time.perf_counter() + limit
    while not done():
        if time.perf_counter() > end:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.002)


def top_dialog[W: QWidget](app: QApplication, parent: QWidget, kind: type[W]) -> W:
    found: list[W] = []

    def shown() -> bool:
        found[:] = [w for w in parent.findChildren(kind) if w.isVisible()]
        return bool(found)

    wait_for(app, shown)
    dialog = found[-1]
    dialog.activateWindow()
    wait_for(app, dialog.isActiveWindow)
    return dialog


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    focus = QApplication.focusWidget()
    assert focus is not None
    QTest.keyClick(focus, key, modifier)


def fourteen_rows(ws: Workspace, offer: int, name: str, today: date) -> list[str]:
    rows = []
    for n in range(14):
        start = today - timedelta(days=3 + 4 * n)
        plan = ws.clients.offer_plan(offer, start)
        place = planned_reach(plan, today)
        phase = plan[place.phase]
        where = phase.name if place.step == 0 else f"{phase.name} / {phase.steps[place.step].title}"
        rows.append(f"Client {n + 1},client.{n + 1}@mail.test,{name},{start},{where}")
    return rows


def from_template(app: QApplication, window: MainWindow, ws: Workspace, offer: int) -> None:
    folder = Path(tempfile.mkdtemp())
    template = folder / "my clients.csv"
    QFileDialog.getSaveFileName = staticmethod(lambda *_a, **_k: (str(template), ""))  # type: ignore[method-assign]
    QFileDialog.getOpenFileName = staticmethod(lambda *_a, **_k: (str(template), ""))  # type: ignore[method-assign]
    started = time.perf_counter()
    window.data.import_journeys_action.trigger()
    dialog = top_dialog(app, window, ImportJourneysDialog)
    QTest.mouseClick(dialog.template_button, Qt.MouseButton.LeftButton)
    saved = time.perf_counter()
    name = OFFERS["coaching"].name
    today = ws.today()
    template.write_text("\n".join([HEADER, *fourteen_rows(ws, offer, name, today)]), "utf-8")
    filled = time.perf_counter()  # her part: filling in 14 rows (not the program's)
    QTest.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    wait_for(app, lambda: dialog.import_button.isEnabled())
    previewed = time.perf_counter()
    QTest.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_for(app, lambda: len(window.board.index.cards) == 14 and not dialog.isVisible())
    window.show_screen("board")
    app.processEvents()
    on_board = time.perf_counter()
    program = (saved - started) + (on_board - filled)
    print("1. 14 clients from a filled journeys template to the board")
    print(f"   open the dialog, save the template: {1000 * (saved - started):.0f} ms")
    print(f"   choose the file, preview 14 rows: {1000 * (previewed - filled):.0f} ms")
    print(f"   import, 14 cards on the board: {1000 * (on_board - previewed):.0f} ms")
    print(f"   the program's part in all: {program:.2f} s")
    clicks = 6  # the menu item, Save a template, Save, Choose file, Open, Import
    print(
        f"   the person's part besides filling in: {clicks} clicks, reading the preview: "
        f"about {clicks * DECISION_S + 10:.0f} s"
    )


def by_hand(app: QApplication, window: MainWindow, ws: Workspace) -> None:
    start = ws.today() - timedelta(weeks=3)
    typed_date = f"{start.day} {start.strftime('%b')} {start.year}"
    keys = 0
    window.activateWindow()  # after the import dialog closed
    wait_for(app, window.isActiveWindow)
    began = time.perf_counter()
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    keys += 2
    dialog = top_dialog(app, window, ClientDialog)
    QTest.keyClicks(dialog.name, "Priya Garcia")
    keys += len("Priya Garcia")
    press(Qt.Key.Key_Return)
    wizard = top_dialog(app, window, EnrolWizard)
    press(Qt.Key.Key_Return)  # the only offer
    press(Qt.Key.Key_Return)  # right fit: yes
    keys += 3
    page = wizard.start
    wait_for(app, lambda: page.date_edit.hasFocus())
    QTest.keyClicks(page.date_edit, typed_date)
    press(Qt.Key.Key_Tab)
    keys += len(typed_date) + 1
    wait_for(app, lambda: page.preview is not None and page.preview.start_on == start)
    while QApplication.focusWidget() is not page.under_way.toggle:
        press(Qt.Key.Key_Tab)
        keys += 1
    press(Qt.Key.Key_Space)  # already under way: the plan's guess of where she is
    keys += 1
    before = set(window.board.index.cards)
    wait_for(app, lambda: page.preview is not None and not page._timer.isActive())
    press(Qt.Key.Key_Return)  # Enrol
    keys += 1
    wait_for(app, lambda: len(set(window.board.index.cards) - before) == 1)
    done = time.perf_counter()
    card = window.board.index.cards[next(iter(set(window.board.index.cards) - before))]
    person = keys * KEY_S + 4 * DECISION_S
    print("2. one client already under way, enrolled by hand")
    print(f"   {keys} keys; the program's part (keys sent to card shown): {done - began:.2f} s")
    print(f"   on the board in phase {card.phase_position + 1}: {card.phase_name}")
    print(
        f"   a person: {keys} keys at {KEY_S} s and 4 decisions at {DECISION_S:.0f} s: "
        f"about {person:.0f} s"
    )


def main() -> None:
    app = create_application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.open(data_dir(Path(tmp) / "practice"), SystemClock())
        ws.practice.create_practice("Clarity Coaching", 30, frozenset({1, 2, 3, 4, 5}), "Mia Chen")
        offer = ws.offers.add_offer(OFFERS["coaching"]).value
        window = MainWindow(ws, AppEvents())
        window.show()
        window.activateWindow()
        wait_for(app, window.isActiveWindow)
        from_template(app, window, ws, offer)
        by_hand(app, window, ws)
        window.close()
        ws.close()


if __name__ == "__main__":
    main()
