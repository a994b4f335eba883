"""The progress report fits one page for a typical client: long lists are capped with
"and 3 more", the feedback box stays with the last block, a list that must split repeats
its heading, and a note moves whole to the next page (never cut mid-sentence)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import pytest

from deliverydesk.model.rules.enums import Owner, PhaseStatus
from deliverydesk.reports.data import A4, LETTER, Brand, Item, JourneyMap, MapPhase, ProgressReport
from deliverydesk.reports.progress_report import progress_report_pdf
from tests.unit.reports_support import reader, text_runs

TODAY = date(2026, 11, 23)
BRAND = Brand("North Star Coaching", owner_name="Jo Park", email="jo@northstar.example")
SENTENCE = "We kept the Friday review going and it made the rest of the week easier."


def _report(
    needed: int = 10, title: str = "Send the signed brief", note: str = "", brand: Brand = BRAND
) -> ProgressReport:
    day = timedelta(days=1)
    phases = tuple(
        MapPhase(
            name,
            status,
            TODAY - 30 * day + 14 * n * day,
            TODAY - 17 * day + 14 * n * day,
        )
        for n, (name, status) in enumerate(
            [
                ("Onboarding", PhaseStatus.DONE),
                ("Discovery", PhaseStatus.DONE),
                ("Strategy", PhaseStatus.CURRENT),
                ("Momentum", PhaseStatus.UPCOMING),
                ("Integration", PhaseStatus.UPCOMING),
            ]
        )
    )
    return ProgressReport(
        brand=brand,
        client_name="Hannah Lindqvist",
        offer_name="12-Week Clarity Coaching",
        today=TODAY,
        journey_map=JourneyMap(phases, 15, 31),
        summary="You are in phase 3 of 5, Strategy: 15 of 31 steps done.",
        wins=tuple(
            Item(f"Coaching session {n}: what you want instead", TODAY - n * day, Owner.ME)
            for n in range(1, 9)
        ),
        wins_since=TODAY - 28 * day,
        more_wins=2,
        coming_next=tuple(
            Item(f"Coaching session {n} and notes", TODAY + n * day, Owner.ME) for n in range(5, 10)
        ),
        needed=tuple(
            Item(f"{title} {n}", TODAY + (n - 3) * day, Owner.CLIENT, late=n < 3)
            for n in range(needed)
        ),
        more_needed=3,
        note=note,
    )


def _page_texts(pdf: bytes) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in reader(pdf).pages]


@pytest.mark.parametrize("size", [A4, LETTER])  # Letter is 18 mm shorter
def test_a_typical_client_reads_everything_on_one_page_with_the_rest_counted(size: str) -> None:
    pages = _page_texts(progress_report_pdf(_report(brand=replace(BRAND, page_size=size))))
    assert len(pages) == 1
    (page,) = pages
    assert re.search(r"and \d+ more since 26 Oct 2026", page)
    assert re.search(r"and \d+ more on your checklist", page)
    assert "Send the signed brief 0" in page  # late ones first, as the data has them
    assert "How is it going?" in page


def test_a_list_that_must_split_repeats_its_heading_and_keeps_the_box_company() -> None:
    long_title = "Gather every brand asset you have, from the old logo files " * 8
    pages = _page_texts(progress_report_pdf(_report(needed=5, title=long_title)))
    assert len(pages) == 2
    assert "WHAT WE NEED FROM YOU (CONTINUED)" in pages[1]
    assert "WHAT WE NEED FROM YOU" in pages[0].upper()
    # The feedback box never sits alone: a row of the list is on its page.
    (with_box,) = [p for p in pages if "How is it going?" in p]
    assert "Gather every brand asset" in with_box


def test_a_long_note_is_never_broken_mid_sentence() -> None:
    note = " ".join(f"{SENTENCE[:-1]} number {n}." for n in range(120))  # ~10,000 characters
    pdf = progress_report_pdf(_report(needed=2, note=note))
    words = set(note.split())
    lines = [
        text
        for page in range(len(reader(pdf).pages))
        for text, _, _ in text_runs(pdf, page)
        if set(text.split()) <= words
    ]
    full = max(len(text) for text in lines)  # the note's words are short: full lines vary little
    short = [text for text in lines if len(text) < full - 12]
    # A line ends early only where a sentence ends (the end of a paragraph).
    assert len(lines) > 80
    assert all(text.endswith(".") for text in short), short


@pytest.mark.parametrize("size", [A4, LETTER])
def test_a_note_that_goes_to_page_two_leaves_the_lists_whole_on_page_one(size: str) -> None:
    """The note moves to page 2 with its heading and the feedback box; the lists are
    capped so that they end on page 1, rather than leaving a row of them on page 2."""
    note = " ".join([SENTENCE] * 6)
    brand = replace(BRAND, page_size=size)
    pages = _page_texts(progress_report_pdf(_report(note=note, brand=brand)))
    assert len(pages) == 2
    assert "(CONTINUED)" not in pages[1].upper()
    assert pages[1].index("A note from Jo Park") < pages[1].index("How is it going?")
    assert re.search(r"and \d+ more on your checklist", pages[0])
