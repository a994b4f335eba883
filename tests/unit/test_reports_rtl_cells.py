"""A right-to-left step title that wraps in a narrow table cell (a checklist row, the
progress report's lists): its lines are broken in the order the title was typed and only
then each line put in reading order, so line one holds the title's first words (before,
the title was reversed first and wrapped then, so line one held its last words)."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader

from deliverydesk.services.context import Context
from deliverydesk.services.paper.report_export import DocumentKind, export_document
from tests.unit.reports_support import OFFER, enrol, practice

# The numbers one to nine and the twelve months: each word is different, so a word's line
# says where it went; long enough to wrap in a checklist row.
WORDS = [
    *("واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة"),
    *("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر"),
    *("أكتوبر", "نوفمبر", "ديسمبر"),
]
TITLE = " ".join(WORDS)
RENAMED = ("Welcome call", "Mark up the draft")


def _export(ctx: Context, kind: DocumentKind, path: Path) -> None:
    """A client whose homework step (in what we need from the client) and a step of ours
    (in what comes next) have the Arabic title."""
    practice(ctx)
    phases = tuple(
        replace(
            phase,
            steps=tuple(replace(s, title=TITLE) if s.title in RENAMED else s for s in phase.steps),
        )
        for phase in OFFER.phases
    )
    assert any(s.title == TITLE for phase in phases for s in phase.steps)
    enrolled = enrol(ctx, "Layla Haddad", replace(OFFER, phases=phases))
    export_document(ctx, kind, path, client_id=enrolled.client_id)


def _blocks(path: Path, page: int = 0) -> list[list[list[str]]]:
    """Each run of a page's lines holding words of the title: per line, those words."""
    text = PdfReader(path).pages[page].extract_text() or ""
    blocks: list[list[list[str]]] = []
    previous = False
    for line in text.splitlines():
        named = [w for w in (w.strip(",.:;…") for w in line.split()) if w in WORDS]
        if named and not previous:
            blocks.append([])
        if named:
            blocks[-1].append(named)
        previous = bool(named)
    return blocks


def _assert_typed_order(blocks: list[list[list[str]]], *, wraps: bool = True) -> None:
    """Every block wraps (with `wraps`; else it may be cut short, as a label under the
    journey map's node is), and its lines hold the title's words in typed order: line one
    the first words, each next line the words after them."""
    assert blocks, "the title is not there"
    for lines in blocks:
        assert len(lines) >= 2 or not wraps, (lines, blocks)
        read = 0
        for line in lines:
            expected = WORDS[read : read + len(line)]
            assert set(line) == set(expected), (line, expected, blocks)
            read += len(line)
        assert read == len(WORDS) or not wraps, (lines, blocks)


def test_a_right_to_left_step_title_wraps_in_typed_order_in_a_checklist_row(
    ctx: Context, tmp_path: Path
) -> None:
    path = tmp_path / "checklist.pdf"
    _export(ctx, DocumentKind.CHECKLIST, path)
    blocks = _blocks(path)
    assert len(blocks) == 2, blocks  # a row in each of the first two phases
    _assert_typed_order(blocks)


def test_a_right_to_left_step_title_wraps_in_typed_order_in_the_progress_lists(
    ctx: Context, tmp_path: Path
) -> None:
    path = tmp_path / "progress.pdf"
    _export(ctx, DocumentKind.PROGRESS, path)
    blocks = _blocks(path)
    assert len(blocks) == 2, blocks  # what comes next, and what we need from you
    _assert_typed_order(blocks)
    if shutil.which("pdftoppm") is not None:
        subprocess.run(
            ["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")],
            check=True,
        )
        assert list(tmp_path.glob("p*.png"))


def test_a_right_to_left_phase_name_after_its_number_wraps_in_typed_order_in_the_pack(
    ctx: Context, tmp_path: Path
) -> None:
    # The pack's table of phases sets "1. " of ours before the name: the name's lines
    # still go in typed order, and so do its other places in the pack.
    practice(ctx)
    phases = (replace(OFFER.phases[0], name=TITLE), *OFFER.phases[1:])
    enrolled = enrol(ctx, "Layla Haddad", replace(OFFER, phases=phases))
    path = tmp_path / "pack.pdf"
    export_document(ctx, DocumentKind.ONBOARDING, path, client_id=enrolled.client_id)

    blocks = [block for page in range(len(PdfReader(path).pages)) for block in _blocks(path, page)]
    assert any(len(lines) >= 2 for lines in blocks), blocks
    _assert_typed_order(blocks, wraps=False)
