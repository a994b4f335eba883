"""The onboarding pack's composition: a cover without a page number whose lower half says
who it is for, the offer and who is with them; phases without a purpose as a dated table."""

from __future__ import annotations

from dataclasses import replace

from deliverydesk.reports.onboarding_pack import onboarding_pack_pdf
from deliverydesk.services.context import Context
from deliverydesk.services.paper import report_packs
from tests.unit.reports_support import OFFER, enrol, practice, reader, text_runs

MM = 72 / 25.4


def _page_text(pdf: bytes, page: int) -> str:
    return " ".join((reader(pdf).pages[page].extract_text() or "").split())


def test_the_cover_has_no_page_number_and_its_lower_half_says_who_and_what(
    ctx: Context,
) -> None:
    practice(ctx)
    enrolled = enrol(ctx, "Ana Souza")
    pdf = onboarding_pack_pdf(report_packs.onboarding_pack(ctx, client_id=enrolled.client_id))
    cover, second = _page_text(pdf, 0), _page_text(pdf, 1)
    pages = len(reader(pdf).pages)
    assert "Page 1 of" not in cover
    assert f"Page 2 of {pages}" in second
    assert "PREPARED FOR Ana Souza" in cover
    assert "YOUR OFFER Clarity Sprint Ana Souza About 3 weeks Starting 2 Nov 2026" in cover
    assert "WITH YOU Jo Park North Star Coaching" in cover
    height = float(reader(pdf).pages[0].mediabox.height)
    (with_you,) = [y for shown, _, y in text_runs(pdf, 0) if shown == "WITH YOU"]
    assert with_you < height / 3  # in the lower part of the page, not under the promise


def test_phases_without_a_purpose_are_a_dated_table_not_empty_headings(ctx: Context) -> None:
    practice(ctx)
    bare = replace(OFFER, phases=tuple(replace(p, description="") for p in OFFER.phases))
    enrolled = enrol(ctx, "Ana Souza", bare)
    pdf = onboarding_pack_pdf(report_packs.onboarding_pack(ctx, client_id=enrolled.client_id))
    rows = [
        (page, y)
        for page in range(len(reader(pdf).pages))
        for shown, _, y in text_runs(pdf, page)
        if shown in ("1. Onboarding", "2. Deep work", "3. Wrap-up")
    ]
    assert len(rows) == 3 and len({page for page, _ in rows}) == 1
    gaps = [above - below for (_, above), (_, below) in zip(rows, rows[1:], strict=False)]
    assert all(gap < 10 * MM for gap in gaps), gaps  # one row after another
