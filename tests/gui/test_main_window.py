"""The main window: sidebar navigation, honest empty screens, themes and crisp icons."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QMessageBox,
    QStyle,
    QStyleOptionViewItem,
)
from pytestqt.qtbot import QtBot

from deliverydesk.services.context import Context
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.look import style as style_module
from deliverydesk.ui.look.icons import icon
from deliverydesk.ui.look.style import DeskStyle
from deliverydesk.ui.look.theme import apply_theme, build_palette, is_dark
from deliverydesk.ui.main_window import SCREENS, MainWindow
from deliverydesk.ui.widgets.empty_state import EmptyState


@pytest.fixture
def window(demo_ws: Workspace, qtbot: QtBot, demo_ctx: Context, events: AppEvents) -> MainWindow:
    main = MainWindow(demo_ws, events)
    qtbot.addWidget(main)
    main.show()
    return main


def test_sidebar_lists_every_screen_and_opens_on_the_board(window: MainWindow) -> None:
    labels = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert labels == ["Board", "Timeline", "Today", "Clients", "Offers", "Dashboard", "Settings"]
    assert window.current_screen() == "board"
    assert "— DeliveryDesk" in window.windowTitle()


@pytest.mark.parametrize("position", range(len(SCREENS)))
def test_ctrl_number_switches_screen(qtbot: QtBot, window: MainWindow, position: int) -> None:
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + position), Qt.KeyboardModifier.ControlModifier)
    assert window.current_screen() == SCREENS[position]
    assert window.sidebar.currentRow() == position


def test_every_screen_is_built_none_is_a_stand_in(window: MainWindow) -> None:
    for key in SCREENS:
        window.show_screen(key)
        assert not isinstance(window.stack.currentWidget(), EmptyState), key


def test_every_control_has_an_accessible_name(window: MainWindow) -> None:
    controls = [*window.findChildren(QLineEdit), *window.findChildren(QAbstractItemView)]
    unnamed = [type(w).__name__ for w in controls if w.isVisible() and not w.accessibleName()]
    assert not unnamed
    # A line edit's own action buttons (search icon, clear) are announced by the line edit.
    buttons = [
        b
        for b in window.findChildren(QAbstractButton)
        if b.isVisible() and not isinstance(b.parent(), QLineEdit)
    ]
    assert all(b.text() or b.accessibleName() or b.toolTip() for b in buttons)


@pytest.mark.parametrize("dark", [False, True])
def test_light_and_dark_palettes(qapp: QApplication, dark: bool) -> None:
    original = qapp.palette()
    try:
        apply_theme(qapp, dark)
        palette = qapp.palette()
        assert is_dark(palette) is dark
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        assert abs(text.lightness() - base.lightness()) > 150  # readable contrast
        assert isinstance(qapp.style(), DeskStyle)
        assert qapp.style().baseStyle().name().lower() == "fusion"
    finally:
        qapp.setPalette(original)


def test_icons_are_drawn_at_the_device_size_asked(qapp: QApplication) -> None:
    for name in ("board", "clients", "on_track", "at_risk", "off_track", "owner_client"):
        pixmap = icon(name).pixmap(QSize(24, 24), 2.0)
        assert pixmap.deviceIndependentSize().toSize() == QSize(24, 24)
        assert pixmap.width() == 48  # rendered for a 2x screen, not scaled up
        image = pixmap.toImage()
        assert any(image.pixelColor(x, y).alpha() > 0 for x in range(48) for y in range(48))


@pytest.mark.parametrize("dark", [False, True])
def test_an_empty_check_box_stands_out_from_its_background(qapp: QApplication, dark: bool) -> None:
    palette = build_palette(dark)
    base = palette.color(QPalette.ColorRole.Base)
    image = QImage(20, 20, QImage.Format.Format_ARGB32)
    image.fill(base)
    option = QStyleOptionViewItem()
    option.rect = QRect(2, 2, 16, 16)
    option.palette = palette
    option.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Off
    painter = QPainter(image)
    DeskStyle().drawPrimitive(
        QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck, option, painter
    )
    painter.end()
    contrast = max(
        abs(image.pixelColor(x, y).lightness() - base.lightness())
        for x in range(20)
        for y in range(20)
    )
    assert contrast > 100


def _check_box(style: DeskStyle, palette: QPalette, ticked: bool) -> QImage:
    image = QImage(20, 20, QImage.Format.Format_ARGB32)
    image.fill(palette.color(QPalette.ColorRole.Base))
    option = QStyleOptionViewItem()
    option.rect = QRect(2, 2, 16, 16)
    option.palette = palette
    option.state = QStyle.StateFlag.State_Enabled | (
        QStyle.StateFlag.State_On if ticked else QStyle.StateFlag.State_Off
    )
    painter = QPainter(image)
    style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck, option, painter)
    painter.end()
    return image


def test_a_check_box_is_drawn_once_per_look_then_copied(qapp: QApplication) -> None:
    """A checklist repaints a few dozen boxes on every tick: each look (size, ticked or
    not, colours) is drawn once and copied after, and a dark palette gets its own."""
    style = DeskStyle()
    light, dark = build_palette(False), build_palette(True)
    first = [_check_box(style, light, ticked) for ticked in (False, True)]
    drawn = dict(style_module._checks)
    again = [_check_box(style, light, ticked) for ticked in (False, True)]
    assert again == first and first[0] != first[1]
    assert style_module._checks == drawn, "the same looks are copied, not drawn again"
    in_dark = _check_box(style, dark, False)
    ink = dark.color(QPalette.ColorRole.Text)
    border = [in_dark.pixelColor(x, 10) for x in range(20)]
    assert any(abs(c.lightness() - ink.lightness()) < 40 for c in border), "dark's own ink"
    assert in_dark != first[0]


def test_ctrl_f_filters_the_board_when_it_is_shown(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.show_screen("board")
    qtbot.keyClick(window.board, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.board.search.hasFocus, timeout=2000)


def test_undo_and_redo_sit_in_the_edit_menu_with_their_shortcuts(window: MainWindow) -> None:
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    texts = [a.text().replace("&", "") for a in menus["Edit"].actions()]
    assert texts[:2] == ["Undo", "Redo"]
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [s.toString() for s in window.redo_action.shortcuts()]


def test_an_undo_that_can_no_longer_be_done_says_why(
    demo_ws: Workspace,
    qtbot: QtBot,
    window: MainWindow,
    demo_ctx: Context,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from deliverydesk.services.journeys.journeys import remove_note
    from deliverydesk.services.views.queries import board_rows
    from deliverydesk.ui.core.undo_commands import AddNoteCommand

    journey_id = board_rows(demo_ctx)[0].journey_id
    assert journey_id is not None
    command = AddNoteCommand(demo_ws, window.events, journey_id, "Call moved to Friday")
    window.undo_stack.push(command)
    assert command.note_id is not None
    remove_note(demo_ctx, command.note_id)  # the note is gone by another way meanwhile
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    window.undo_action.trigger()
    assert len(shown) == 1 and "no longer exists" in shown[0]
