"""Enrolling a client as a new practitioner would: Ctrl+N, the wizard's pages by keyboard,
the right-fit score, the capacity check's suggested start, and the card on the board at
once; undo takes the card off again."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.enums import JourneyStatus
from deliverydesk.model.rules.fit import RightFit
from deliverydesk.model.rules.offer_design import PhaseSpec
from deliverydesk.seeding.offer_templates import OFFERS
from deliverydesk.services.changes import Changes
from deliverydesk.services.clients.clients import ClientInput
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.enrol.enrol_wizard import FIT, PICK, START, EnrolWizard
from deliverydesk.ui.enrol.pick_page import OFFER_ID_ROLE
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.widgets.client_dialog import ClientDialog
from tests.conftest import TODAY
from tests.gui.enrol_support import book_a_client, opened, own_practice, press, show_active

RETURN, SPACE, TAB = Qt.Key.Key_Return, Qt.Key.Key_Space, Qt.Key.Key_Tab
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def offer_id(empty_ws: Workspace) -> int:
    return own_practice(empty_ws, weekly_hours=4)


@pytest.fixture
def window(empty_ws: Workspace, offer_id: int, qtbot: QtBot, events: AppEvents) -> MainWindow:
    book_a_client(empty_ws, offer_id)  # someone already booked: the new client must wait
    main = MainWindow(empty_ws, events)
    qtbot.addWidget(main)
    show_active(qtbot, main)
    return main


def cards(window: MainWindow, offer_id: int) -> dict[int, str]:
    """What the board shows in the offer's first phase: journey id -> name."""
    model = window.board.columns[(offer_id, 0)].model
    return {j: window.board.index.cards[j].name for j in model.journey_ids()}


