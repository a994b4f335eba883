"""PySide6 reads the source of every module imported after it, unless told not to."""

from __future__ import annotations

import subprocess
import sys


def test_modules_imported_after_the_window_are_not_read_as_text() -> None:
    script = (
        "import linecache\n"
        "import PySide6.QtWidgets\n"
        "import deliverydesk.ui\n"
        "import fractions, deliverydesk.model.rules.calendar as calendar\n"
        "read = (fractions.__file__, calendar.__file__)\n"
        "print(sorted(f for f in read if f in linecache.cache))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    ).stdout
    assert out.strip() == "[]"
