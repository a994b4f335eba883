"""The bundled CJK font, made known to Qt.

On a system whose only fonts are DejaVu (a minimal Debian), Qt has no font for Chinese,
Japanese or Korean and draws a box per character: a client named 王小明 showed as three
boxes on the board. Registered here, Qt's fallback finds DeliveryDesk Sans CJK like any
installed font. The other bundled fonts stay the PDFs' own: registered, Noto Sans would
become the window's font wherever fontconfig prefers it to DejaVu Sans (its default
order), and the window keeps the system's font.

Registering costs a few milliseconds of a start (fontconfig reads the font's coverage),
so it is done after the first paint; what that paint drew as boxes is painted again.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

from PySide6.QtGui import QFontDatabase

WINDOW_FONTS = ("DeliveryDeskSansCJK.ttf",)
CJK = (
    QFontDatabase.WritingSystem.SimplifiedChinese,
    QFontDatabase.WritingSystem.TraditionalChinese,
    QFontDatabase.WritingSystem.Japanese,
    QFontDatabase.WritingSystem.Korean,
)
_families: list[str] = []


def load_bundled_fonts() -> bool:
    """Register the window's bundled fonts with Qt, once per process. True when they let
    Qt draw a script the system's fonts could not: what was painted may show boxes."""
    if _families:
        return False
    before = {system for system in CJK if QFontDatabase.families(system)}
    folder = files("deliverydesk.resources") / "fonts"
    for name in WINDOW_FONTS:
        entry = folder / name
        if isinstance(entry, Path):  # on disk: Qt reads the file itself, when needed
            font_id = QFontDatabase.addApplicationFont(os.fspath(entry))
        else:  # inside an archive
            font_id = QFontDatabase.addApplicationFontFromData(entry.read_bytes())
        _families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return {system for system in CJK if QFontDatabase.families(system)} != before