def next_button_enabled(wizard: EnrolWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_a_new_practice_adds_and_enrols_a_client_from_ctrl_n(
    qtbot: QtBot, window: MainWindow, empty_ws: Workspace, offer_id: int
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    dialog = opened(qtbot, window, ClientDialog)
    qtbot.keyClicks(dialog.name, "Priya Garcia")
    assert dialog.enrol_next.isChecked()  # enrolling comes next unless said otherwise
    press(qtbot, RETURN)

    wizard = opened(qtbot, window, EnrolWizard)
    assert wizard.currentId() == PICK
    choice = wizard.pick.choice()
    assert choice is not None and choice.name == "Priya Garcia"
    assert wizard.pick.offer_id == offer_id  # the only offer, picked already
    press(qtbot, RETURN)  # Next

    assert wizard.currentId() == FIT
    fit = wizard.fit
    assert fit.score.text() == "Score: 0 of 6, threshold 4"
    assert fit.warning.isVisible()  # below the threshold: a warning, never a refusal
    assert fit.boxes[0].hasFocus()
    press(qtbot, SPACE)  # "Has 2-3 hours a week for their part" (+2)
    press(qtbot, TAB)
    press(qtbot, SPACE)  # "Ready to hear honest feedback" (+2)
    assert fit.score.text() == "Score: 4 of 6, threshold 4"
    assert not fit.warning.isVisible()
    press(qtbot, RETURN)

    assert wizard.currentId() == START
    start = wizard.start
    assert start.date_edit.hasFocus()
    start.date_edit.setDate(QDate(2026, 11, 28))  # a Saturday
    qtbot.waitUntil(lambda: start.preview is not None and start.preview.start_on.day == 30)
    assert start.rolled.text() == (
        "Sat 28 Nov 2026 is not a working day; the journey starts Mon 30 Nov 2026."
    )
    assert start.chart.over_weeks()  # two Brand Audits at once do not fit in 4 hours
    assert start.summary.text().startswith("Over capacity in ")
    assert start.suggestion.text() == "Earliest start that fits: Mon 28 Dec 2026"
    assert start.use_date.isVisible()
    qtbot.mouseClick(start.use_date, Qt.MouseButton.LeftButton)
    assert start.start_on() == date(2026, 12, 28)
    assert start.preview is not None and start.preview.start_on == date(2026, 12, 28)
    assert not start.chart.over_weeks()
    assert not start.use_date.isVisible()
    assert start.suggestion.text() == "This start adds no week over your capacity."

    with qtbot.waitSignal(wizard.enrolled) as enrolled:
        press(qtbot, RETURN)  # Enrol
    journey_id = enrolled.args[0]
    qtbot.waitUntil(lambda: not wizard.isVisible())

    # The card is on the board at once, selected, and the client's page opens from it.
    assert window.current_screen() == "board"
    assert cards(window, offer_id)[journey_id] == "Priya Garcia"
    column = window.board.columns[(offer_id, 0)]
    assert column.view.currentIndex().row() == column.model.row_of(journey_id)
    details = empty_ws.clients.client_details(choice.id)
    (journey,) = details.journeys
    assert (journey.start_on, journey.fit_score) == (date(2026, 12, 28), 4)
    window.open_client(journey_id)
    assert window.clients.client_page.name.text() == "Priya Garcia"

    # One undo takes the enrolment back (the client stays); redo brings the same card back.
    window.show_screen("board")
    show_active(qtbot, window)
    assert window.undo_action.text() == "&Undo Enrol Priya Garcia in Brand Audit"
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert journey_id not in cards(window, offer_id)
    assert empty_ws.clients.client_details(choice.id).journeys == ()
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert cards(window, offer_id)[journey_id] == "Priya Garcia"


def test_the_wizard_is_usable_by_keyboard_alone(
    qtbot: QtBot, window: MainWindow, empty_ws: Workspace, offer_id: int
) -> None:
    for name in ("Amara Obi", "Tom Baker"):
        empty_ws.clients.add_client(ClientInput(name))
    window.events.changed.emit(Changes.all())
    qtbot.keyClick(window, Qt.Key.Key_J, CTRL_SHIFT)  # File > Enrol a client…
    wizard = opened(qtbot, window, EnrolWizard)
    pick = wizard.pick
    assert pick.search.hasFocus()
    assert not next_button_enabled(wizard)  # nobody picked yet
    qtbot.keyClicks(pick.search, "ba")  # "Tom Baker" (and nobody else)
    assert pick.model.rowCount() == 1
    assert [c.name for c in [pick.choice()] if c] == ["Tom Baker"]
    press(qtbot, Qt.Key.Key_Backspace)
    press(qtbot, Qt.Key.Key_Backspace)
    press(qtbot, Qt.Key.Key_Down)  # arrows move through the matches from the search field
    assert pick.choice() is not None
    press(qtbot, RETURN)
    assert wizard.currentId() == FIT
    for position, _box in enumerate(wizard.fit.boxes):
        if position:
            press(qtbot, TAB)
        press(qtbot, SPACE)
    assert wizard.fit.score.text() == "Score: 6 of 6, threshold 4"
    press(qtbot, RETURN)
    assert wizard.currentId() == START
    qtbot.waitUntil(lambda: wizard.start.preview is not None)
    # Alt+U works on a desktop; the offscreen test platform has no mnemonics, so Tab there
    # (Tab first walks the date's day, month and year, as in every Qt date field).
    for _ in range(4):
        if not wizard.start.use_date.hasFocus():
            press(qtbot, TAB)
    assert wizard.start.use_date.hasFocus()
    press(qtbot, SPACE)
    assert wizard.start.start_on() == date(2026, 12, 28)
    with qtbot.waitSignal(wizard.enrolled):
        press(qtbot, RETURN)


def test_escape_leaves_the_wizard_and_enrols_nobody(
    qtbot: QtBot, window: MainWindow, empty_ws: Workspace
) -> None:
    journeys = len(empty_ws.journeys.board_rows())
    wizard = window.enrol()
    assert isinstance(wizard, EnrolWizard)
    qtbot.waitUntil(wizard.isVisible)
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert len(empty_ws.journeys.board_rows()) == journeys


def test_a_client_already_on_the_offer_cannot_start_it_twice(
    qtbot: QtBot, window: MainWindow, empty_ws: Workspace, offer_id: int
) -> None:
    ben = next(c for c in empty_ws.clients.client_choices() if c.name == "Ben Okafor")
    wizard = window.enrol(client_id=ben.id)
    assert isinstance(wizard, EnrolWizard)
    qtbot.waitUntil(wizard.isVisible)
    assert wizard.pick.problem.text() == (
        "Ben Okafor is already on Brand Audit. Complete or cancel that journey before "
        "enrolling them again."
    )
    assert not next_button_enabled(wizard)
    wizard.reject()


def test_only_offers_that_can_take_a_client_are_selectable(
    qtbot: QtBot, empty_ws: Workspace, offer_id: int, events: AppEvents
) -> None:
    brand = OFFERS["brand"]
    draft = replace(brand, name="Draft offer", phases=(*brand.phases, PhaseSpec("Later", 5, ())))
    draft_id = empty_ws.offers.add_offer(draft).value
    archived_id = empty_ws.offers.add_offer(replace(brand, name="Old offer")).value
    empty_ws.offers.set_offer_archived(archived_id, True)
    window = MainWindow(empty_ws, events)
    qtbot.addWidget(window)
    wizard = window.enrol(offer_id=draft_id)  # asked for, but it cannot take anyone yet
    assert isinstance(wizard, EnrolWizard)
    qtbot.waitUntil(wizard.isVisible)
    offers = wizard.pick.offers
    items = {offers.item(r).data(OFFER_ID_ROLE): offers.item(r) for r in range(offers.count())}
    assert set(items) == {offer_id, draft_id}  # the archived one is not offered
    assert items[offer_id].flags() & Qt.ItemFlag.ItemIsSelectable
    assert not items[draft_id].flags() & Qt.ItemFlag.ItemIsEnabled
    line = items[draft_id].text().split("\n")
    assert line[0] == "Draft offer"
    assert line[1].startswith("Cannot enrol yet: ") and "Later" in line[1]
    assert wizard.pick.offer_id == offer_id  # the one offer that can, picked instead
    wizard.reject()


def test_an_offer_without_a_checklist_skips_the_right_fit_page(
    qtbot: QtBot, empty_ws: Workspace, offer_id: int, events: AppEvents
) -> None:
    plain_id = empty_ws.offers.add_offer(
        replace(OFFERS["coaching"], name="Plain coaching", right_fit=RightFit())
    ).value
    client_id = empty_ws.clients.add_client(ClientInput("Nia Long")).value
    window = MainWindow(empty_ws, events)
    qtbot.addWidget(window)
    wizard = window.enrol(client_id=client_id, offer_id=plain_id)
    assert isinstance(wizard, EnrolWizard)
    qtbot.waitUntil(wizard.isVisible)
    wizard.next()
    assert wizard.currentId() == START
    wizard.back()
    assert wizard.currentId() == PICK
    wizard.pick._select_offer(offer_id)  # the one with a checklist: the page is back
    wizard.next()
    assert wizard.currentId() == FIT
    wizard.reject()


def test_a_returning_client_enrols_again_from_their_page(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents
) -> None:
    ended = next(r for r in demo_ws.clients.client_rows() if r.status is JourneyStatus.COMPLETED)
    assert ended.journey_id is not None and ended.offer_id is not None
    window = MainWindow(demo_ws, events)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.open_client(ended.journey_id)
    page = window.clients.client_page
    button = next(
        b for b in page.findChildren(type(page.client_actions.buttons()[0]))
        if b.defaultAction() is page.client_actions.enrol_action
    )  # fmt: skip
    assert button.text() == "Enrol in another offer…"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wizard = opened(qtbot, page, EnrolWizard)
    choice = wizard.pick.choice()
    assert choice is not None and choice.id == ended.client_id
    assert choice.ended_journeys >= 1
    wizard.pick._select_offer(ended.offer_id)  # the offer they finished: they may start again
    assert next_button_enabled(wizard)
    wizard.next()
    if wizard.currentId() == FIT:
        wizard.next()
    qtbot.waitUntil(lambda: wizard.start.preview is not None)
    with qtbot.waitSignal(wizard.enrolled) as enrolled:
        wizard.accept()
    assert page.journey_id == enrolled.args[0]  # the page shows the new journey
    assert f"{ended.offer_name}, started Mon 23 Nov 2026" in page.subtitle.text()
    statuses = [j.status for j in demo_ws.clients.client_details(ended.client_id).journeys]
    assert statuses.count(JourneyStatus.ACTIVE) >= 1 and JourneyStatus.COMPLETED in statuses


def test_a_client_not_enrolled_yet_opens_the_wizard_from_the_list(
    qtbot: QtBot, window: MainWindow, empty_ws: Workspace
) -> None:
    client_id = empty_ws.clients.add_client(ClientInput("Zoe Quinn")).value
    window.show_screen("clients")
    page = window.clients
    window.events.changed.emit(Changes.all())
    page.reload()
    row = next(
        r for r in range(page.model.rowCount()) if page.model.row_at(r).client_id == client_id
    )
    page.table.setCurrentIndex(page.model.index(row, 1))
    assert page.model.index(row, 1).data() == "Not enrolled"
    page.table.activated.emit(page.model.index(row, 1))
    wizard = opened(qtbot, page, EnrolWizard)
    assert wizard.pick.client_id == client_id
    wizard.reject()


def test_the_board_offers_enrol_and_new_client(
    qtbot: QtBot, window: MainWindow, offer_id: int
) -> None:
    button = window.board.enrol_button
    assert button.text() == "Enrol…"
    words = [a.text() for a in button.menu().actions()]
    assert words == ["New client…", "Enrol a client…"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wizard = opened(qtbot, window.board, EnrolWizard)
    assert wizard.pick.offer_id == offer_id
    wizard.reject()
    button.menu().actions()[0].trigger()
    dialog = opened(qtbot, window.board, ClientDialog)
    dialog.reject()


def test_enrolment_a_service_refuses_is_explained_on_the_page(
    qtbot: QtBot, window: MainWindow, empty_ws: Workspace, offer_id: int
) -> None:
    client_id = empty_ws.clients.add_client(ClientInput("Late Comer")).value
    wizard = window.enrol(client_id=client_id)
    assert isinstance(wizard, EnrolWizard)
    qtbot.waitUntil(wizard.isVisible)
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.start.preview is not None)
    empty_ws.clients.enrol_client(client_id, offer_id, TODAY)  # enrolled meanwhile, elsewhere
    stack = window.undo_stack.count()
    wizard.accept()
    assert wizard.isVisible()
    assert "already on 'Brand Audit'" in wizard.start.error.text()
    assert window.undo_stack.count() == stack  # a refused enrolment leaves no undo step
    wizard.reject()
