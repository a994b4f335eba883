"""Shared fixtures. GUI tests run offscreen; unit tests can be run with Qt made unimportable."""

from __future__ import annotations

import importlib.abc
import os
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

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


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--without-qt"):
        sys.meta_path.insert(0, _RefuseQt())
        # pytest-qt is a plugin that imports Qt lazily; it is not needed without Qt.
        config.pluginmanager.set_blocked("pytestqt")


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[object]:
    """A fresh, empty workspace in a temporary folder, with today pinned."""
    from deliverydesk.model.clock import FixedClock
    from deliverydesk.services.context import open_workspace

    context = open_workspace(tmp_path / "data", FixedClock(TODAY))
    yield context
    context.close()
