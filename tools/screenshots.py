"""Screenshots of the real window for the README, at its default size, taken on a real X
server (make screenshots).

Usage: xvfb-run -a python tools/screenshots.py docs/screenshots
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication

from deliverydesk.model.rules.capacity import TimeOff
from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.model.rules.enums import (
    FrictionKind,
    Health,
    JourneyStatus,
    Owner,
    Severity,
    StepKind,
)
from deliverydesk.model.rules.offer_design import priced
from deliverydesk.paths import data_dir
from deliverydesk.seeding.demo import seed_demo
from deliverydesk.seeding.offer_templates import OFFERS, TEMPLATES
from deliverydesk.services.clients.clients import ClientInput
from deliverydesk.services.context import open_workspace
from deliverydesk.services.journeys.detail import Resolution
from deliverydesk.services.journeys.feedback import FeedbackEntry
from deliverydesk.services.paper.report_export import DocumentKind
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.app import create_application
from deliverydesk.ui.board.board_index import Quick
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.enrol.enrol_wizard import EnrolWizard
from deliverydesk.ui.look.theme import apply_theme
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.offers.offer_editor import INTAKE
from deliverydesk.ui.welcome import WelcomeDialog
from deliverydesk.ui.widgets.feedback_dialog import (
    FeedbackDialog,
    feedback_due_step,
    feedback_steps,
)
from deliverydesk.ui.widgets.friction_dialog import FrictionDialog

TODAY = date(2026, 11, 23)


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = create_application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        empty = Workspace.open(data_dir(Path(tmp) / "empty"), FixedClock(TODAY))
        welcome = WelcomeDialog(empty)
        welcome.show()
        settle(app)
        welcome.grab().save(str(out / "welcome.png"))
        welcome.close()
        empty.close()

        folder = data_dir(Path(tmp) / "demo")
        seeding = open_workspace(folder, FixedClock(TODAY))
        seed_demo(seeding)
        seeding.close()
        workspace = Workspace.open(folder, FixedClock(TODAY))
        on_leave = next(r for r in workspace.journeys.board_rows() if r.name == "Grace O'Connell")
        assert on_leave.journey_id is not None
        workspace.journeys.pause(on_leave.journey_id, "Parental leave", TODAY + timedelta(days=14))
        window = MainWindow(workspace, AppEvents())
        window.show()
        settle(app)
        window.grab().save(str(out / "board.png"))
        board = window.board
        board.offer_picker.setCurrentIndex(1)
        settle(app)
        window.grab().save(str(out / "board-one-offer.png"))
        board.quick[Quick.AT_RISK].click()
        settle(app)
        window.grab().save(str(out / "board-at-risk.png"))
        board.clear_filters()
        # A client on a break: still on the board, marked, at the smallest window size.
        board.offer_picker.setCurrentIndex(0)  # all offers
        board.quick[Quick.PAUSED].click()
        size = window.size()
        window.resize(1024, 700)
        settle(app)
        window.grab().save(str(out / "board-paused.png"))
        board.clear_filters()
        window.resize(size)
        board.offer_picker.setCurrentIndex(0)
        window.show_screen("clients")
        settle(app)
        window.grab().save(str(out / "clients.png"))

        model = window.clients.model
        pick = next(
            r
            for r in range(model.rowCount())
            if model.row_at(r).health is Health.OFF_TRACK
            and model.row_at(r).status is JourneyStatus.ACTIVE
        )
        journey_id = model.row_at(pick).journey_id
        assert journey_id is not None
        window.clients.open_journey(journey_id)
        settle(app)
        window.grab().save(str(out / "client-page.png"))
        # Logging friction about a step: its recovery protocol is the suggested response.
        detail = workspace.journeys.journey_detail(journey_id)
        steps = [step for phase in detail.phases for step in phase.steps]
        with_recovery = next((st for st in steps if st.recovery_protocol), steps[0])
        friction = FrictionDialog(steps, workspace.today(), with_recovery.id, window)
        friction.description.setPlainText("The client missed our call and did not reschedule.")
        friction.show()
        settle(app)
        friction.grab().save(str(out / "friction-dialog.png"))
        friction.close()
        feedback_dialog(app, workspace, window, journey_id, out)

        window.clients.show_list()
        window.show_screen("board")
        apply_theme(app, dark=True)
        settle(app)
        window.grab().save(str(out / "board-dark.png"))
        apply_theme(app, dark=False)
        window.show_screen("timeline")
        settle(app)
        window.grab().save(str(out / "timeline.png"))
        late = max(window.timeline.model.rows(), key=lambda row: row.slip_days)
        window.timeline.show_journey(late.journey_id)
        settle(app)
        window.grab().save(str(out / "client-timeline.png"))
        window.timeline.show_portfolio()
        window.show_screen("today")
        settle(app)
        today_sessions(app, window, out)
        window.show_screen("dashboard")
        settle(app)
        window.grab().save(str(out / "dashboard.png"))
        dashboard_planner(app, window, out)
        testimonials = window.dashboard.show_testimonials()
        testimonials.resize(900, 520)
        settle(app)
        testimonials.grab().save(str(out / "testimonials.png"))
        testimonials.close()
        # The progress report's preview, as Documents (or Ctrl+P) on a client page opens it.
        window.clients.open_journey(journey_id)
        preview = window.clients.client_page.documents.open(DocumentKind.PROGRESS)
        assert preview is not None
        QTest.qWait(1500)  # QtPdf draws the pages on a thread of its own
        preview.grab().save(str(out / "report-preview.png"))
        preview.close()
        # Settings > Brand, and an offer's intake questions, with the demo practice.
        window.show_screen("settings")
        window.settings_page.show_tab(window.settings_page.brand)
        QTest.qWait(600)  # the sample page is drawn after a short pause
        window.grab().save(str(out / "settings-brand.png"))
        window.show_screen("offers")
        window.offers.open_offer(window.offers.current_row().id)
        window.offers.editor.tabs.setCurrentIndex(INTAKE)
        settle(app)
        window.grab().save(str(out / "offer-intake-questions.png"))
        window.offers.editor.request_back()
        window.close()
        workspace.close()
        own_practice(app, out, Path(tmp))
        close_the_loop(app, out, Path(tmp))
    print(f"Screenshots written to {out}")


def feedback_dialog(
    app: QApplication, workspace: Workspace, window: MainWindow, journey_id: int, out: Path
) -> None:
    """Recording what a client said at a checkpoint: a score, their words, a testimonial
    and a referral (the dialog every way in shares)."""
    detail = workspace.journeys.journey_detail(journey_id)
    steps = feedback_steps(detail)
    about = feedback_due_step(detail) or next((s.id for s in steps if s.is_checkpoint), None)
    dialog = FeedbackDialog(steps, workspace.today(), step_id=about, parent=window)
    dialog.score.setValue(9)
    dialog.words.setPlainText(
        "Having the whole journey laid out from day one took the worry away. "
        "I always knew what came next."
    )
    dialog.testimonial.setChecked(True)
    dialog.referral_asked.setChecked(True)
    dialog.show()
    settle(app)
    dialog.grab().save(str(out / "feedback-dialog.png"))
    dialog.close()


def today_sessions(app: QApplication, window: MainWindow, out: Path) -> None:
    """Today from its top: the day's sessions first, by time, the first one selected;
    then Reschedule… on it, moved to another hour."""
    today = window.today
    mine = today.model.group_index(Owner.ME)
    today.tree.setCurrentIndex(today.model.index(0, 0, mine))
    today.tree.scrollTo(mine, QAbstractItemView.ScrollHint.PositionAtTop)
    settle(app)
    window.grab().save(str(out / "today.png"))
    row = today.current_row()
    assert row is not None and row.is_timed_session, "Today opens on a timed session"
    dialog = today.reschedule_dialog(row)
    assert dialog.time_edit is not None
    dialog.time_edit.setTime(QTime(15, 0))
    dialog.show()
    settle(app)
    dialog.grab().save(str(out / "reschedule-session.png"))
    dialog.close()
    dialog.deleteLater()


def dashboard_planner(app: QApplication, window: MainWindow, out: Path) -> None:
    """The capacity planner below the dashboard's first screen: a week clicked, and a
    new client on the first offer in three weeks drawn as a ghost."""
    dashboard = window.dashboard
    pane = dashboard.planner
    dashboard.body_scroll.ensureWidgetVisible(pane)
    settle(app)
    pane.what_if.setChecked(True)
    pane.start.setDate(pane.start.date().addDays(21))
    settle(app)
    pane.chart.choose(2)
    settle(app)
    dashboard.body_scroll.ensureWidgetVisible(pane.week_list)
    settle(app)
    window.grab().save(str(out / "dashboard-planner.png"))


def own_practice(app: QApplication, out: Path, tmp: Path) -> None:
    """A newcomer's practice: no offers yet, one from a template, a client enrolled."""
    workspace = Workspace.open(data_dir(tmp / "own"), FixedClock(TODAY))
    workspace.practice.create_practice("Rivera Coaching", 25, frozenset({1, 2, 3, 4}), "Sam Rivera")
    window = MainWindow(workspace, AppEvents())
    window.show()
    window.show_screen("offers")
    settle(app)
    window.grab().save(str(out / "offers-empty.png"))
    offer_id = workspace.offers.add_offer(TEMPLATES[0].spec).value
    window.offers.open_offer(offer_id)
    settle(app)
    window.grab().save(str(out / "offer-editor.png"))
    client_id = workspace.clients.add_client(
        ClientInput("Priya García", company="García Studio")
    ).value
    wizard = window.enrol(client_id=client_id, offer_id=offer_id)
    assert isinstance(wizard, EnrolWizard)
    wizard.next()
    settle(app)
    wizard.next()
    settle(app)
    wizard.grab().save(str(out / "enrol-capacity.png"))
    wizard.start.under_way.toggle.setChecked(True)  # a client already part-way through
    settle(app)
    wizard.grab().save(str(out / "enrol-under-way.png"))
    wizard.close()
    window.show_screen("settings")
    settle(app)
    window.grab().save(str(out / "settings.png"))
    window.close()
    workspace.close()


