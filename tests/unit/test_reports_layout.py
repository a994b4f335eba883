"""Every document of the demo practice, looked at the way a reader sees it: rendered with
pdftoppm, no page holds only a box or a footer; read with pypdf, no section heading is
left alone at the foot of a page, and the progress report fits one page."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PageObject
from sqlalchemy import select

from deliverydesk.model.entities import Client, Journey, Offer
from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.reports.data import LETTER
from deliverydesk.seeding.demo import seed_demo
from deliverydesk.services.context import Context, open_workspace
from deliverydesk.services.paper.report_export import DocumentKind, document_data, render
from deliverydesk.services.practice.brand import brand_settings, update_brand
from tests.unit.reports_support import reader

TODAY = date(2026, 11, 23)
NOTE = (
    "Thank you for the work this week: the values exercise was a turning point. You named "
    "what you will stop doing, and then you did it. See you on Monday."
)
DPI = 20
BODY_TOP_MM, BODY_BOTTOM_MM = 30, 26  # below the band or running header, above the footer
SECTION = 15.0  # the size of a section head


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Context]:
    folder = tmp_path_factory.mktemp("demo")
    ctx = open_workspace(folder, FixedClock(TODAY))
    seed_demo(ctx)
    yield ctx
    ctx.close()


def _documents(ctx: Context) -> Iterator[tuple[str, DocumentKind, bytes]]:
    with ctx.db.engine.connect() as connection:
        clients = connection.execute(
            select(Client.id, Client.name).where(Client.id.in_(select(Journey.client_id)))
        ).all()
        offers = connection.execute(select(Offer.id, Offer.name)).all()
    kinds = (DocumentKind.PROGRESS, DocumentKind.ONBOARDING, DocumentKind.CHECKLIST)
    for client_id, name in clients:
        for kind in kinds:
            yield name, kind, render(kind, document_data(ctx, kind, client_id=client_id))
        note = document_data(ctx, DocumentKind.PROGRESS, client_id=client_id, note=NOTE)
        yield f"{name} with a note", DocumentKind.PROGRESS, render(DocumentKind.PROGRESS, note)
    for offer_id, name in offers:
        for kind in kinds[1:]:
            yield name, kind, render(kind, document_data(ctx, kind, offer_id=offer_id))


def _inked_body_height_mm(pdf: Path, page: int) -> float:
    """How tall the printed part of a page's body is, from its pixels."""
    shown = subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-gray", "-f", str(page), "-l", str(page), str(pdf)],
        capture_output=True,
        check=True,
    ).stdout
    header, _, pixels = shown.split(b"\n", 3)[0:3], None, shown.split(b"\n", 3)[3]
    width, height = (int(v) for v in header[1].split())
    per_mm = DPI / 25.4
    rows = [
        y
        for y in range(int(BODY_TOP_MM * per_mm), height - int(BODY_BOTTOM_MM * per_mm))
        if min(pixels[y * width : (y + 1) * width]) < 200
    ]
    return (rows[-1] - rows[0]) / per_mm if rows else 0.0


def _body_lines(page: PageObject) -> list[tuple[float, float, str]]:
    """(height, type size, text) of each line above the footer."""
    lines: list[tuple[float, float, str]] = []

    def visit(shown: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        y = tm[5] * cm[3] + cm[5]
        if shown.strip() and y > BODY_BOTTOM_MM * 72 / 25.4:
            lines.append((y, round(size * tm[3], 1), shown.strip()))

    page.extract_text(visitor_text=visit)
    return lines


def _heading_at_foot(pdf: bytes) -> list[int]:
    """Pages whose last line of body text is a section head."""
    found = []
    for number, page in enumerate(reader(pdf).pages, start=1):
        lines = _body_lines(page)
        if lines and min(lines)[1] == SECTION:
            found.append(number)
    return found


def _problems(ctx: Context, tmp_path: Path) -> list[str]:
    """What a reader would not accept in the demo's documents: a progress report over one
    page, a heading alone at a page's foot, a page holding only a box or a few lines."""
    problems = []
    for name, kind, pdf in _documents(ctx):
        pages = len(reader(pdf).pages)
        if kind is DocumentKind.PROGRESS and not name.endswith("with a note") and pages != 1:
            problems.append(f"{kind} {name}: {pages} pages")
        for number in _heading_at_foot(pdf):
            problems.append(f"{kind} {name}: a heading alone at the foot of page {number}")
        path = tmp_path / "document.pdf"
        path.write_bytes(pdf)
        for number in range(2, pages + 1):
            inked = _inked_body_height_mm(path, number)
            if inked < 35:  # a feedback box, or a few lines alone: not a page of its own
                problems.append(f"{kind} {name}: page {number} holds only {inked:.0f} mm")
    return problems


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler's pdftoppm")
def test_no_page_is_only_a_box_and_no_heading_is_left_at_a_page_foot(
    demo: Context, tmp_path: Path
) -> None:
    problems = _problems(demo, tmp_path)
    assert problems == [], "\n".join(problems)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler's pdftoppm")
def test_on_us_letter_every_document_passes_the_same_checks_and_forms_fit_one_page(
    demo: Context, tmp_path: Path
) -> None:
    """US Letter is 18 mm shorter than A4: the lists are capped further (down to 3, 2, 2),
    the long answers' boxes are lower (down to 14 mm), and no page is left blank (a gap
    after the last key contact once pushed a page of its own before the checklist)."""
    before = brand_settings(demo)
    update_brand(demo, replace(before, page_size=LETTER))
    try:
        problems = _problems(demo, tmp_path)
        with demo.db.engine.connect() as connection:
            clients = connection.execute(
                select(Client.id, Client.name).where(Client.id.in_(select(Journey.client_id)))
            ).all()
        for client_id, name in clients:
            pdf = render(
                DocumentKind.INTAKE, document_data(demo, DocumentKind.INTAKE, client_id=client_id)
            )
            pages = reader(pdf).pages
            assert round(float(pages[0].mediabox.height)) == 792  # Letter, 11 in
            if len(pages) != 1:
                problems.append(f"intake {name}: {len(pages)} pages")
        assert problems == [], "\n".join(problems)
    finally:
        update_brand(demo, before)
