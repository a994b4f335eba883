"""`deliverydesk selftest`: proof that this install works, made in a scratch folder.

It fills a scratch practice with the demo, makes each kind of PDF (the batch through the
worker processes), opens the window offscreen on it, and says what it found. An installed
bundle runs it to show that nothing it needs was left out; the person's data is never read.
"""

from __future__ import annotations

import argparse
import io
import os
import tempfile
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from datetime import date
from pathlib import Path

# A fixed day: the demo's journeys, and so the documents, are the same on every run.
DAY = "2026-11-02"
SINGLE_DOCUMENTS = ("onboarding", "checklist", "intake")


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    commands.add_parser(
        "selftest",
        help="check this installation in a scratch folder: demo practice, every PDF, "
        "the window drawn offscreen",
    )


def selftest() -> int:
    with tempfile.TemporaryDirectory(prefix="deliverydesk-selftest-") as scratch:
        folder = Path(scratch) / "practice"
        papers = Path(scratch) / "papers"
        checks: list[tuple[str, Callable[[], str]]] = [
            ("demo practice", lambda: _command("demo", "--data-dir", str(folder))),
            ("batch of progress reports", lambda: _batch(folder, papers)),
            *(
                (f"{kind} document", lambda kind=kind: _single(folder, papers, kind))
                for kind in SINGLE_DOCUMENTS
            ),
            ("window", lambda: _window(folder, Path(scratch))),
        ]
        failed = 0
        for name, check in checks:
            try:
                found = check()
            except Exception as error:  # noqa: BLE001  (each failure is reported, not raised)
                failed += 1
                print(f"FAIL  {name}: {error}", flush=True)
            else:
                print(f"ok    {name}: {found}", flush=True)
    print("All good." if not failed else f"{failed} of {len(checks)} checks failed.")
    return 0 if not failed else 1


def _command(*argv: str) -> str:
    """Runs a command as the CLI would; its last line of output, or its error."""
    from deliverydesk.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main([*argv, "--today", DAY])
    if status != 0:
        raise RuntimeError((err.getvalue() or out.getvalue()).strip() or f"exit status {status}")
    lines = out.getvalue().strip().splitlines()
    return lines[-1] if lines else "done"


def _batch(folder: Path, papers: Path) -> str:
    target = papers / "batch"
    folder_option = ("--data-dir", str(folder))
    _command(
        "export", "progress", "--all", "--workers", "2", "--out-dir", str(target), *folder_option
    )
    made = sorted(target.glob("*.pdf"))
    if not made:
        raise RuntimeError("no PDF was written")
    pages = sum(_pages(path) for path in made)
    return f"{len(made)} PDFs, {_count(pages, 'page')}, made by two worker processes"


def _single(folder: Path, papers: Path, kind: str) -> str:
    target = papers / f"{kind}.pdf"
    _command("export", kind, "--client", "1", "--out", str(target), "--data-dir", str(folder))
    return f"{_count(_pages(target), 'page')}, {target.stat().st_size // 1024} KB"


def _pages(path: Path) -> int:
    from pypdf import PdfReader

    pages = len(PdfReader(path).pages)
    if pages == 0:
        raise RuntimeError(f"{path.name} has no page")
    return pages


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _window(folder: Path, scratch: Path) -> str:
    """The window as a start draws it: the board first, then the whole workspace."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # set before Qt starts; no screen is needed
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    from deliverydesk.model.rules.clock import FixedClock
    from deliverydesk.ui.app import create_application, quick_window
    from deliverydesk.ui.core.events import AppEvents
    from deliverydesk.ui.opening import open_workspace

    app = QApplication.instance() or create_application(["deliverydesk"])
    clock = FixedClock(_day())
    settings = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
    window = quick_window(folder, clock, AppEvents(), settings)
    if window is None:
        raise RuntimeError("the board could not be drawn before the workspace opened")
    workspace = open_workspace(folder, clock, window)
    if workspace is None:
        raise RuntimeError("the practice did not open")
    try:
        window.attach(workspace)
        window.resize(1280, 800)
        app.processEvents()
        image = window.grab().toImage()
        cards = sum(
            view.model().rowCount()
            for view in window.board.findChildren(QAbstractItemView)
            if view.model() is not None and view.isVisible()
        )
        if image.isNull() or cards == 0:
            raise RuntimeError("the board showed no card")
        screen = window.sidebar.currentItem().text()
        size = f"{image.width()}x{image.height()}"
        return f"'{window.windowTitle()}' drawn at {size}, {screen} with {_count(cards, 'card')}"
    finally:
        window.close()
        workspace.close()


def _day() -> date:
    return date.fromisoformat(DAY)
