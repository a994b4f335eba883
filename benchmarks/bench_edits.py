"""Every edit at XL, committed and painted: tick, untick, due date, note, move, and undo.

The window holds 5,000 clients (30 steps each) and has shown the Board, the Clients list
and a client's page once, as a person's session would. Each edit is timed from the action
to the window's changes painted: the event loop runs until the window has handled the edit
and repainted its dirty regions (dirty_paint.py), as a shown window does for a person.
Wall clock and the CPU time of the window's thread are both printed (a loaded machine
stretches the first). Its SQL statements are counted.
Beside it, the same edits timed the way this benchmark did until December 2026: the
layouts, then the whole page forced to repaint with grab() ("full page"), which a person
never waits for. Floors, in the same run: one committed write with plain sqlite3 on the
same file (WAL, synchronous=FULL), the fsync any durable edit pays; and painting the same
page whole with nothing changed (grab()).
Targets (targets.py, issue 21): every edit and every undo at most 10 ms median, painted.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from sqlalchemy import event  # noqa: E402

from common import TODAY, benchmark_data, summary, timed  # noqa: E402
from deliverydesk.model.rules.clock import FixedClock  # noqa: E402
from deliverydesk.services.workspace import Workspace  # noqa: E402
from deliverydesk.ui.core.events import AppEvents  # noqa: E402
from deliverydesk.ui.core.main_thread_gc import collect_on_main_thread, keep_for_good  # noqa: E402
from deliverydesk.ui.core.undo_commands import SetDueDateCommand  # noqa: E402
from deliverydesk.ui.look.theme import apply_theme  # noqa: E402
from deliverydesk.ui.main_window import MainWindow  # noqa: E402
from dirty_paint import DirtyPaint  # noqa: E402
from targets import verdict  # noqa: E402

REPEATS = 15
KEYS = {
    "tick a step": "tick",
    "  undo the tick": "tick_undo",
    "untick it": "untick",
    "  undo the untick": "untick_undo",
    "change a due date": "due",
    "  undo the due date": "due_undo",
    "add a note": "note",
    "  undo the note": "note_undo",
    "move a card": "move_window",
    "  undo the move": "move_window_undo",
}


class StatementCounter:
    def __init__(self, workspace: Workspace) -> None:
        self.count = 0
        engine = workspace._ctx.db.engine  # a benchmark may look behind the facade
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, *_args: object) -> None:
        self.count += 1


def full_page(widget: QWidget, action: Callable[[], object]) -> tuple[float, float, int]:
    """The measure until December 2026: the layouts, then the whole page repainted."""
    wall, cpu = time.perf_counter(), time.thread_time()
    action()
    QApplication.processEvents()  # layouts (and the dirty regions' paint)
    widget.grab()  # the whole page painted again, now
    return (time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000, 1


def write_floor(folder: Path) -> list[float]:
    connection = sqlite3.connect(folder / "deliverydesk.sqlite3", isolation_level=None)
    connection.execute("PRAGMA synchronous=FULL")

    def write() -> None:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("UPDATE practice SET website = website WHERE id = 1")
        connection.execute("COMMIT")

    try:
        return timed(write, repeats=REPEATS)
    finally:
        connection.close()


def main() -> None:
    print(__doc__)
    source = benchmark_data(5000)
    folder = Path(tempfile.mkdtemp(prefix="bench-edits-"))
    shutil.copytree(source, folder, dirs_exist_ok=True)
    app = QApplication(sys.argv[:1])
    apply_theme(app, dark=False)
    collect_on_main_thread(app)  # as ui/app.py sets the collector up
    workspace = Workspace.open(folder, FixedClock(TODAY))
    window = MainWindow(workspace, AppEvents())
    window.resize(1600, 1000)
    window.show()
    window.show_screen("clients")
    QApplication.processEvents()
    journey_id = next(iter(window.board.index.cards))
    window.open_client(journey_id)  # Board, Clients and a client page: each shown once
    QApplication.processEvents()
    keep_for_good()  # as a start ends (ui/app.py): its objects out of later collections
    page, stack = window.clients.client_page, window.undo_stack
    counter = StatementCounter(workspace)
    dirty = DirtyPaint(window)
    # name -> measure -> (wall ms, CPU ms, repaints), and the statements of each edit
    results: dict[str, dict[str, list[tuple[float, float, int]]]] = {}
    statements: dict[str, list[int]] = {}

    def measure(how: str, name: str, widget: QWidget, action: Callable[[], object]) -> None:
        before = counter.count
        timing = dirty.time(action) if how == "painted" else full_page(widget, action)
        results.setdefault(name, {}).setdefault(how, []).append(timing)
        statements.setdefault(name, []).append(counter.count - before)

    def client_page_edits(how: str) -> None:
        for _ in range(REPEATS):
            detail = page.detail
            assert detail is not None
            step = next(s for p in detail.phases for s in p.steps if s.completed_on is None)
            measure(how, "tick a step", page, lambda s=step: page.toggle_step(s.id))
            measure(how, "  undo the tick", page, stack.undo)
            stack.redo()
            measure(how, "untick it", page, lambda s=step: page.toggle_step(s.id))
            measure(how, "  undo the untick", page, stack.undo)
            stack.undo()  # back to open
            dirty.settle()
            command = SetDueDateCommand(
                workspace, window.events, step.id, step.due_on + timedelta(days=3), step.title
            )
            measure(how, "change a due date", page, lambda c=command: stack.push(c))
            measure(how, "  undo the due date", page, stack.undo)
            measure(how, "add a note", page, lambda: page.add_note("Called; all good"))
            measure(how, "  undo the note", page, stack.undo)

    def board_edits(how: str, movable: list[tuple[int, int]]) -> None:
        for jid, target in movable:
            measure(how, "move a card", board, lambda j=jid, t=target: board.request_move(j, t))
            measure(how, "  undo the move", board, stack.undo)

    dirty.settle()
    client_page_edits("painted")
    client_page_edits("full page")
    window.show_screen("board")
    dirty.settle()
    board = window.board
    board.confirm_override = lambda name, phase, checkpoints: True  # type: ignore[method-assign]
    movable = [
        (jid, card.phase_position + 1)
        for jid, card in board.index.cards.items()
        if card.phase_position + 1 < card.phase_count
    ]
    board_edits("painted", movable[:REPEATS])
    board_edits("full page", movable[REPEATS : 2 * REPEATS])

    floor = write_floor(folder)
    print(f"  one committed sqlite3 write (floor)   {summary(floor)}")
    window.show_screen("clients")
    dirty.settle()
    paint = timed(lambda: page.grab(), repeats=REPEATS)
    window.show_screen("board")
    dirty.settle()
    board_paint = timed(lambda: board.grab(), repeats=REPEATS)
    print(f"  paint the client page whole, unchanged (floor)  {summary(paint)}")
    print(f"  paint the board whole, unchanged (floor)        {summary(board_paint)}")
    print(
        "  edit: to its changes painted (wall; CPU; repaints) | the old measure, "
        "full page forced (wall; CPU) | SQL"
    )
    for name, by_measure in results.items():
        new, old = by_measure["painted"], by_measure["full page"]
        median = statistics.median(t[0] for t in new)
        print(
            f"  {name:20s} {summary([t[0] for t in new])}; "
            f"{statistics.median(t[1] for t in new):5.1f} ms CPU; "
            f"{statistics.median(t[2] for t in new):.0f} | "
            f"{statistics.median(t[0] for t in old):5.1f} ms; "
            f"{statistics.median(t[1] for t in old):5.1f} ms CPU | "
            f"{statistics.median(statements[name]):.0f}; {verdict(KEYS[name], median)}"
        )
    workspace.close()
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
