"""The Timeline screen as a person uses it: bars where the dates say, zoom, hover words,
clicking through to a client, and a page that reads only when it is shown."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QWheelEvent
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from deliverydesk.services.changes import Aspect, Changes
from deliverydesk.services.clients.clients import ClientInput
from deliverydesk.services.context import Context
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.look.theme import semantic
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.timeline.capacity_strip import percent_text
from deliverydesk.ui.timeline.portfolio_delegate import PortfolioDelegate
from deliverydesk.ui.timeline.portfolio_model import OfferHeading, SortBy
from deliverydesk.ui.timeline.scale import Zoom
from deliverydesk.ui.timeline.timeline_page import TimelinePage
from tests.unit.timeline_support import enrol, late_and_long, offer, practice

MARKUP = "<b>Zoë</b> Müller 🌱"


@pytest.fixture
def sprint(empty_ctx: Context) -> tuple[Workspace, int, int]:
    """A practice with the late-and-long journey and one begun today."""
    practice(empty_ctx)
    offer_id = offer(empty_ctx)
    late = late_and_long(empty_ctx, offer_id, MARKUP)
    enrol(empty_ctx, offer_id, "Ben Ode", date(2026, 11, 23))
    return Workspace(empty_ctx), late, offer_id


def shown_page(qtbot: QtBot, workspace: Workspace, events: AppEvents) -> TimelinePage:
    page = TimelinePage(workspace, events)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    return page


def option_for(page: TimelinePage, journey_id: int) -> tuple[QStyleOptionViewItem, object]:
    view = page.portfolio.view
    index = page.model.index(page.model.row_of(journey_id))
    option = QStyleOptionViewItem()
    option.initFrom(view.viewport())
    option.rect = view.visualRect(index)
    return option, index.data(Qt.ItemDataRole.UserRole + 1)


def test_a_phase_that_started_late_and_ran_long_is_drawn_late_and_long(
    qtbot: QtBot, sprint: tuple[Workspace, int, int], events: AppEvents
) -> None:
    workspace, late, _offer = sprint
    page = shown_page(qtbot, workspace, events)
    page.set_zoom(Zoom.WEEK)
    page.scale.show_day(date(2026, 11, 2), at=0.02)
    QApplication.processEvents()
    option, row = option_for(page, late)
    delegate = page.portfolio.view.itemDelegate()
    assert isinstance(delegate, PortfolioDelegate)
    geometry = dict(delegate.phase_rects(row, option.rect))[1]  # "Deep work"
    assert geometry is not None and geometry.actual is not None and geometry.late is not None
    day = page.scale.day_width
    # Planned Thu 5 to Wed 11 Nov; entered Mon 9 Nov (4 days late), left Fri 20 Nov.
    assert geometry.actual.left() - geometry.planned.left() == pytest.approx(4 * day)
    assert geometry.actual.right() - geometry.planned.right() == pytest.approx(9 * day)
    assert geometry.late.width() == pytest.approx(9 * day)
    # And so it is painted: the part past the plan in the warning colour, the days before
    # the real start in the plan's light box only.
    image = page.portfolio.view.viewport().grab().toImage()
    y = int(geometry.actual.center().y())
    past_plan = QColor(image.pixel(int(geometry.late.center().x()), y))
    warning = semantic(page.palette()).warning
    assert past_plan.name() == warning.name()
    waiting = QColor(image.pixel(int(geometry.planned.left() + 2 * day), y))
    assert waiting.name() != warning.name()
    assert waiting.name() != page.palette().color(page.palette().ColorRole.Highlight).name()


def test_zoom_by_buttons_keys_and_ctrl_wheel_keeps_the_day_under_the_pointer(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents
) -> None:
    page = shown_page(qtbot, demo_ws, events)
    page.resize(900, 600)  # narrow enough that a month's zoom still scrolls
    QApplication.processEvents()
    em = page.fontMetrics().height()
    assert page.scale.zoom is Zoom.MONTH
    qtbot.mouseClick(page.zoom_buttons[Zoom.WEEK], Qt.MouseButton.LeftButton)
    assert page.scale.day_width == pytest.approx(em * Zoom.WEEK.value)
    assert page.zoom_buttons[Zoom.WEEK].isChecked()
    view = page.portfolio.view
    x = view.columns.name + 300
    under = page.scale.day_at(300)
    wheel = QWheelEvent(
        QPointF(x, 40),
        QPointF(view.viewport().mapToGlobal(QPoint(x, 40))),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), wheel)
    assert page.scale.zoom is Zoom.MONTH
    assert page.scale.day_at(300) == under
    view.setFocus()
    first = page.scale.first_day
    qtbot.keyClick(view, Qt.Key.Key_Left)  # Left and Right move through time
    assert page.scale.first_day == pytest.approx(first - 14)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert page.scale.first_day == pytest.approx(first)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert page.scale.zoom is Zoom.QUARTER
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert page.scale.zoom is Zoom.MONTH


def test_clicking_a_row_shows_the_clients_timeline_and_clicking_that_opens_the_client(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents
) -> None:
    window = MainWindow(demo_ws, events)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.show_screen("timeline")
    qtbot.waitExposed(window)
    window.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    page = window.timeline
    view = page.portfolio.view
    row = next(r for r in page.model.rows() if r.client_name == "Hannah Lindqvist")
    index = page.model.index(page.model.row_of(row.journey_id))
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    assert page.body.currentWidget() is page.client_panel
    assert page.client_panel.name.text() == "Hannah Lindqvist"
    assert "4 days behind plan" in page.client_panel.summary.text()
    phases = page.client_panel.chart.view
    first = page.client_panel.model.index(0)
    qtbot.mouseClick(
        phases.viewport(), Qt.MouseButton.LeftButton, pos=phases.visualRect(first).center()
    )
    assert window.current_screen() == "clients"
    assert window.clients.client_page.journey_id == row.journey_id
    window.clients.client_page.back_requested.emit()  # back where the person came from
    assert window.current_screen() == "timeline"
    qtbot.keyClick(phases, Qt.Key.Key_Escape)
    assert page.body.currentWidget() is page.portfolio
    assert view.currentIndex().row() == page.model.row_of(row.journey_id)


def test_hovering_words_the_phase_and_names_stay_literal(
    qtbot: QtBot, sprint: tuple[Workspace, int, int], events: AppEvents
) -> None:
    workspace, late, _offer = sprint
    page = shown_page(qtbot, workspace, events)
    page.set_zoom(Zoom.WEEK)
    page.scale.show_day(date(2026, 11, 2), at=0.02)
    option, row = option_for(page, late)
    delegate = page.portfolio.view.itemDelegate()
    geometry = dict(delegate.phase_rects(row, option.rect))[1]
    tip = delegate.tooltip(row, geometry.late.center().x(), option)
    assert "Deep work" in tip
    assert "Ran Mon 9 Nov 2026 to Fri 20 Nov 2026, 9 days behind plan." in tip
    assert "&lt;b&gt;Zoë&lt;/b&gt; Müller 🌱" in tip and "<b>Zoë" not in tip
    index = page.model.index(page.model.row_of(late))
    assert index.data(Qt.ItemDataRole.DisplayRole) == MARKUP
    page.show_journey(late)
    assert page.client_panel.name.text() == MARKUP
    assert page.client_panel.name.textFormat() == Qt.TextFormat.PlainText
    marks = page.client_panel.marks  # the client's marks in words, in date order
    first = marks.topLevelItem(0)
    assert [first.text(c) for c in range(4)] == [
        "Tue 3 Nov 2026",
        "Checkpoint: Intake form",
        "Onboarding",
        "20 days late · Waiting on the client",
    ]
    assert marks.topLevelItem(1).text(1) == "Milestone and checkpoint: Plan approved"


def test_rows_are_grouped_by_offer_and_sorted_by_slip_on_request(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents
) -> None:
    page = shown_page(qtbot, demo_ws, events)
    items = [page.model.item(i) for i in range(page.model.rowCount())]
    headings = [i for i in items if isinstance(i, OfferHeading)]
    assert [h.offer_name for h in headings] == [
        "12-Week Clarity Coaching",
        "Brand Audit",
        "Manuscript Edit",
    ]
    assert (
        sum(h.count for h in headings) == page.model.journeys == len(demo_ws.schedule.portfolio())
    )
    page.sort_picker.setCurrentIndex(page.sort_picker.findData(SortBy.SLIP.value))
    items = [page.model.item(i) for i in range(page.model.rowCount())]
    first_group = []
    for item in items[1:]:
        if isinstance(item, OfferHeading):
            break
        first_group.append(item.slip_days)
    assert first_group == sorted(first_group, reverse=True)
    assert first_group[0] == 4  # Hannah Lindqvist


def test_the_capacity_strip_shows_each_week_against_the_weekly_hours(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents
) -> None:
    page = shown_page(qtbot, demo_ws, events)
    qtbot.waitUntil(lambda: page.strip.strip is not None, timeout=2000)  # after the rows
    strip = page.strip.strip
    assert strip is not None and strip.weekly_hours == 25
    first = strip.weeks[0]
    assert first.over and percent_text(first) == "169 %"
    bar = page.strip.week_rect(first, page.strip.chart())
    assert bar.height() == pytest.approx(page.strip.chart().height())  # capped at 150 %
    image = page.strip.grab().toImage()
    painted = QColor(image.pixel(int(bar.left() + 2), int(bar.bottom() - 2)))
    assert painted.name() == semantic(page.palette()).warning.name()


def test_a_hidden_timeline_reads_nothing_until_it_is_shown(
    qtbot: QtBot, sprint: tuple[Workspace, int, int], events: AppEvents
) -> None:
    workspace, late, offer_id = sprint
    page = TimelinePage(workspace, events)
    qtbot.addWidget(page)
    assert page.model.journeys == 0  # not read at construction
    page.show()
    assert page.model.journeys == 2
    page.hide()
    fresh = workspace.clients.enrol_client(
        workspace.clients.add_client(ClientInput("Cleo Park")).value, offer_id, date(2026, 11, 23)
    )
    events.changed.emit(fresh.changes)
    assert page.model.journeys == 2  # only remembered
    workspace.journeys.pause(late)
    events.changed.emit(Changes(journeys=frozenset({late}), aspects=Aspect.JOURNEY))
    page.show()
    names = {r.client_name for r in page.model.rows()}
    assert names == {"Ben Ode", "Cleo Park"}


def test_an_empty_practice_says_what_the_timeline_will_hold(
    qtbot: QtBot, empty_ws: Workspace, events: AppEvents
) -> None:
    page = shown_page(qtbot, empty_ws, events)
    assert page.body.currentWidget() is page.empty
    assert "Enrol a client" in page.empty.body.text()
