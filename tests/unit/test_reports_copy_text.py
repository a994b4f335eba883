"""Text a reader copies out of a document is the text that was typed, in every script:
no ligature characters, no Arabic presentation forms, emoji as themselves."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from deliverydesk.reports.to_unicode import readable_to_unicode_cmap
from deliverydesk.services.context import Context
from deliverydesk.services.paper.report_export import DocumentKind, export_document
from tests.unit.reports_support import enrol, practice

SAMPLES = [
    "Zażółć gęślą jaźń, Œuvre",
    "Ελληνικά γράμματα",
    "Привет, мир",
    "Smile 😀 please",
    "مرحبا ليلى",
    "שלום עולם",
    "田中書房 こんにちは",
    # Set shaped (the line holds Arabic), where HarfBuzz would draw the ligatures ﬃ and ﬄ.
    "office affluent شركة",
]


def test_every_sample_script_extracts_as_typed(ctx: Context, tmp_path: Path) -> None:
    practice(ctx)
    enrolled = enrol(ctx, "Ana Souza")
    path = tmp_path / "report.pdf"
    note = "\n".join(SAMPLES)
    export_document(ctx, DocumentKind.PROGRESS, path, client_id=enrolled.client_id, note=note)
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    for sample in SAMPLES:
        assert sample in text
    for drawn_glyph in ("ﬃ", "ﬄ", "ﬁ", "\ufe8d", "\ufedf", "ὠ"):
        assert drawn_glyph not in text


@pytest.mark.parametrize(
    ("code", "destination"),
    [
        (0x1F600, "<D83DDE00>"),  # beyond the BMP: a UTF-16 surrogate pair, not 5 digits
        (0xFB03, "<006600660069>"),  # the ffi ligature: its three letters
        (0xFEDF, "<0644>"),  # lam, initial form: the letter lam
        (0x0041, "<0041>"),
    ],
)
def test_each_drawn_code_maps_to_the_characters_it_stands_for(code: int, destination: str) -> None:
    cmap = readable_to_unicode_cmap("F", [0, code])
    assert f"<01> {destination}" in cmap.splitlines()
