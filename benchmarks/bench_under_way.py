"""A coach bringing her practice in: the inputs a person gives and the time the app takes.

1. By hand: one client mid-journey (Ctrl+N, the name, the wizard, a start date weeks back,
   "Already under way", Enrol). Counts keys and clicks as a person gives them, and times
   the app's part (inputs delivered at once, each waited for).
2. From a template: 14 clients (File > Import journeys in progress…, Save a template,
   Choose file, the preview, Import). Times the app's part of each step.

Run under Xvfb to see it as a person would: xvfb-run -a env QT_QPA_PLATFORM=xcb
.venv/bin/python benchmarks/bench_under_way.py (offscreen by default).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QDate, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog  # noqa: E402

from deliverydesk.model.rules.clock import FixedClock  # noqa: E402
from deliverydesk.paths import data_dir  # noqa: E402
from deliverydesk.seeding.offer_templates import OFFERS  # noqa: E402
from deliverydesk.services.context import open_workspace  # noqa: E402
from deliverydesk.services.journeys.under_way import planned_reach  # noqa: E402
from deliverydesk.services.workspace import Workspace  # noqa: E402
from deliverydesk.ui.core.events import AppEvents  # noqa: E402
from deliverydesk.ui.enrol.enrol_wizard import EnrolWizard  # noqa: E402
from deliverydesk.ui.enrol.import_journeys import ImportJourneysDialog  # noqa: E402
from deliverydesk.ui.main_window import MainWindow  # noqa: E402
from deliverydesk.ui.widgets.client_dialog import ClientDialog  # noqa: E402

DAY = date(2026, 11, 23)
MON_FRI = frozenset({1, 2, 3, 4, 5})


def wait_for(app: QApplication, found: object, limit: float = 30.0) -> None:
    end = time.perf_counter() + limit
    while not found():  # type: ignore[operator]
        app.processEvents()
        if time.perf_counter() > end:
            raise TimeoutError("the window did not answer")


def visible[W](window: MainWindow, kind: type[W]) -> W | None:
    shown = [w for w in window.findChildren(kind) if w.isVisible()]  # type: ignore[arg-type]
    return shown[-1] if shown else None


def active[W](app: QApplication, window: MainWindow, kind: type[W]) -> W:
    """The dialog of `kind` once shown and active (the keyboard goes to it)."""
    wait_for(app, lambda: visible(window, kind))
    dialog = visible(window, kind)
    assert dialog is not None
    dialog.activateWindow()  # type: ignore[attr-defined]
    wait_for(app, dialog.isActiveWindow)  # type: ignore[attr-defined]
    return dialog


class Inputs:
    def __init__(self, app: QApplication) -> None:
        self.app, self.keys, self.clicks = app, 0, 0

    def key(
        self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        target = self.app.focusWidget()
        assert target is not None
        QTest.keyClick(target, key, modifier)
        self.keys += 1

    def type(self, words: str) -> None:
        target = self.app.focusWidget()
        assert target is not None
        QTest.keyClicks(target, words)
        self.keys += len(words)

    def click(self, widget: object) -> None:
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
        self.clicks += 1


def by_hand(app: QApplication, window: MainWindow, ws: Workspace, offer_id: int) -> None:
    inputs = Inputs(app)
    began = time.perf_counter()
    inputs.key(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    active(app, window, ClientDialog)
    inputs.type("Priya Garcia")
    inputs.key(Qt.Key.Key_Return)
    wizard = active(app, window, EnrolWizard)
    inputs.key(Qt.Key.Key_Return)  # the only offer is picked
    inputs.key(Qt.Key.Key_Return)  # right fit: ticks are optional
    start = wizard.start
    # A start date weeks back: the calendar button, back a month, the day (3 clicks).
    start.date_edit.setDate(QDate(2026, 11, 9))
    inputs.clicks += 3
    wait_for(app, lambda: start.preview is not None and start.preview.start_on.day == 9)
    inputs.click(start.under_way.toggle)  # the plan's guess of where she is: Audit
    assert start.under_way.place.currentText() == "Audit — from its start"
    start.date_edit.setFocus()
    inputs.key(Qt.Key.Key_Return)  # Enrol
    wait_for(app, lambda: ws.journeys.board_rows())
    took = time.perf_counter() - began
    row = ws.journeys.board_rows()[0]
    assert row.phase_name == "Audit", row.phase_name
    # Keystroke-level model (Card, Moran & Newell): 0.28 s a key (an average typist),
    # 1.1 s to point plus 0.2 s to click, 1.35 s to think before each choice (6 here).
    person = inputs.keys * 0.28 + inputs.clicks * 1.3 + 6 * 1.35
    print(
        f"By hand: {inputs.keys} keys (12 of them the name) and {inputs.clicks} clicks; "
        f"the app's part {took:.2f} s; a person about {person:.0f} s (keystroke-level model)"
    )


def from_template(
    app: QApplication, window: MainWindow, ws: Workspace, offer_id: int, folder: Path
) -> None:
    template = folder / "journeys.csv"
    QFileDialog.getSaveFileName = staticmethod(lambda *_a, **_k: (str(template), ""))  # type: ignore[method-assign]
    QFileDialog.getOpenFileName = staticmethod(lambda *_a, **_k: (str(template), ""))  # type: ignore[method-assign]
    times: dict[str, float] = {}
    began = time.perf_counter()
    window.data.import_journeys_action.trigger()
    wait_for(app, lambda: visible(window, ImportJourneysDialog))
    dialog = visible(window, ImportJourneysDialog)
    assert dialog is not None
    times["open the dialog"] = time.perf_counter() - began
    began = time.perf_counter()
    QTest.mouseClick(dialog.template_button, Qt.MouseButton.LeftButton)
    times["save the template"] = time.perf_counter() - began
    rows = [template.read_text("utf-8-sig").splitlines()[0]]
    for n in range(14):  # what the coach types in her spreadsheet
        start = DAY - timedelta(days=3 + 4 * n)
        plan = ws.clients.offer_plan(offer_id, start)
        place = planned_reach(plan, DAY)
        phase = plan[place.phase]
        where = phase.name if place.step == 0 else f"{phase.name} / {phase.steps[place.step].title}"
        rows.append(f"Client {n + 1},client.{n + 1}@mail.test,Brand Audit,{start},{where}")
    template.write_text("\n".join(rows) + "\n", "utf-8")
    began = time.perf_counter()
    QTest.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    times["choose the file (preview)"] = time.perf_counter() - began
    assert dialog.preview is not None and dialog.preview.new == 14, dialog.summary.text()
    began = time.perf_counter()
    QTest.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_for(app, lambda: len(ws.journeys.board_rows()) == 15 and not dialog.isVisible())
    times["import (backup, 14 enrolments, board)"] = time.perf_counter() - began
    print("From a template, 14 clients: " + "; ".join(f"{k} {v:.2f} s" for k, v in times.items()))
    print(f"  total app time {sum(times.values()):.2f} s; 3 clicks, plus filling 14 rows in")


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        ctx = open_workspace(data_dir(folder / "data"), FixedClock(DAY))
        ws = Workspace(ctx)
        ws.practice.create_practice("Rivera Studio", 40, MON_FRI, "Ana Rivera")
        offer_id = ws.offers.add_offer(OFFERS["brand"]).value
        window = MainWindow(ws, AppEvents())
        window.show()
        window.activateWindow()
        wait_for(app, window.isActiveWindow)
        by_hand(app, window, ws, offer_id)
        from_template(app, window, ws, offer_id, folder)
        window.close()
        ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
