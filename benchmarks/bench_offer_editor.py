"""Opening the offer editor on a 40-step offer, to painted.

Sizes: an offer of 8 phases of 5 steps (every step with a message template, a failure point
and a recovery protocol), in a practice also holding the demo's three offers.
Floors, measured in the same run: a bare Qt window start (whole process, as bench_board.py
prints it), and a bare page of the same size shown in the same window, to painted.
Target: opening the editor, to painted, under 100 ms (median). Also timed: a keystroke in
a step's title (the draft edited, the design checked, what changed repainted), against
the 16 ms frame.

"To painted" is forced with grab() after the layouts, as in bench_board.py: the wait for
the platform's next frame is not work of ours. The first open also builds the editor;
later opens reuse it (going back to the list, then opening another offer). The editor is
built while the list is first shown, so the first opening does not pay for building it.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from common import TODAY, bare_window_floor, summary  # noqa: E402
from deliverydesk.model.rules.clock import FixedClock  # noqa: E402
from deliverydesk.model.rules.enums import Owner, StepKind  # noqa: E402
from deliverydesk.model.rules.offer_design import OfferSpec, PhaseSpec, StepSpec  # noqa: E402
from deliverydesk.seeding.offer_templates import TEMPLATES  # noqa: E402
from deliverydesk.services.workspace import Workspace  # noqa: E402
from deliverydesk.ui.core.events import AppEvents  # noqa: E402
from deliverydesk.ui.look.theme import apply_theme  # noqa: E402
from deliverydesk.ui.main_window import MainWindow  # noqa: E402
from deliverydesk.ui.offers.offer_editor import JOURNEY  # noqa: E402

TARGET_MS = 100.0


def forty_steps(name: str) -> OfferSpec:
    def step(p: int, s: int) -> StepSpec:
        return StepSpec(
            f"Step {p + 1}.{s + 1}: a session with homework",
            kind=(StepKind.SESSION, StepKind.HOMEWORK, StepKind.MESSAGE)[s % 3],
            owner=(Owner.ME, Owner.CLIENT)[s % 2],
            offset_days=s * 2,
            duration_days=2,
            effort_minutes=45,
            is_milestone=s == 4,
            is_checkpoint=s == 4,
            is_touchpoint=s == 2,
            message_template="Hi {client_first_name}, {step} is due {due_date}. {practice_name}",
            failure_point="The client runs out of time this week.",
            recovery_protocol="Offer a shorter version and a call.",
        )

    phases = tuple(
        PhaseSpec(f"Phase {p + 1}", 10, tuple(step(p, s) for s in range(5))) for p in range(8)
    )
    return OfferSpec(name, promise="From stuck to moving.", phases=phases)


def painted(window: MainWindow) -> None:
    QApplication.processEvents()  # layouts
    window.grab()  # everything visible painted, now


def opening(window: MainWindow, offers: tuple[int, int], repeats: int = 21) -> list[float]:
    page = window.offers
    samples = []
    for run in range(repeats + 1):
        page.show_list()
        painted(window)
        start = time.perf_counter()
        page.open_offer(offers[run % 2])
        painted(window)
        if run:  # the first run builds the editor: timed apart
            samples.append((time.perf_counter() - start) * 1000)
    return samples


def typing(window: MainWindow) -> list[float]:
    """Keystrokes in a step's title: the draft edited, the design checked, repainted."""
    editor = window.offers.editor
    editor.tabs.setCurrentIndex(JOURNEY)
    editor.journey.select((3, 2))
    title = editor.journey.step_form.fields["title"]
    title.setFocus()
    painted(window)
    samples = []
    for letter in "abcdefghijklmnopqrstuvwxyz":
        start = time.perf_counter()
        QTest.keyClick(title, letter)
        # Layouts, then the update requests: what changed (the field, the tree row, the
        # form's marks) is repainted. A grab() would repaint the whole form, which a
        # keystroke never does.
        QApplication.processEvents()
        QApplication.processEvents()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def first_open(folder: Path, offer_id: int) -> float:
    window = open_window(folder)
    start = time.perf_counter()
    window.offers.open_offer(offer_id)
    painted(window)
    elapsed = (time.perf_counter() - start) * 1000
    window.close()
    return elapsed


def bare_page(window: MainWindow, repeats: int = 21) -> list[float]:
    """The same window switching its Offers screen to an empty page of the same size."""
    page = window.offers
    bare = QWidget()
    page.pages.addWidget(bare)
    samples = []
    for _ in range(repeats):
        page.show_list()
        painted(window)
        start = time.perf_counter()
        page.pages.setCurrentWidget(bare)
        painted(window)
        samples.append((time.perf_counter() - start) * 1000)
    page.pages.removeWidget(bare)
    return samples


def open_window(folder: Path) -> MainWindow:
    workspace = Workspace.open(folder, FixedClock(TODAY))
    window = MainWindow(workspace, AppEvents())
    window.resize(1200, 800)
    window.show()
    window.show_screen("offers")
    painted(window)
    return window


def main() -> None:
    print(__doc__)
    floor = bare_window_floor()
    app = QApplication(sys.argv[:1])
    apply_theme(app, dark=False)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        workspace = Workspace.open(folder, FixedClock(TODAY))
        workspace.practice.create_practice("Bench", 30, frozenset({1, 2, 3, 4, 5}))
        for template in TEMPLATES:
            workspace.offers.add_offer(template.spec)
        first = workspace.offers.add_offer(forty_steps("Forty steps")).value
        second = workspace.offers.add_offer(forty_steps("Forty more steps")).value
        assert workspace.offers.offer_design(first).spec.step_count == 40
        workspace.close()

        cold = [first_open(folder, first) for _ in range(5)]
        window = open_window(folder)
        opens = opening(window, (first, second))
        keys = typing(window)
        bare = bare_page(window)
    median = statistics.median(opens)
    verdict = "ok" if median < TARGET_MS else "OVER TARGET"
    print(f"  bare Qt window start (floor)        {summary(floor)}")
    print(f"  bare page shown, to painted (floor) {summary(bare)}")
    print(f"  first open, to painted              {summary(cold)}")
    print(
        f"  open a 40-step offer, to painted    {summary(opens)}  "
        f"{median / statistics.median(floor):.2f}x window floor, "
        f"{median / statistics.median(bare):.1f}x page floor; target < {TARGET_MS:.0f} ms: "
        f"{verdict}"
    )
    print(f"  a keystroke in a step title, painted {summary(keys)}  (frame: 16 ms)")


if __name__ == "__main__":
    main()
