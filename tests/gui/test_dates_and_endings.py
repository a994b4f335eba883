"""Step dates and ended journeys as a person sees them (issue 8, bug 5 and after): the
year wherever a date is not this year's, the due-date dialog's limits and its warning, and
a completed or cancelled journey that no longer says what comes next or what is coming."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetrics, QImage, QPainter, QUndoStack
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.enums import JourneyStatus
from deliverydesk.services.context import Context
from deliverydesk.services.journeys.detail import StepDetail, journey_detail
from deliverydesk.services.journeys.journeys import set_due_date
from deliverydesk.services.journeys.lifecycle import cancel, complete
from deliverydesk.services.views.queries import board_rows, client_rows
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.board.card_delegate import CardDelegate
from deliverydesk.ui.clients.checklist import DUE, STEP
from deliverydesk.ui.clients.client_list_model import DUE as LIST_DUE
from deliverydesk.ui.clients.clients_page import ClientsPage
from deliverydesk.ui.core import text
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.timeline.journey_timeline import mark_cells
from deliverydesk.ui.today.today_model import DUE as TODAY_DUE
from deliverydesk.ui.today.today_model import TodayModel
from deliverydesk.ui.widgets.step_dialogs import due_date_dialog
from tests.conftest import TODAY

NEXT_YEAR = date(TODAY.year + 1, 3, 4)  # a Thursday


def active_journey(ctx: Context) -> int:
    """An active journey whose next step is the first open one of its current phase."""
    for row in client_rows(ctx):
        if row.status is JourneyStatus.ACTIVE and row.journey_id is not None:
            return row.journey_id
    raise AssertionError("the demo has active journeys")


def next_step(ctx: Context, journey_id: int) -> StepDetail:
    detail = journey_detail(ctx, journey_id)
    return next(s for p in detail.phases for s in p.steps if s.completed_on is None)


@pytest.fixture
def clients(demo_ws: Workspace, qtbot: QtBot, events: AppEvents) -> ClientsPage:
    widget = ClientsPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


# -- the year, wherever a step's date is not this year's -------------------------------------
def test_a_due_date_next_year_shows_its_year_in_the_checklist_and_the_client_list(
    clients: ClientsPage, demo_ctx: Context
) -> None:
    journey_id = active_journey(demo_ctx)
    step = next_step(demo_ctx, journey_id)
    set_due_date(demo_ctx, step.id, NEXT_YEAR)
    clients.reload()
    row = next(
        r
        for r in range(clients.model.rowCount())
        if clients.model.row_at(r).journey_id == journey_id
    )
    assert clients.model.index(row, LIST_DUE).data() == "4 Mar 2027"

    clients.open_journey(journey_id)
    item = clients.client_page.checklist.step_item(step.id)
    assert item is not None and item.text(DUE) == "4 Mar 2027"
    # And the column is wide enough for it, not "4 Mar 2…".
    metrics = clients.table.fontMetrics()
    header = clients.table.horizontalHeader()
    assert header.sectionSize(LIST_DUE) > metrics.horizontalAdvance("4 Mar 2027")


class TextRecorder(QPainter):
    """A painter that keeps every text it draws."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.texts: list[str] = []

    def drawText(self, *args: object) -> None:  # type: ignore[override]
        self.texts.extend(a for a in args if isinstance(a, str))
        super().drawText(*args)  # type: ignore[call-overload]


def test_a_board_card_says_the_year_of_a_due_date_next_year(
    qapp: QApplication, demo_ctx: Context
) -> None:
    journey_id = active_journey(demo_ctx)
    set_due_date(demo_ctx, next_step(demo_ctx, journey_id).id, NEXT_YEAR)
    card = next(c for c in board_rows(demo_ctx) if c.journey_id == journey_id)
    assert card.next_step_due == NEXT_YEAR
    delegate = CardDelegate(lambda: TODAY)
    option = QStyleOptionViewItem()
    option.font = qapp.font()
    option.fontMetrics = QFontMetrics(qapp.font())
    option.palette = qapp.palette()
    em = option.fontMetrics.height()
    option.rect = QRect(0, 0, em * 16, em * 7)
    image = QImage(option.rect.size(), QImage.Format.Format_ARGB32)
    painter = TextRecorder(image)
    delegate._draw(painter, option, card)
    painter.end()
    assert any(t.startswith("4 Mar 2027") for t in painter.texts), painter.texts


