"""Why a row of an imported file is skipped, what it will do, and what is wrong with it
are said in the window's language: the services give each row's note a code and values,
the import dialogs word them through Qt's translator."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from deliverydesk.seeding.offer_templates import OFFERS
from deliverydesk.services.clients.clients import ClientInput
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.jobs import JobRunner
from deliverydesk.ui.enrol.import_journeys import ImportJourneysDialog
from deliverydesk.ui.widgets.import_clients_dialog import ImportClientsDialog
from tests.gui.enrol_support import MON_FRI
from tests.gui.translation_support import translated

GERMAN = {
    "Skipped: {reason}": "Übersprungen: {reason}",
    "Problem: {reason}": "Problem: {reason}",
    "Added. {note}": "Hinzugefügt. {note}",
    "Same e-mail as {who}.": "Gleiche E-Mail wie {who}.",
    "Same name as {who}.": "Gleicher Name wie {who}.",
    "{name}, already a client": "{name}, schon Kunde",
    "row {row}": "Zeile {row}",
    "Someone of the same name has another e-mail: added as a new client.": (
        "Jemand gleichen Namens hat eine andere E-Mail: als neuer Kunde hinzugefügt."
    ),
    "has {count} values, but the first row names only {width} columns.": (
        "hat {count} Werte, die erste Zeile nennt nur {width} Spalten."
    ),
    "Repeats row {row}.": "Wiederholt Zeile {row}.",
    "Enrols {client}, already a client.": "Nimmt {client} auf, schon Kunde.",
}


@pytest.fixture
def german() -> Iterator[None]:
    with translated(GERMAN):
        yield


def outcomes(dialog: ImportClientsDialog) -> list[str]:
    dialog.attention.setChecked(False)  # every row
    model = dialog.model
    last = model.columnCount() - 1  # what becomes of the row, and why
    return [str(model.index(row, last).data()) for row in range(model.rowCount())]


def test_a_client_rows_notes_are_said_in_the_windows_language(
    empty_ws: Workspace, events: AppEvents, qtbot: QtBot, tmp_path: Path, german: None
) -> None:
    empty_ws.practice.create_practice("Studio", 30, MON_FRI)
    empty_ws.clients.add_client(ClientInput("Zoë Müller", email="zoe@mail.test"))
    path = tmp_path / "list.csv"
    path.write_text(
        "Name,E-mail\n"
        "Zoe M,zoe@mail.test\n"  # row 2: a client here has that e-mail
        "Zoë Müller,other@mail.test\n"  # row 3: a namesake with another e-mail
        "Kofi Mensah,\n"  # row 4: new
        "Kofi Mensah,\n"  # row 5: the same as row 4
        "Ida Berg,ida@mail.test,extra\n",  # row 6: one value too many
        "utf-8",
    )
    dialog = ImportClientsDialog(empty_ws, events, JobRunner.for_workspace(empty_ws), path)
    qtbot.addWidget(dialog)
    dialog.show()

    assert outcomes(dialog) == [
        "Übersprungen: Gleiche E-Mail wie Zoë Müller, schon Kunde.",
        "Hinzugefügt. Jemand gleichen Namens hat eine andere E-Mail: als neuer Kunde hinzugefügt.",
        "Added",
        "Übersprungen: Gleicher Name wie Zeile 4.",
        "Problem: hat 3 Werte, die erste Zeile nennt nur 2 Spalten.",
    ]


def test_a_journey_rows_notes_are_said_in_the_windows_language(
    empty_ws: Workspace, events: AppEvents, qtbot: QtBot, tmp_path: Path, german: None
) -> None:
    empty_ws.practice.create_practice("Clarity Coaching", 30, MON_FRI, "Mia Chen")
    empty_ws.offers.add_offer(OFFERS["coaching"])
    empty_ws.clients.add_client(ClientInput("Ana Rivera", email="ana@mail.test"))
    path = tmp_path / "journeys.csv"
    path.write_text(
        "Client,E-mail,Offer,Start date,Current phase or step\n"
        "Ana Rivera,ana@mail.test,12-Week Clarity Coaching,2026-10-05,Strategy\n"
        "Ben Okafor,ben@mail.test,12-Week Clarity Coaching,2026-10-05,Strategy\n"
        "Ben Okafor,ben@mail.test,12-Week Clarity Coaching,2026-10-12,Discovery\n",
        "utf-8",
    )
    dialog = ImportJourneysDialog(empty_ws, events, JobRunner.for_workspace(empty_ws), path)
    qtbot.addWidget(dialog)
    dialog.show()

    assert outcomes(dialog) == [
        "Hinzugefügt. Nimmt Ana Rivera auf, schon Kunde.",
        "Added",
        "Übersprungen: Wiederholt Zeile 3.",
    ]
