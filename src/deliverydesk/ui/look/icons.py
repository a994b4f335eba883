"""Crisp icons at any scale: SVG sources tinted with the palette, drawn at paint time."""

from __future__ import annotations

from importlib.resources import files

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

_sources: dict[str, str] = {}
_renderers: dict[str, QSvgRenderer] = {}
# Drawn icons by (name, colour, device width, device height): cards and lists paint the
# same few icons over and over, and an SVG render costs far more than a blit.
_pixmaps: dict[tuple[str, int, int, int], QPixmap] = {}


def svg_source(name: str) -> str:
    if name not in _sources:
        path = files("deliverydesk.resources") / "icons" / f"{name}.svg"
        _sources[name] = path.read_text(encoding="utf-8")
    return _sources[name]


def _renderer(name: str) -> QSvgRenderer:
    """Parsed once per icon; the colour is applied to the drawn pixels, not the source."""
    if name not in _renderers:
        _renderers[name] = QSvgRenderer(QByteArray(svg_source(name).encode("utf-8")))
    return _renderers[name]


def _drawn(name: str, color: QColor | None, size: QSize) -> QPixmap:
    """The icon drawn at `size` device pixels, in `color` (None: the SVG's own colours)."""
    key = (name, color.rgba() if color else 0, size.width(), size.height())
    if key not in _pixmaps:
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        _renderer(name).render(painter)
        if color is not None:
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
            painter.fillRect(image.rect(), color)
        painter.end()
        _pixmaps[key] = QPixmap.fromImage(image)
    return _pixmaps[key]


class TintedSvgEngine(QIconEngine):
    """Draws the SVG at the exact device size asked for, in the given or palette colour.

    The colour is looked up at paint time, so icons follow a light/dark switch.
    """

    def __init__(self, name: str, color: QColor | None = None, tinted: bool = True) -> None:
        super().__init__()
        self._name = name
        self._color = color
        self._tinted = tinted

    def _ink(self, mode: QIcon.Mode) -> QColor | None:
        if not self._tinted:
            return None
        palette = QApplication.palette()
        if mode == QIcon.Mode.Disabled:
            return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        if self._color is not None:
            return QColor(self._color)
        if mode == QIcon.Mode.Selected:
            return palette.color(QPalette.ColorRole.HighlightedText)
        return palette.color(QPalette.ColorRole.WindowText)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        drawn = _drawn(self._name, self._ink(mode), rect.size() * ratio)
        painter.drawPixmap(rect, drawn)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return QPixmap(_drawn(self._name, self._ink(mode), size))

    def clone(self) -> QIconEngine:
        return TintedSvgEngine(self._name, self._color, self._tinted)


def icon(name: str, color: QColor | None = None) -> QIcon:
    return QIcon(TintedSvgEngine(name, color))


def app_icon() -> QIcon:
    """The application icon keeps its own brand colours."""
    return QIcon(TintedSvgEngine("deliverydesk", tinted=False))
