"""A client named in Chinese shows on the board in its own characters, not as boxes, even
on a system whose only fonts are DejaVu (a minimal Debian): the bundled CJK font is made
known to Qt right after the first paint, and the cards drawn before are drawn again
(ui/look/fonts.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from importlib.resources import files
from pathlib import Path

import pytest

from deliverydesk.model.rules.clock import FixedClock
from tests.conftest import TODAY

CJK_NAME = "王小明"
CJK_FAMILY = "DeliveryDesk Sans CJK"

# The window started as `deliverydesk` starts it; then what the board's card for the
# client shows: each glyph of the name in the card's bold font, and the font drawing it.
START = """
import json, sys
from pathlib import Path
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QTextLayout
from PySide6.QtWidgets import QApplication
from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.ui.app import create_application, quick_window
from deliverydesk.ui.board.card_delegate import CardDelegate
from deliverydesk.ui.board.card_model import CARD_ROLE
from deliverydesk.ui.core.events import AppEvents
from tests.conftest import TODAY

app = create_application(sys.argv[:1])
window = quick_window(Path(sys.argv[1]), FixedClock(TODAY), AppEvents())
QApplication.processEvents()
view = next(iter(window.board.columns.values())).view
index = view.model().index(0, 0)
name = index.data(CARD_ROLE).name
font = QFont(view.font())
font.setBold(True)  # the card's name line (card_delegate.py)
layout = QTextLayout(name, font)
layout.beginLayout()
layout.createLine()
layout.endLayout()
rect = view.visualRect(index).intersected(view.viewport().rect())  # its part in sight
shown = view.viewport().grab(rect).toImage()  # the card as the window shows it
view.setItemDelegate(CardDelegate(lambda: TODAY, view))
fresh = view.viewport().grab(rect).toImage()  # drawn afresh, with every font known now
print(json.dumps({
    "name": name,
    "visible": view.isVisible() and rect.height() > 2 * font.pointSize(),
    "families": QFontDatabase.families(),
    "window_font": QFontInfo(view.font()).family(),
    "runs": [[run.rawFont().familyName(), list(run.glyphIndexes())] for run in layout.glyphRuns()],
    "as_drawn_afresh": shown == fresh,
}))
"""

FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/conf.d</include>
  <dir>{fonts}</dir><cachedir>{cache}</cachedir>
</fontconfig>
"""


def dejavu_only(tmp_path: Path) -> dict[str, str]:
    """An environment whose fontconfig knows DejaVu Sans and no other font (with the
    system's usual settings: which family "sans-serif" means, and so on)."""
    fonts = tmp_path / "system-fonts"
    fonts.mkdir()
    bundled = files("deliverydesk.resources") / "fonts" / "DejaVuSans.ttf"
    (fonts / "DejaVuSans.ttf").write_bytes(bundled.read_bytes())
    conf = tmp_path / "fonts.conf"
    conf.write_text(FONTS_CONF.format(fonts=fonts, cache=tmp_path / "fc-cache"))
    root = Path(__file__).parents[2]
    path = os.pathsep.join(p for p in (str(root / "src"), str(root)) if p)
    return {
        **os.environ,
        "FONTCONFIG_FILE": str(conf),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": path,
    }


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fonts chosen by fontconfig")
def test_a_chinese_name_on_a_card_is_drawn_with_the_bundled_font(
    demo_copy: Path, tmp_path: Path
) -> None:
    from deliverydesk.services.clients.client_lookup import client_details
    from deliverydesk.services.clients.clients import update_client
    from deliverydesk.services.context import open_workspace
    from deliverydesk.services.views.queries import board_rows

    ctx = open_workspace(demo_copy, FixedClock(TODAY))
    try:
        for row in board_rows(ctx):  # whichever card comes first on the board
            new = replace(client_details(ctx, row.client_id).as_input(), name=CJK_NAME)
            update_client(ctx, row.client_id, new)
    finally:
        ctx.close()

    shown = subprocess.run(
        [sys.executable, "-c", START, str(demo_copy)],
        env=dejavu_only(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert shown.returncode == 0, shown.stderr
    seen = json.loads(shown.stdout)
    assert seen["name"] == CJK_NAME and seen["visible"]
    assert CJK_FAMILY in seen["families"]
    assert seen["window_font"] == "DejaVu Sans"  # the system's font, still the window's
    glyphs = [index for _family, indexes in seen["runs"] for index in indexes]
    assert len(glyphs) == len(CJK_NAME)
    assert 0 not in glyphs, "a box (the missing-glyph shape) drawn for a character"
    assert [family for family, _ in seen["runs"]] == [CJK_FAMILY]
    # Painted first with boxes (the fonts are added after the first paint), then again.
    assert seen["as_drawn_afresh"]
