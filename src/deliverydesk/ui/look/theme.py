"""Light and dark palettes that follow the system, and the few semantic colours.

Widgets read colours from the palette (or from `semantic()` for health states); nothing
else in ui/ names a colour.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from deliverydesk.model.rules.enums import Health
from deliverydesk.ui.look.style import DeskStyle

_LIGHT = {
    QPalette.ColorRole.Window: "#F4F5F7",
    QPalette.ColorRole.WindowText: "#1D2329",
    QPalette.ColorRole.Base: "#FFFFFF",
    QPalette.ColorRole.AlternateBase: "#F7F8FA",
    QPalette.ColorRole.Text: "#1D2329",
    QPalette.ColorRole.Button: "#FFFFFF",
    QPalette.ColorRole.ButtonText: "#1D2329",
    QPalette.ColorRole.PlaceholderText: "#5F6873",
    QPalette.ColorRole.Highlight: "#2F6F73",
    QPalette.ColorRole.HighlightedText: "#FFFFFF",
    QPalette.ColorRole.ToolTipBase: "#1D2329",
    QPalette.ColorRole.ToolTipText: "#FFFFFF",
    QPalette.ColorRole.Link: "#1F5E8C",
    QPalette.ColorRole.Mid: "#C9CED4",
    QPalette.ColorRole.Midlight: "#E3E6EA",
    QPalette.ColorRole.Dark: "#8A939C",
    QPalette.ColorRole.Light: "#FFFFFF",
}
_DARK = {
    QPalette.ColorRole.Window: "#1B1F24",
    QPalette.ColorRole.WindowText: "#E6E9EC",
    QPalette.ColorRole.Base: "#23282E",
    QPalette.ColorRole.AlternateBase: "#272D33",
    QPalette.ColorRole.Text: "#E6E9EC",
    QPalette.ColorRole.Button: "#2A3037",
    QPalette.ColorRole.ButtonText: "#E6E9EC",
    QPalette.ColorRole.PlaceholderText: "#94A0AA",
    QPalette.ColorRole.Highlight: "#4FA3A8",
    QPalette.ColorRole.HighlightedText: "#0E1114",
    QPalette.ColorRole.ToolTipBase: "#E6E9EC",
    QPalette.ColorRole.ToolTipText: "#1B1F24",
    QPalette.ColorRole.Link: "#7DB8E8",
    QPalette.ColorRole.Mid: "#3A424B",
    QPalette.ColorRole.Midlight: "#313840",
    QPalette.ColorRole.Dark: "#6C7680",
    QPalette.ColorRole.Light: "#3A424B",
}


@dataclass(frozen=True)
class Semantic:
    """Colours with a meaning; always paired with an icon and words, never alone."""

    good: QColor
    warning: QColor
    danger: QColor
    track: QColor  # the empty part of a progress bar


# Text in a semantic colour on a badge sits on this much of the same colour over Base;
# every text colour keeps WCAG AA (4.5:1) on its background (tests/gui/test_contrast.py).
BADGE_TINT = 0.12
MIN_TEXT_POINTS = 9.0  # no text smaller than this at 100 % scale


def badge_fill(color: QColor) -> QColor:
    fill = QColor(color)
    fill.setAlphaF(BADGE_TINT)
    return fill


_SEMANTIC_LIGHT = Semantic(
    QColor("#2A7349"), QColor("#945800"), QColor("#B3261E"), QColor("#E3E6EA")
)
_SEMANTIC_DARK = Semantic(
    QColor("#6CC58F"), QColor("#F0B45A"), QColor("#FF8A80"), QColor("#3A424B")
)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def semantic(palette: QPalette) -> Semantic:
    return _SEMANTIC_DARK if is_dark(palette) else _SEMANTIC_LIGHT


def health_color(health: Health, palette: QPalette) -> QColor | None:
    """The colour of a health icon; None (the text's own) for a journey not running."""
    colors = semantic(palette)
    return {
        Health.ON_TRACK: colors.good,
        Health.COMPLETED: colors.good,
        Health.AT_RISK: colors.warning,
        Health.OFF_TRACK: colors.danger,
    }.get(health)


def build_palette(dark: bool) -> QPalette:
    palette = QPalette()
    for role, value in (_DARK if dark else _LIGHT).items():
        palette.setColor(role, QColor(value))
    disabled = QColor(palette.color(QPalette.ColorRole.PlaceholderText))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def system_prefers_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, dark: bool | None = None) -> None:
    """Fusion with our palette; `dark=None` follows the system's colour scheme."""
    if not isinstance(app.style(), DeskStyle):
        app.setStyle(DeskStyle())
    app.setPalette(build_palette(system_prefers_dark() if dark is None else dark))


def follow_system_theme(app: QApplication) -> None:
    """Re-apply the palette whenever the system switches between light and dark."""
    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_theme(app))
