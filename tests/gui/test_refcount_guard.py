"""PySide6 6.12 on Python 3.11 drops a reference to None on every void call and then
aborts the interpreter. This guard fails loudly instead, should such a build come back."""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QImage, QPainter


def test_painter_calls_do_not_leak_references_to_none(qapp: object) -> None:
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    color = QColor("teal")
    before = sys.getrefcount(None)
    for _ in range(1000):
        painter.setBrush(color)
        painter.save()
        painter.restore()
    painter.end()
    assert sys.getrefcount(None) - before >= 0
