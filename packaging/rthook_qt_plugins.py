"""Run-time hook replacing PyInstaller's PySide6 hook: only tell Qt where its plugins are.

The standard hook imports PySide6.QtCore in every process, the command line and each batch
worker included (about 0.25 s of CPU each); PySide6 writes its own qt.conf when imported,
so the plugin path is all Qt needs from us.
"""

import os
import sys

_root = sys._MEIPASS  # type: ignore[attr-defined]  # set by the frozen bootloader
_qt = (
    os.path.join(_root, "PySide6")
    if sys.platform == "win32"
    else os.path.join(_root, "PySide6", "Qt")
)
os.environ["QT_PLUGIN_PATH"] = os.path.join(_qt, "plugins")
