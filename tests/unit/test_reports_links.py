"""Bookmarks and the contents page of the client's paper open the page their heading is on,
at the heading, for every offer of the demo practice."""

from __future__ import annotations

from datetime import date

import pytest

from deliverydesk.reports.checklist import checklist_pdf
from deliverydesk.reports.onboarding_pack import onboarding_pack_pdf
from deliverydesk.reports.progress_report import progress_report_pdf
from deliverydesk.seeding.offer_templates import OFFERS
from deliverydesk.services.context import Context
from deliverydesk.services.paper import report_data, report_packs
from tests.unit.reports_support import (
    contents_entries,
    enrol,
    first_text_below,
    outline,
    practice,
    reader,
)


def _lands_on_its_heading(pdf: bytes) -> list[tuple[str, int]]:
    """Each bookmark's title and page (1-based), after checking it opens at its heading."""
    entries = outline(pdf)
    assert entries
    for title, page, top in entries:
        assert first_text_below(pdf, page, top) == title, (title, page + 1)
    return [(title, page + 1) for title, page, _ in entries]


@pytest.mark.parametrize("offer", sorted(OFFERS))
def test_every_bookmark_and_contents_line_opens_the_page_of_its_heading(
    ctx: Context, offer: str
) -> None:
    practice(ctx)
    enrolled = enrol(ctx, "Ana Souza", OFFERS[offer], start=date(2026, 11, 2))
    packs = [
        onboarding_pack_pdf(report_packs.onboarding_pack(ctx, client_id=enrolled.client_id)),
        onboarding_pack_pdf(report_packs.onboarding_pack(ctx, offer_id=enrolled.offer_id)),
    ]
    for pdf in packs:
        landed = _lands_on_its_heading(pdf)
        assert [page for _, page in landed] != [1] * len(landed)
        contents = contents_entries(pdf, 1)
        assert contents == {title: (page, page) for title, page in landed}
    for pdf in (
        checklist_pdf(report_packs.checklist(ctx, client_id=enrolled.client_id)),
        progress_report_pdf(
            report_data.progress_report(ctx, enrolled.client_id, note="Well done. " * 300)
        ),
    ):
        _lands_on_its_heading(pdf)
        assert len(reader(pdf).pages) >= 1
