"""One refresh protocol, proven for every view: after each command, and after its undo,
every view of the window (caught up while it showed, or when shown again after missing
the change) shows what the same view built afresh shows.

One window on one demo practice serves every command (each is undone before the next);
the view a command runs in front of rotates, so each view is caught up both ways.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QToolButton,
    QWidget,
)

from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.model.rules.enums import FrictionKind, JourneyStatus, PhaseStatus, Severity
from deliverydesk.services.changes import Changes, Result
from deliverydesk.services.clients.clients import ClientInput
from deliverydesk.services.context import Context, open_workspace
from deliverydesk.services.journeys import records
from deliverydesk.services.journeys.detail import JourneyDetail, StepDetail
from deliverydesk.services.journeys.feedback import FeedbackEntry
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.board.board_page import BoardPage
from deliverydesk.ui.board.column_view import MoreFooter
from deliverydesk.ui.clients.client_page import ClientPage
from deliverydesk.ui.clients.clients_page import CLIENT, ClientsPage
from deliverydesk.ui.clients.journey_commands import cancel_command, pause_command
from deliverydesk.ui.clients.trash import ArchiveClientCommand, TrashView
from deliverydesk.ui.core.client_commands import (
    AddClientCommand,
    EnrolCommand,
    UpdateClientCommand,
)
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.feedback_commands import DeleteFeedbackCommand, RecordFeedbackCommand
from deliverydesk.ui.core.friction_commands import FrictionEntry, LogFrictionCommand
from deliverydesk.ui.core.today_commands import RescheduleCommand
from deliverydesk.ui.core.undo_commands import (
    AddNoteCommand,
    CompleteStepCommand,
    MoveJourneyCommand,
    ReopenStepCommand,
    SetDueDateCommand,
)
from deliverydesk.ui.dashboard.dashboard_page import DashboardPage
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.offers.offer_commands import SaveOfferCommand
from deliverydesk.ui.offers.offers_page import OffersPage
from deliverydesk.ui.settings.brand_command import UpdateBrandCommand
from deliverydesk.ui.timeline.timeline_page import TimelinePage
from deliverydesk.ui.today.today_page import TodayPage
from tests.conftest import TODAY

# What a person reads in an item view: the words, the tooltips, the ticks, and the row a
# delegate paints (cards, timeline bars, list rows all keep it in the role after UserRole).
ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.CheckStateRole,
    Qt.ItemDataRole.UserRole + 1,
)


def items(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[Any]:
    parent = parent or QModelIndex()
    rows = []
    for r in range(model.rowCount(parent)):
        cells, c = [], 0
        while model.hasIndex(r, c, parent):  # a list model keeps its columnCount private
            cells += [model.index(r, c, parent).data(role) for role in ROLES]
            c += 1
        rows.append((cells, items(model, model.index(r, 0, parent))))
    return rows


def what_it_shows(view: QWidget) -> list[Any]:
    """Every label, button and item view showing in `view`, as a person reads them; not
    what the selection or the scrolling decides (an action's words follow the selected
    row, "+2 more" the cards scrolled out of view)."""
    shown: list[Any] = []
    for child in view.findChildren(QWidget):
        if not child.isVisibleTo(view) or isinstance(child, MoreFooter):
            continue
        if isinstance(child, QToolButton) and child.defaultAction() is not None:
            continue
        if isinstance(child, QLabel):
            shown.append((child.text(), child.toolTip()))
        elif isinstance(child, QAbstractButton):
            shown.append(child.text())
        elif isinstance(child, QAbstractItemView) and child.model() is not None:
            shown.append(items(child.model()))
    return shown


@dataclass
class Practice:
    ws: Workspace
    ctx: Context
    events: AppEvents
    window: MainWindow
    journey: int  # an active journey with done, open and late steps and open friction

    @property
    def stack(self) -> QUndoStack:
        return self.window.undo_stack

    def detail(self) -> JourneyDetail:
        return self.ws.journeys.journey_detail(self.journey)

    def steps(self, done: bool) -> list[StepDetail]:
        # A paid invoice is opened again only once marked not paid: not one to untick.
        return [
            s
            for p in self.detail().phases
            for s in p.steps
            if (s.completed_on is not None) is done and s.paid_on is None
        ]

    def announce(self, changes: Changes | Result[Any]) -> None:
        self.events.changed.emit(changes.changes if isinstance(changes, Result) else changes)


@pytest.fixture(scope="module")
def practice(
    qapp: QApplication, demo_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Practice]:
    folder = Path(shutil.copytree(demo_template, tmp_path_factory.mktemp("views") / "demo"))
    ctx = open_workspace(folder, FixedClock(TODAY))
    ws, events = Workspace(ctx), AppEvents()
    window = MainWindow(ws, events)
    window.resize(1200, 800)
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)  # laid out, never painted
    window.show()
    journey = next(
        r.journey_id
        for r in ws.clients.client_rows()
        if r.status is JourneyStatus.ACTIVE and r.journey_id is not None and r.open_friction
    )
    window.show_screen("clients")
    window.clients.open_journey(journey)
    yield Practice(ws, ctx, events, window, journey)
    window.undo_stack.clear()
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    ctx.close()


# -- the views: how the window shows each, and how one is built afresh ----------------------
def _show_client_page(window: MainWindow) -> QWidget:
    window.show_screen("clients")
    window.clients.pages.setCurrentIndex(CLIENT)
    return window.clients.client_page


def _show_list(window: MainWindow) -> QWidget:
    window.show_screen("clients")
    window.clients.show_list()
    return window.clients


def _show_trash(window: MainWindow) -> QWidget:
    window.show_screen("clients")
    window.clients.show_trash()
    return window.clients.trash


def _screen(key: str) -> Callable[[MainWindow], QWidget]:
    def show(window: MainWindow) -> QWidget:
        window.show_screen(key)
        page = window.stack.currentWidget()
        assert page is not None
        return page

    return show


def _fresh_client_page(p: Practice) -> QWidget:
    page = ClientPage(p.ws, AppEvents(), QUndoStack())
    page.show_journey(p.journey)
    return page


VIEWS: dict[str, tuple[Callable[[MainWindow], QWidget], Callable[[Practice], QWidget]]] = {
    "board": (_screen("board"), lambda p: BoardPage(p.ws, AppEvents(), QUndoStack())),
    "clients": (_show_list, lambda p: ClientsPage(p.ws, AppEvents(), QUndoStack())),
    "client page": (_show_client_page, _fresh_client_page),
    "trash": (_show_trash, lambda p: TrashView(p.ws, AppEvents(), QUndoStack())),
    "today": (_screen("today"), lambda p: TodayPage(p.ws, AppEvents(), QUndoStack())),
    "timeline": (_screen("timeline"), lambda p: TimelinePage(p.ws, AppEvents())),
    "dashboard": (_screen("dashboard"), lambda p: DashboardPage(p.ws, AppEvents())),
    "offers": (_screen("offers"), lambda p: OffersPage(p.ws, AppEvents(), QUndoStack())),
}


def differences(p: Practice, when: str) -> list[str]:
    """The views whose refreshed state differs from one built afresh."""
    differ = []
    for name, (show, build) in VIEWS.items():
        refreshed = show(p.window)
        fresh = build(p)
        fresh.resize(refreshed.size())
        fresh.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)  # nothing to paint
        fresh.show()  # read as a person first opening it would
        # Laid out: a widget added to a shown layout shows at the loop's next turn.
        QApplication.processEvents()
        seen, expected = what_it_shows(refreshed), what_it_shows(fresh)
        if seen != expected:
            first = next(
                (
                    f"{a!r:.300} instead of {b!r:.300}"
                    for a, b in zip(seen, expected, strict=False)
                    if a != b
                ),
                f"{len(seen)} parts instead of {len(expected)}",
            )
            differ.append(f"{name} after {when}: {first}")
        fresh.close()
        fresh.deleteLater()
    QApplication.processEvents()  # the fresh views are gone before the next command
    return differ


# -- the commands: each done, then undone -----------------------------------------------------
Do = Callable[[Practice], object]


def push(make: Callable[[Practice], Any]) -> tuple[Do, Do]:
    def do(p: Practice) -> None:
        command = make(p)
        p.stack.push(command)
        assert command.error is None, command.error

    return do, lambda p: p.stack.undo()


def _tick(p: Practice) -> CompleteStepCommand:
    step = p.steps(done=False)[0]
    return CompleteStepCommand(p.ws, p.events, step.id, p.ws.today(), step.title)


def _untick(p: Practice) -> ReopenStepCommand:
    step = p.steps(done=True)[0]
    return ReopenStepCommand(p.ws, p.events, step.id, step.title)


def _due(p: Practice) -> SetDueDateCommand:
    step = p.steps(done=False)[0]
    return SetDueDateCommand(p.ws, p.events, step.id, step.due_on + timedelta(days=9), step.title)


def _reschedule_rest(p: Practice) -> RescheduleCommand:
    step = p.steps(done=False)[0]
    later = step.due_on + timedelta(days=14)
    return RescheduleCommand(p.ws, p.events, step.id, later, step.title, shift_rest=True)


def _move(p: Practice) -> MoveJourneyCommand:
    detail = p.detail()
    position = next(ph.position for ph in detail.phases if ph.status is PhaseStatus.CURRENT)
    return MoveJourneyCommand(p.ws, p.events, p.journey, position + 1, override=True)


def _rename(p: Practice) -> UpdateClientCommand:
    client = p.ws.clients.client_details(p.detail().client_id)
    assert client is not None
    data = ClientInput(client.name + " Lima", client.company, client.email, client.phone)
    return UpdateClientCommand(p.ws, p.events, client.id, data)


def _pause(p: Practice) -> Any:
    return pause_command(p.ws, p.events, p.journey, "", "Holiday")


def _cancel(p: Practice) -> Any:
    return cancel_command(p.ws, p.events, p.journey, "", "Moved abroad")


def _offer(p: Practice) -> SaveOfferCommand:
    offer_id = next(o.id for o in p.ws.offers.offer_summaries() if o.name == p.detail().offer_name)
    spec = p.ws.offers.offer_design(offer_id).spec
    renamed = replace(spec, name=spec.name + " Plus")
    return SaveOfferCommand(p.ws, p.events, "Rename the offer", offer_id, renamed)


def _brand(p: Practice) -> UpdateBrandCommand:
    brand = p.ws.practice.brand_settings()
    return UpdateBrandCommand(p.ws, p.events, replace(brand, brand_color="#8A2BE2"))


def _archive(p: Practice) -> ArchiveClientCommand:
    rows = p.ws.clients.client_rows()
    running = {
        r.client_id for r in rows if r.status in (JourneyStatus.ACTIVE, JourneyStatus.PAUSED)
    }
    ended = next(r for r in rows if r.client_id not in running and r.journey_id is not None)
    return ArchiveClientCommand(p.ws, p.events, ended.client_id, ended.name)


def _enrol_new() -> tuple[Do, Do]:
    def do(p: Practice) -> None:
        offer_id = next(o.id for o in p.ws.offers.offer_summaries())
        p.stack.beginMacro("Enrol Noor Haddad")
        add = AddClientCommand(p.ws, p.events, ClientInput("Noor Haddad", "Haddad Studio"))
        p.stack.push(add)
        assert add.client_id is not None
        p.stack.push(EnrolCommand(p.ws, p.events, add.client_id, offer_id, p.ws.today()))
        p.stack.endMacro()

    return do, lambda p: p.stack.undo()


def _friction() -> tuple[Do, Do]:
    logged: list[int] = []

    def do(p: Practice) -> None:
        friction_id, changes = records.log_friction(p.ctx, p.journey, "No reply for a week")
        logged.append(friction_id)
        p.announce(changes)

    def undo(p: Practice) -> None:  # what resolving it does to every view
        p.announce(records.resolve_friction(p.ctx, logged.pop(), "Called"))

    return do, undo


def _feedback() -> tuple[Do, Do | None]:
    def do(p: Practice) -> None:
        p.announce(records.record_feedback(p.ctx, p.journey, score=3, words="Slow")[1])

    return do, None


def _closed_day() -> tuple[Do, Do]:
    undo_value: list[Any] = []

    def do(p: Practice) -> None:
        settings = p.ws.practice.practice_settings()
        closed = settings.closed_dates | {TODAY + timedelta(days=2)}
        result = p.ws.practice.update_practice(replace(settings, closed_dates=closed))
        undo_value.append(result.value)
        p.announce(result)

    def undo(p: Practice) -> None:
        p.announce(p.ws.practice.restore_practice(undo_value.pop()))

    return do, undo


COMMANDS: dict[str, tuple[Do, Do | None]] = {
    "complete_step": push(_tick),
    "reopen_step": push(_untick),
    "set_due_date": push(_due),
    "reschedule_and_shift_the_rest": push(_reschedule_rest),
    "move_to_phase": push(_move),
    "add_note": push(lambda p: AddNoteCommand(p.ws, p.events, p.journey, "Called; all good")),
    "log_then_resolve_friction": _friction(),
    "log_friction_undoably": push(
        lambda p: LogFrictionCommand(
            p.ws,
            p.events,
            p.journey,
            FrictionEntry("No reply", FrictionKind.COMMUNICATION, Severity.HIGH, None, TODAY),
        )  # fmt: skip
    ),
    "record_feedback": _feedback(),
    "record_feedback_undoably": push(
        lambda p: RecordFeedbackCommand(
            p.ws, p.events, p.journey, FeedbackEntry(10, "Calm and clear", testimonial_ok=True)
        )
    ),
    "delete_feedback_undoably": push(
        lambda p: DeleteFeedbackCommand(
            p.ws, p.events, p.journey, p.ws.journeys.journey_detail(p.journey).feedback[0].id
        )
    ),
    "update_client": push(_rename),
    "enrol_a_new_client": _enrol_new(),
    "archive_client": push(_archive),
    "pause": push(_pause),
    "cancel": push(_cancel),
    "save_offer": push(_offer),
    "update_brand": push(_brand),
    "close_a_day": _closed_day(),
}


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_every_view_refreshed_shows_what_a_fresh_one_shows(
    practice: Practice, command: tuple[Do, Do | None], request: pytest.FixtureRequest
) -> None:
    do, undo = command
    names = list(VIEWS)
    in_front = names[list(COMMANDS).index(request.node.callspec.id) % len(names)]
    VIEWS[in_front][0](practice.window)  # caught up as it shows; the others when shown
    do(practice)
    differ = differences(practice, "the command")
    if undo is not None:
        VIEWS[in_front][0](practice.window)
        undo(practice)
        differ += differences(practice, "its undo")
    assert differ == []
