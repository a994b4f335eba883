"""Crisp icons at any scale: SVG sources tinted with the palette, drawn at paint time."""

from __future__ import annotations

from importlib.resources import files

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

_cache: dict[str, str] = {}


_renderers: dict[tuple[str, str], QSvgRenderer] = {}


def _renderer(name: str, color: str) -> QSvgRenderer:
    """Parsed once per icon and colour: delegates paint icons on every card."""
    key = (name, color)
    if key not in _renderers:
        source = svg_source(name).replace("currentColor", color)
        _renderers[key] = QSvgRenderer(QByteArray(source.encode("utf-8")))
    return _renderers[key]


def svg_source(name: str) -> str:
    if name not in _cache:
        _cache[name] = (files("deliverydesk.resources") / "icons" / f"{name}.svg").read_text(
            encoding="utf-8"
        )
    return _cache[name]


class TintedSvgEngine(QIconEngine):
    """Renders the SVG at the exact device size asked for, in the given or palette colour.

    The colour is looked up at paint time, so icons follow a light/dark switch.
    """

    def __init__(self, name: str, color: QColor | None = None) -> None:
        super().__init__()
        self._name = name
        self._color = color

    def _renderer(self, mode: QIcon.Mode) -> QSvgRenderer:
        palette = QApplication.palette()
        if self._color is not None:
            color = QColor(self._color)
        elif mode == QIcon.Mode.Selected:
            color = palette.color(QPalette.ColorRole.HighlightedText)
        else:
            color = palette.color(QPalette.ColorRole.WindowText)
        if mode == QIcon.Mode.Disabled:
            color = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        return _renderer(self._name, color.name())

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        self._renderer(mode).render(painter, rect)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        image = QPixmap(size)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return image

    def clone(self) -> QIconEngine:
        return TintedSvgEngine(self._name, self._color)


def icon(name: str, color: QColor | None = None) -> QIcon:
    return QIcon(TintedSvgEngine(name, color))


def app_icon() -> QIcon:
    """The application icon keeps its own brand colours."""
    return QIcon(TintedSvgEngine("deliverydesk"))
