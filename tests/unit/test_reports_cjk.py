"""Chinese, Japanese and Korean in the client's paper: set in Droid Sans Fallback, embedded
as a subset, its punctuation kept in the Latin font, and the font never loaded for a report
that does not need it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from deliverydesk.reports.fonts import CJK, missing_characters
from deliverydesk.reports.markup import para_text, resolved
from deliverydesk.reports.progress_report import progress_report_pdf
from deliverydesk.services.context import Context
from deliverydesk.services.paper import report_data
from deliverydesk.services.paper.report_export import missing_characters as missing_in
from tests.unit.reports_support import enrol, fonts, practice, text

ROOT = Path(__file__).resolve().parents[2]


def test_a_cjk_client_prints_in_the_cjk_font_with_nothing_missing(ctx: Context) -> None:
    practice(ctx)
    enrolled = enrol(ctx, "김민준 / 山田 花子", company="田中書房,")
    values = report_data.progress_report(ctx, enrolled.client_id, note="ひらがな、カタカナ。")
    assert missing_in(values) == []
    pdf = progress_report_pdf(values)
    used = fonts(pdf)
    assert all(used.values()), used  # every font embedded
    # Embedded as a subset: a subset's name is "AAAAAA+" and the font's own name.
    assert "/AAAAAA+DeliveryDeskSansCJK" in used, used
    words = text(pdf)
    for typed in ("田中書房,", "김민준", "山田", "花子", "ひらがな、カタカナ。"):
        assert typed in words, (typed, words)


def test_a_cjk_word_is_split_so_its_comma_keeps_a_glyph() -> None:
    # Droid Sans Fallback has no comma: the comma stays in the paragraph's own font.
    assert para_text("田中書房, Ltd") == f'<font face="{CJK}">田中書房</font>, Ltd'
    # There is no bold Droid Sans Fallback: bold text takes its regular face.
    assert para_text("山田 花子", bold=True) == f'<font face="{CJK}">山田 花子</font>'
    # Hebrew still goes to DejaVu Sans whole, to be shaped a word at a time (this line
    # reads right to left, so its words are set in visual order on its one line).
    assert resolved(para_text("שלום, 中")) == (
        f'<font face="{CJK}">中</font> <font face="DD-DejaVuSans">שלום,</font>'
    )


def test_emoji_beyond_dejavu_are_still_reported_missing() -> None:
    assert missing_characters(["田中 ✅ 👍🏽 😀 김"]) == ["✅", "👍", "🏽"]


LATIN_ONLY = """
import sys
from datetime import date
from pathlib import Path
from reportlab.pdfbase import pdfmetrics
from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.paths import data_dir
from deliverydesk.reports.fonts import CJK
from deliverydesk.reports.progress_report import progress_report_pdf
from deliverydesk.services.paper import report_data
from deliverydesk.services.context import open_workspace
from deliverydesk.services.paper.report_export import missing_characters
from tests.unit.reports_support import enrol, fonts, practice

ctx = open_workspace(data_dir(Path(sys.argv[1])), FixedClock(date(2026, 11, 23)))
practice(ctx)
client_id = enrol(ctx, "Zoë Müller", company="Łódź & Co").client_id
values = report_data.progress_report(ctx, client_id, note="Привет, שלום, 😀")
assert missing_characters(values) == []
pdf = progress_report_pdf(values)
ctx.close()
print(CJK in pdfmetrics.getRegisteredFontNames())
print(sorted(fonts(pdf)))
"""


def test_a_report_without_cjk_never_loads_the_cjk_font(tmp_path: Path) -> None:
    # In a fresh process: this one may have registered the font for another test.
    done = subprocess.run(
        [sys.executable, "-c", LATIN_ONLY, str(tmp_path / "data")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    registered, used = done.stdout.splitlines()
    assert registered == "False"
    assert "DejaVuSans" in used and "DeliveryDeskSansCJK" not in used