def close_the_loop(app: QApplication, out: Path, tmp: Path, suffix: str = "") -> None:
    """A practice of one's own closing the loop (README "Close the loop"): Brand Audit
    priced at £2,400 (a £600 deposit, a £1,800 balance); Ben started six weeks ago and
    paid his deposit; Ana starts today: friction logged and resolved, feedback at her first
    checkpoint, her deposit invoiced and paid, and a week of time off after this one."""
    workspace = Workspace.open(data_dir(tmp / f"loop{suffix}"), FixedClock(TODAY))
    workspace.practice.create_practice(
        "Rivera Studio", 20, frozenset({1, 2, 3, 4, 5}), "Ana Rivera"
    )
    offer_id = workspace.offers.add_offer(priced(OFFERS["brand"], 2_400_00, "GBP")).value
    journeys = {}
    for name, start in (("Ben Okafor", TODAY - timedelta(weeks=6)), ("Ana Souza", TODAY)):
        client_id = workspace.clients.add_client(ClientInput(name)).value
        journeys[name] = workspace.clients.enrol_client(client_id, offer_id, start).value
    ben = workspace.journeys.journey_detail(journeys["Ben Okafor"])
    for step in [s for p in ben.phases for s in p.steps if s.due_on < TODAY]:
        workspace.journeys.complete_step(step.id, step.due_on)  # Ben's weeks so far, on time
    for name, paid_on in (("Ben Okafor", TODAY - timedelta(weeks=5)), ("Ana Souza", TODAY)):
        detail = workspace.journeys.journey_detail(journeys[name])
        steps = [s for p in detail.phases for s in p.steps]
        deposit = next(s for s in steps if s.kind is StepKind.INVOICE)
        if deposit.completed_on is None:
            workspace.journeys.complete_step(deposit.id, deposit.start_on)
        workspace.money.mark_paid(deposit.id, paid_on)
    ana = journeys["Ana Souza"]
    steps = [s for p in workspace.journeys.journey_detail(ana).phases for s in p.steps]
    checkpoint = next(s for s in steps if s.is_checkpoint)
    workspace.journeys.complete_step(checkpoint.id, TODAY)
    friction = workspace.journeys.log_friction(
        ana, "Brand files arrived a week late", kind=FrictionKind.DELAY,
        severity=Severity.MEDIUM, step_id=checkpoint.id,
    ).value  # fmt: skip
    workspace.journeys.set_friction_resolution(
        friction, Resolution("Agreed a shared folder", TODAY)
    )
    workspace.journeys.add_feedback(
        ana,
        FeedbackEntry(
            9, "The questionnaire made me think hard, in a good way.", checkpoint.id, True
        ),
    )
    settings = workspace.practice.practice_settings()
    holiday = TimeOff(TODAY + timedelta(days=7), TODAY + timedelta(days=13), "Family holiday")
    workspace.practice.update_practice(replace(settings, time_off=(holiday,)))

    window = MainWindow(workspace, AppEvents())
    window.show()
    window.show_screen("dashboard")
    settle(app)
    dashboard = window.dashboard
    window.grab().save(str(out / f"loop-dashboard{suffix}.png"))
    dashboard.body_scroll.ensureWidgetVisible(dashboard.parts_view, 0, 0)
    settle(app)
    window.grab().save(str(out / f"loop-friction{suffix}.png"))
    pane = dashboard.planner
    dashboard.body_scroll.ensureWidgetVisible(pane)
    settle(app)
    pane.chart.choose(1)  # the week off, clicked: what still falls in it
    settle(app)
    dashboard.body_scroll.ensureWidgetVisible(pane.week_list)
    settle(app)
    window.grab().save(str(out / f"loop-planner-time-off{suffix}.png"))
    dashboard.body_scroll.ensureWidgetVisible(dashboard.money)
    settle(app)
    window.grab().save(str(out / f"loop-money{suffix}.png"))
    window.close()
    workspace.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