def test_the_today_list_names_the_year_of_a_date_in_another_year(demo_ws: Workspace) -> None:
    last_year = date(TODAY.year - 1, 12, 30)  # seen from last year
    model = TodayModel(lambda: last_year, lambda: demo_ws.schedule)
    model.set_start(demo_ws.schedule.today_start(model.wanted()))
    row = model.all_rows()[0]
    index = model.index_of(row.step_id)
    assert index.siblingAtColumn(TODAY_DUE).data() == text.short_date(
        row.due_on, date(TODAY.year - 1, 12, 30)
    )
    assert str(row.due_on.year) in index.siblingAtColumn(TODAY_DUE).data()


# -- the due-date dialog ---------------------------------------------------------------------
def test_the_due_date_dialog_warns_beside_the_field_after_the_planned_end(
    qtbot: QtBot, demo_ctx: Context
) -> None:
    journey_id = active_journey(demo_ctx)
    detail = journey_detail(demo_ctx, journey_id)
    step = next_step(demo_ctx, journey_id)
    dialog = due_date_dialog(step, planned_end=detail.planned_end_on)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.date_edit.minimumDate().toPython() == step.start_on  # the service's rule
    assert not dialog.warning.isVisible()

    dialog.date_edit.setDate(detail.planned_end_on + timedelta(days=1))
    words = f"This is after the journey's planned end, {text.long_date(detail.planned_end_on)}"
    assert dialog.warning.isVisible() and dialog.warning.text() == words
    assert dialog.date_edit.accessibleDescription() == words
    assert dialog.buttons.isEnabled()  # a warning: saving is still allowed
    # Beside the field: under it, in its column, not at the foot of the dialog.
    field = dialog.date_edit.geometry()
    assert dialog.warning.geometry().left() == field.left()
    assert dialog.warning.geometry().top() >= field.bottom()
    assert dialog.warning.geometry().bottom() <= dialog.buttons.geometry().top()

    dialog.date_edit.setDate(detail.planned_end_on)
    assert not dialog.warning.isVisible()


# -- ended journeys --------------------------------------------------------------------------
def test_a_journey_completed_with_open_steps_says_no_next_step(
    clients: ClientsPage, demo_ctx: Context
) -> None:
    journey_id = active_journey(demo_ctx)
    clients.open_journey(journey_id)
    page = clients.client_page
    assert page.next_step.isVisible() and page.next_step.text().startswith("Next:")
    complete(demo_ctx, journey_id, force=True)
    page.show_journey(journey_id)
    assert not page.next_step.isVisible()
    assert "Next" not in page.next_step.text()
    # Its open steps are left open, not late: the journey is over.
    assert not any(
        "late" in item.text(DUE)
        for i in range(page.checklist.topLevelItemCount())
        if (phase := page.checklist.topLevelItem(i)) is not None
        for item in (phase.child(j) for j in range(phase.childCount()))
        if item is not None
    )


def phase_words(clients: ClientsPage) -> list[str]:
    checklist = clients.client_page.checklist
    return [
        item.text(STEP).split(" — ")[-1]
        for i in range(checklist.topLevelItemCount())
        if (item := checklist.topLevelItem(i)) is not None
    ]


def test_a_cancelled_journeys_phases_read_not_reached_never_upcoming(
    clients: ClientsPage, demo_ctx: Context, demo_ws: Workspace
) -> None:
    journey_id = active_journey(demo_ctx)
    current = journey_detail(demo_ctx, journey_id).current_position
    clients.open_journey(journey_id)
    assert "Upcoming" in phase_words(clients)
    cancel(demo_ctx, journey_id, "Moved abroad")
    clients.client_page.show_journey(journey_id)

    words = phase_words(clients)
    assert "Upcoming" not in words and "Current phase" not in words
    assert words[current] == "Stopped here"
    assert set(words[current + 1 :]) == {"Not reached"}
    assert not clients.client_page.next_step.isVisible()

    # The timeline agrees: its open milestones are not "late", they were never reached.
    timeline = demo_ws.schedule.journey_timeline(journey_id)
    states = {
        mark_cells(m, "", TODAY, timeline)[3]
        for m in timeline.marks
        if m.phase_position > current and m.completed_on is None
    }
    assert states == {"Not reached"}


def test_the_completed_journeys_phases_read_done_or_skipped(
    clients: ClientsPage, demo_ctx: Context
) -> None:
    journey_id = active_journey(demo_ctx)
    complete(demo_ctx, journey_id, force=True)
    clients.open_journey(journey_id)
    words = set(phase_words(clients))
    assert all(w == "Done" or re.fullmatch(r"Skipped, \d+ steps? still open", w) for w in words)
