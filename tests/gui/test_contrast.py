"""Every text colour of the theme meets WCAG AA (4.5:1) on what it is drawn on, in light
and dark, and no text is smaller than 9 pt (issue 8, bug 11)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from deliverydesk.reports.theme import contrast_ratio
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.board.card_delegate import badge_font
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.look.theme import BADGE_TINT, MIN_TEXT_POINTS, build_palette, semantic
from deliverydesk.ui.main_window import SCREENS, MainWindow

Role = QPalette.ColorRole
RGB = tuple[int, int, int]


def contrast(a: RGB, b: RGB) -> float:
    """The WCAG 2 contrast ratio of two colours, by the one formula (reports/theme.py)."""
    return contrast_ratio([v / 255 for v in a], [v / 255 for v in b])


def rgb(color: QColor) -> RGB:
    return color.red(), color.green(), color.blue()


def over(color: QColor, alpha: float, background: QColor) -> RGB:
    """`color` at `alpha` painted over `background`, as a badge's tint is."""
    return tuple(  # type: ignore[return-value]
        round(f * alpha + b * (1 - alpha)) for f, b in zip(rgb(color), rgb(background), strict=True)
    )


def text_pairs(dark: bool) -> dict[str, tuple[RGB, RGB]]:
    """Every (text, background) pair the window draws, named for the failure message."""
    palette = build_palette(dark)
    colors = semantic(palette)

    def color(role: Role, group: QPalette.ColorGroup = QPalette.ColorGroup.Active) -> QColor:
        return palette.color(group, role)

    pairs: dict[str, tuple[RGB, RGB]] = {}
    surfaces = {"window": Role.Window, "base": Role.Base, "alternate rows": Role.AlternateBase}
    for text_name, text_role in (
        ("text", Role.Text),
        ("window text", Role.WindowText),
        ("muted text", Role.PlaceholderText),
        ("link", Role.Link),
    ):
        for surface_name, surface in surfaces.items():
            pairs[f"{text_name} on {surface_name}"] = (rgb(color(text_role)), rgb(color(surface)))
    disabled = color(Role.WindowText, QPalette.ColorGroup.Disabled)
    for surface_name, surface in surfaces.items():
        pairs[f"muted (disabled) text on {surface_name}"] = (rgb(disabled), rgb(color(surface)))
    pairs["button text"] = (rgb(color(Role.ButtonText)), rgb(color(Role.Button)))
    pairs["selected text"] = (rgb(color(Role.HighlightedText)), rgb(color(Role.Highlight)))
    pairs["tooltip"] = (rgb(color(Role.ToolTipText)), rgb(color(Role.ToolTipBase)))
    base = color(Role.Base)
    for name, tone in (
        ("good", colors.good),
        ("warning", colors.warning),
        ("danger", colors.danger),
        ("info", color(Role.Link)),
        ("muted", color(Role.PlaceholderText)),
    ):
        # Health words on cards and in lists, and badge words on their own tint.
        for surface_name, surface in surfaces.items():
            pairs[f"{name} on {surface_name}"] = (rgb(tone), rgb(color(surface)))
        pairs[f"{name} badge"] = (rgb(tone), over(tone, BADGE_TINT, base))
    return pairs


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_text_colour_meets_wcag_aa(qapp: QApplication, dark: bool) -> None:
    failing = {
        name: round(contrast(text, background), 2)
        for name, (text, background) in text_pairs(dark).items()
        if contrast(text, background) < 4.5
    }
    assert not failing


def test_the_contrast_formula() -> None:
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast((119, 119, 119), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)


def test_badge_text_is_never_under_9_points(qapp: QApplication) -> None:
    for size in (9.0, 10.0, 13.0):
        font = QFont(qapp.font())
        font.setPointSizeF(size)
        assert badge_font(font).pointSizeF() >= MIN_TEXT_POINTS


def test_no_text_on_the_main_screens_is_under_9_points(
    demo_ws: Workspace, qtbot: QtBot, events: AppEvents, qapp: QApplication
) -> None:
    assert qapp.font().pointSizeF() >= MIN_TEXT_POINTS  # the tests' system font
    window = MainWindow(demo_ws, events)
    qtbot.addWidget(window)
    window.show()
    for key in SCREENS:
        window.show_screen(key)
        small = [
            (type(w).__name__, w.font().pointSizeF())
            for w in window.findChildren(QWidget)
            if w.isVisible() and 0 < w.font().pointSizeF() < MIN_TEXT_POINTS
        ]
        assert not small, key
