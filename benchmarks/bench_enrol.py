"""Taking on a client at XL (5,000 clients): what the New client dialog and the enrolment
wizard cost.

Timed: the namesake check as a name is typed (similar_clients), the wizard's client list
read (client_choices), opening the wizard (read, build, first paint), a keystroke in its
client search, and painting the capacity chart.
Floor: every client's id, name, company and e-mail read with plain sqlite3, same run.
Targets: the wizard opens under 150 ms, a search keystroke and a chart paint within a
frame (16 ms), the namesake check under 50 ms (it runs once per pause in typing).
"""

from __future__ import annotations

import os
import sqlite3
import statistics
from datetime import timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from common import TODAY, benchmark_data, summary, timed  # noqa: E402
from deliverydesk.model.rules.clock import FixedClock  # noqa: E402
from deliverydesk.services.workspace import Workspace  # noqa: E402
from deliverydesk.ui.core.events import AppEvents  # noqa: E402
from deliverydesk.ui.enrol.enrol_wizard import EnrolWizard  # noqa: E402
from deliverydesk.ui.look.theme import apply_theme  # noqa: E402

CLIENTS = 5000
TARGETS = {"open": 150.0, "keystroke": 16.0, "paint": 16.0, "namesakes": 50.0}


def main() -> None:
    print(__doc__)
    folder = benchmark_data(CLIENTS)
    app = QApplication([])
    apply_theme(app, dark=False)
    workspace = Workspace.open(folder, FixedClock(TODAY))
    connection = sqlite3.connect(folder / "deliverydesk.sqlite3")
    floor = timed(
        lambda: connection.execute(
            "SELECT id, name, company, email FROM client WHERE NOT archived"
        ).fetchall()
    )
    choices = workspace.clients.client_choices()
    assert len(choices) >= CLIENTS, f"only {len(choices)} clients"
    name = choices[len(choices) // 2].name
    namesakes = timed(lambda: workspace.clients.similar_clients(name))
    read = timed(workspace.clients.client_choices)
    events, stack = AppEvents(), QUndoStack()

    def open_wizard() -> EnrolWizard:
        wizard = EnrolWizard(workspace, events, stack)
        wizard.show()
        app.processEvents()
        return wizard

    opened = []
    for _ in range(7):
        wizard = open_wizard()
        opened.append(wizard)
    open_samples = timed(lambda: opened.append(open_wizard()), repeats=7)
    wizard = opened[-1]
    search = wizard.pick.search
    letters = iter(["a", "an", "ann", "an", "a", ""] * 20)

    def keystroke() -> None:
        search.setText(next(letters))
        wizard.pick.clients.viewport().repaint()

    keys = timed(keystroke, repeats=15)
    offer = next(o for o in workspace.offers.offer_list() if o.is_valid and not o.archived)
    wizard.pick._select_offer(offer.id)
    wizard.pick._select_client(choices[0].id)
    wizard.setStartId(2)  # straight to the start page: the chart is what is timed here
    wizard.restart()
    wizard.start.date_edit.setDate(TODAY + timedelta(days=7))
    wizard.start.refresh()
    chart = wizard.start.chart
    chart.resize(800, 300)
    paints = timed(chart.repaint, repeats=15)

    print(f"clients: {len(choices)}")
    print(f"floor (sqlite3 client read)  {summary(floor)}")
    results = {
        "namesakes": namesakes,
        "open": open_samples,
        "keystroke": keys,
        "paint": paints,
    }
    print(f"client_choices               {summary(read)}")
    for key, samples in results.items():
        verdict = "ok" if statistics.median(samples) <= TARGETS[key] else "OVER TARGET"
        print(f"{key:<28} {summary(samples)}  target {TARGETS[key]:.0f} ms: {verdict}")


if __name__ == "__main__":
    main()
