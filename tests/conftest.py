"""Shared fixtures. GUI tests run offscreen; unit tests can be run with Qt made unimportable."""

from __future__ import annotations

import importlib.abc
import os
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from deliverydesk.services.context import Context

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = date(2026, 11, 23)  # a Monday


class _RefuseQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name: str, path: object, target: object = None) -> None:
        if name == "PySide6" or name.startswith(("PySide6.", "shiboken6")):
            raise ImportError(f"{name} is blocked: the core must run without Qt")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--without-qt", action="store_true", help="make PySide6 unimportable for this run"
    )


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    # Runs before any plugin's pytest_configure: pytest-qt imports Qt there, and blocking it
    # from inside pytest_configure comes too late (that call already holds its hook list).
    # It is registered under its entry-point name, "pytest-qt".
    if config.getoption("--without-qt"):
        sys.meta_path.insert(0, _RefuseQt())
        config.pluginmanager.set_blocked("pytest-qt")


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[Context]:
    """A fresh, empty workspace in a temporary folder, with today pinned."""
    from deliverydesk.model.clock import FixedClock
    from deliverydesk.paths import data_dir
    from deliverydesk.services.context import open_workspace

    context = open_workspace(data_dir(tmp_path / "data"), FixedClock(TODAY))
    yield context
    context.close()
