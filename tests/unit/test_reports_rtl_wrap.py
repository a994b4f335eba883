"""A right-to-left name inside one of our sentences that wraps: its lines are broken in the
order the name was typed and only then each line is put in reading order, so the first
words of the name end line one and the last words begin line two, as a reader of Arabic
reads them (before, the whole name was reversed first and then wrapped, so line one held
the name's last words)."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader

from deliverydesk.services.context import Context
from deliverydesk.services.paper.report_export import DocumentKind, export_document
from deliverydesk.services.practice.practice import create_practice
from tests.unit.reports_support import MON_FRI, OFFER, enrol, practice

# The numbers one to nine: each word is different, so a word's line says where it went.
WORDS = ["واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة"]
NAME = " ".join(WORDS)
# A phase's name three months longer: long enough to wrap in the sentence as laid out
# (shaped Arabic words are measured as shaped, narrower than letter by letter).
LONGER = [*WORDS, "أكتوبر", "نوفمبر", "ديسمبر"]
PHASE = " ".join(LONGER)


def _lines_with_the_name(path: Path, name: list[str] = WORDS) -> list[list[str]]:
    """Per line of page 1 that holds words of the name, those words, as pypdf reads them."""
    text = PdfReader(path).pages[0].extract_text() or ""
    found = []
    for line in text.splitlines():
        words = [w.strip(",.:;") for w in line.split()]
        if named := [w for w in words if w in name]:
            found.append(named)
    return found


def test_a_right_to_left_phase_name_wraps_in_the_order_it_was_typed(
    ctx: Context, tmp_path: Path
) -> None:
    practice(ctx)
    phases = (replace(OFFER.phases[0], name=PHASE), *OFFER.phases[1:])
    enrolled = enrol(ctx, "Layla Haddad", replace(OFFER, phases=phases))
    path = tmp_path / "report.pdf"
    export_document(ctx, DocumentKind.PROGRESS, path, client_id=enrolled.client_id)

    lines = _lines_with_the_name(path, LONGER)
    # The name wraps twice: in the journey map's label under its node, and in the summary
    # sentence ("You are in phase 1 of 3, واحد ... تسعة: 0 of 5 steps done; ...").
    assert len(lines) >= 4, lines
    # Each line holds the next words of the name in typed order: line one of a block its
    # first words, the next line the words after them.
    read = 0
    for line in lines:
        expected = LONGER[read : read + len(line)]
        assert set(line) == set(expected), (line, expected, lines)
        read = (read + len(line)) % len(LONGER)
    assert read == 0
    assert lines[0][-1] != LONGER[-1]  # a label's first line is not the name's end

    if shutil.which("pdftoppm") is not None:
        subprocess.run(
            ["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")],
            check=True,
        )
        assert list(tmp_path.glob("p*.png"))


def test_a_right_to_left_practice_name_wraps_in_order_in_the_feedback_request(
    ctx: Context, tmp_path: Path
) -> None:
    create_practice(ctx, NAME, 30, MON_FRI, owner_name="Jo Park")
    enrolled = enrol(ctx, "Layla Haddad")
    path = tmp_path / "report.pdf"
    export_document(ctx, DocumentKind.PROGRESS, path, client_id=enrolled.client_id)

    text = PdfReader(path).pages[0].extract_text() or ""
    request = text[text.index("How is it going?") :].splitlines()[:3]
    assert request[0].startswith("How is it going? On a scale of 0 to 10")  # the lead first
    lines = _lines_with_the_name(path)
    read, wrapped = 0, False
    for line in lines:
        expected = WORDS[read : read + len(line)]
        assert set(line) == set(expected), (line, expected, lines)
        wrapped = wrapped or 0 < len(line) < len(WORDS)
        read = (read + len(line)) % len(WORDS)
    assert wrapped and read == 0
