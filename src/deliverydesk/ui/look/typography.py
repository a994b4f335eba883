"""Headings sized from the system font, so they scale with it (no pixel sizes)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def make_heading(widget: QWidget, scale: float = 1.0) -> None:
    """Bold, and `scale` times the widget's current font size."""
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    widget.setFont(font)
