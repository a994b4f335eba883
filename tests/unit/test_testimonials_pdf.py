"""The testimonials sheet stays one page whatever it is given: a 5,000-character quote is
cut, quotes that do not fit are left out (and the person told so), markup characters and
an Arabic name print as typed, every font embedded."""

from __future__ import annotations

from datetime import date

from deliverydesk.reports.data import Brand
from deliverydesk.reports.testimonials import Quote, quotes_pdf
from tests.unit.reports_support import folded, fonts, reader, text


def test_one_page_whatever_it_is_given() -> None:
    quotes = [
        Quote("<b>Bold</b> & brave " * 300, "Ana Souza, Acme", "Clarity Sprint", "Mon 23 Nov"),
        Quote("رائع جدا، شكرا لك", "ليلى حداد", "Brand Audit", "Fri 20 Nov 2026"),
        *(Quote(f"Quote {n}", "Jo", "Edit", "Thu 1 Oct 2026") for n in range(20)),
    ]
    notes: list[str] = []
    pdf = quotes_pdf(Brand("Studio Nord"), quotes, date(2026, 11, 23), notes)
    assert len(reader(pdf).pages) == 1
    said = text(pdf)
    assert "“<b>Bold</b> & brave <b>Bold</b>" in said and "…”" in said
    assert folded("ليلى حداد") in folded(said) or folded("ليلى حداد"[::-1]) in folded(said)
    assert all(fonts(pdf).values())
    (note,) = notes
    placed = int(note.split(" of ", 1)[0])
    assert 2 < placed < len(quotes)
    assert note == f"{placed} of {len(quotes)} quotes fit on the page, the newest."
