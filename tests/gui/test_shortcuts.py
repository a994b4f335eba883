"""Keyboard shortcuts: no key does two things at once anywhere in the window, the calendar
export has the key the README gives, and Help lists every action's keys from the actions."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from deliverydesk.services.context import Context
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import SCREENS, MainWindow
from deliverydesk.ui.shortcut_sheet import Binding, bindings
from tests.gui.test_client_page_editing import late_active_journey

README = Path(__file__).resolve().parents[2] / "README.md"
Context_ = Qt.ShortcutContext


@pytest.fixture
def window(demo_ws: Workspace, qtbot: QtBot, demo_ctx: Context, events: AppEvents) -> MainWindow:
    main = MainWindow(demo_ws, events)
    qtbot.addWidget(main)
    main.show()
    return main


def _live(binding: Binding) -> bool:
    enabled = binding.owner.isEnabled()
    return enabled and binding.widget.isVisible()


def _within(outer: QWidget, inner: QWidget) -> bool:
    return outer is inner or outer.isAncestorOf(inner)


def _clash(a: Binding, b: Binding) -> bool:
    """Whether some focus in the window would make both fire (Qt then runs neither)."""
    if a.owner is b.owner or a.keys != b.keys:
        return False
    wide = (Context_.WindowShortcut, Context_.ApplicationShortcut)
    if a.context in wide or b.context in wide:
        return a.widget.window() is b.widget.window()
    if a.context == Context_.WidgetShortcut and b.context == Context_.WidgetShortcut:
        return a.widget is b.widget
    if a.context == Context_.WidgetShortcut:
        return _within(b.widget, a.widget)
    if b.context == Context_.WidgetShortcut:
        return _within(a.widget, b.widget)
    return _within(a.widget, b.widget) or _within(b.widget, a.widget)


def _ambiguous(window: MainWindow) -> list[str]:
    live = [b for b in bindings(window) if _live(b)]
    return sorted(
        {f"{a.keys}: {a.words or a.owner} / {b.words or b.owner}" for a, b in combinations(live, 2)
         if _clash(a, b)}
    )  # fmt: skip


def _states(window: MainWindow, demo_ctx: Context) -> list[str]:
    """Walk the window as a person does: each screen, a client's page, an offer open."""
    seen: list[str] = []
    for key in SCREENS:
        window.show_screen(key)
        seen.extend(f"{key}: {clash}" for clash in _ambiguous(window))
    window.show_screen("clients")
    window.clients.open_journey(late_active_journey(demo_ctx))
    assert window.clients.showing_client()
    seen.extend(f"client page: {clash}" for clash in _ambiguous(window))
    window.show_screen("offers")
    window.offers.reload()
    window.offers.open_index(window.offers.model.index(0, 0))
    assert window.offers.pages.currentIndex() != 0  # the designer, not the list
    seen.extend(f"offer editor: {clash}" for clash in _ambiguous(window))
    return seen


def test_no_key_is_bound_twice_where_both_could_fire(window: MainWindow, demo_ctx: Context) -> None:
    assert _states(window, demo_ctx) == []


def test_the_ambiguity_check_sees_a_clash_when_there_is_one(window: MainWindow) -> None:
    """The walk above is only worth something if it can fail."""
    from PySide6.QtGui import QAction, QKeySequence

    window.show_screen("today")
    twin = QAction("Twin", window)
    twin.setShortcut(QKeySequence("Ctrl+3"))  # Go → Today has it already
    window.addAction(twin)
    assert any(c.startswith("Ctrl+3") for c in _ambiguous(window))


def test_the_calendar_export_has_the_key_the_readme_gives(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = window.calendar_export.action.shortcut().toString()
    assert keys
    readme = README.read_text(encoding="utf-8")
    assert f"Export calendar…*\n   (`{keys}`)" in readme
    asked: list[str] = []

    def save_as(_parent: object, title: str, *_args: object) -> tuple[str, str]:
        asked.append(title)
        return "", ""  # the person cancels the OS dialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    window.show_screen("today")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    pressed = QKeySequence(keys)[0]
    qtbot.keyClick(window.today, pressed.key(), pressed.keyboardModifiers())
    assert asked == ["Export calendar"]


def test_help_lists_every_action_with_its_keys(qtbot: QtBot, window: MainWindow) -> None:
    help_menu = window.menuBar().actions()[-1].menu()
    entry = next(a for a in help_menu.actions() if "shortcuts" in a.text().lower())
    entry.trigger()
    from deliverydesk.ui.shortcut_sheet import ShortcutSheet

    sheet = next(w for w in window.findChildren(ShortcutSheet) if w.isVisible())
    rows = sheet.rows()
    assert ("Everywhere", "Export calendar…", "Ctrl+Shift+L") in rows
    assert any(r[:2] == ("Everywhere", "Undo") and r[2].startswith("Ctrl+Z") for r in rows)
    assert ("Offers", "New offer", "Ctrl+Shift+N") in rows
    assert ("Today", "Reschedule…", "Ctrl+E") in rows
    # every action with a key is listed, so the sheet cannot drift from the keys
    keyed = {b.words for b in bindings(window) if hasattr(b.owner, "menu") and b.words}
    assert keyed <= {words for _where, words, _keys in rows}
