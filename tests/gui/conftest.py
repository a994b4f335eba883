"""GUI fixtures: the demo practice or an empty one, a fresh copy for each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.services.context import Context, open_workspace
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.main_thread_gc import MainThreadCollector, collect_on_main_thread
from tests.conftest import TODAY, fresh_data_dir

pytestmark = pytest.mark.gui


@pytest.fixture
def demo_ctx(demo_copy: Path) -> Iterator[Context]:
    """The demo practice (seeded once per session, see tests/conftest.py), a copy per test."""
    ctx = open_workspace(demo_copy, FixedClock(TODAY))
    yield ctx
    ctx.close()


@pytest.fixture
def empty_ctx(tmp_path: Path) -> Iterator[Context]:
    ctx = open_workspace(fresh_data_dir(tmp_path / "empty"), FixedClock(TODAY))
    yield ctx
    ctx.close()


@pytest.fixture
def demo_ws(demo_ctx: Context) -> Workspace:
    """What the window holds: the same open practice as `demo_ctx`, as use cases."""
    return Workspace(demo_ctx)


@pytest.fixture
def empty_ws(empty_ctx: Context) -> Workspace:
    return Workspace(empty_ctx)


@pytest.fixture
def events() -> AppEvents:
    return AppEvents()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """pytest-qt closes each test's windows after the test; closing a window with an
    unsaved offer design or unsaved settings asks Save/Discard/Cancel in a modal box. A
    test that left one unsaved answers Discard, as a person done with it would (tests of
    the question itself answer it within the test)."""
    from deliverydesk.ui.offers.offer_editor import OfferEditor
    from deliverydesk.ui.settings.settings_page import SettingsPage
    from deliverydesk.ui.widgets.unsaved_prompt import Leave

    for widget in QApplication.topLevelWidgets():
        for editor in widget.findChildren(OfferEditor):
            editor.ask_unsaved = lambda: Leave.DISCARD  # type: ignore[method-assign]
        for settings in widget.findChildren(SettingsPage):
            settings.ask_unsaved = lambda _where: Leave.DISCARD  # type: ignore[method-assign]
    return (yield)


@pytest.fixture(scope="session", autouse=True)
def _collect_on_the_windows_thread(qapp: QApplication) -> MainThreadCollector:
    """As the app does (ui/app.py): a job's thread never frees a Qt object in a cycle."""
    return collect_on_main_thread(qapp)
