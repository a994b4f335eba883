"""The printed checklist: "Who" and "Due" over their columns, the owner on the step's own
line, about twenty steps on one page, and an offer's template in weeks that agree with
the offer's length."""

from __future__ import annotations

import re
from datetime import date

import pytest

from deliverydesk.model.rules.offer_design import OfferSpec
from deliverydesk.reports.checklist import checklist_pdf
from deliverydesk.reports.onboarding_pack import onboarding_pack_pdf
from deliverydesk.seeding.offer_templates import OFFERS
from deliverydesk.services.context import Context
from deliverydesk.services.paper import report_packs
from deliverydesk.services.practice.practice import create_practice
from tests.unit.reports_support import enrol, practice, reader, text, text_runs

AUDIT = OFFERS["brand"]  # 19 client-facing steps in five phases, sold as six weeks


def test_each_phase_has_who_and_due_over_its_columns_and_the_owner_sits_on_the_step_line(
    ctx: Context,
) -> None:
    practice(ctx)
    enrolled = enrol(ctx, "Ana Souza", AUDIT, start=date(2026, 11, 2))
    pdf = checklist_pdf(report_packs.checklist(ctx, client_id=enrolled.client_id))
    runs = text_runs(pdf, 0)
    heads = [y for shown, _, y in runs if shown == "Who"]
    dues = [y for shown, _, y in runs if shown == "Due"]
    assert len(heads) == len(dues) == len(AUDIT.phases)
    assert heads == dues
    (step,) = [y for shown, _, y in runs if shown == "Stakeholder interviews (up to four)"]
    owners = [y for shown, _, y in runs if shown == "Jo" and abs(y - step) < 6]
    assert owners == [step]  # the same baseline as the step's title


@pytest.mark.parametrize(
    ("offer", "steps", "last"),
    [
        (AUDIT, 19, "Our 30-day follow-up"),  # the last step, in the client's words
        (OFFERS["manuscript"], 23, "A thank-you note"),
    ],
)
def test_an_offer_of_up_to_twenty_three_steps_fits_one_page(
    ctx: Context, offer: OfferSpec, steps: int, last: str
) -> None:
    practice(ctx)
    enrolled = enrol(ctx, "Ana Souza", offer, start=date(2026, 11, 2))
    for values in (
        report_packs.checklist(ctx, client_id=enrolled.client_id),
        report_packs.checklist(ctx, offer_id=enrolled.offer_id),
    ):
        assert sum(len(p.items) for p in values.phases) == steps
        pdf = checklist_pdf(values)
        assert len(reader(pdf).pages) == 1
        assert last in text(pdf)


def test_thirty_one_steps_fill_page_one_and_page_two_continues_the_phase_under_its_head(
    ctx: Context,
) -> None:
    """Page one is filled (the phase that crosses the page splits rather than leaving a
    gap), and page two starts with that phase's head again, "(continued)", over "Who" and
    "Due"; neither page holds a lone row of the phase."""
    practice(ctx)
    coaching = OFFERS["coaching"]
    enrolled = enrol(ctx, "Ana Souza", coaching, start=date(2026, 11, 2))
    pdf = checklist_pdf(report_packs.checklist(ctx, client_id=enrolled.client_id))
    pages = reader(pdf).pages
    assert len(pages) == 2
    first, second = (page.extract_text() or "" for page in pages)
    first, second = (re.sub(r"[ \xa0]+", " ", page) for page in (first, second))
    crossing = next(p for p in coaching.phases if f"{p.name} (continued)" in second)
    assert crossing.name in first
    top = second.split("\n")
    heads = [n for n, line in enumerate(top) if line.startswith(f"{crossing.name} (continued)")]
    assert heads and "Who" in top[heads[0]] + top[heads[0] + 1]
    titles = [s.client_wording or s.title for s in crossing.steps if s.client_facing]
    on_first = [t for t in titles if t in first]
    assert 2 <= len(on_first) <= len(titles) - 2  # no lone row on either page
    assert all(t in second for t in titles if t not in on_first)


@pytest.mark.parametrize("weekdays", [frozenset({1, 2, 3, 4, 5}), frozenset({1, 2, 3, 4})])
def test_an_offer_template_prints_weeks_within_the_offers_length(
    ctx: Context, weekdays: frozenset[int]
) -> None:
    create_practice(ctx, "North Star Coaching", 30, weekdays, owner_name="Jo Park")
    offer_id = enrol(ctx, "Ana Souza", AUDIT).offer_id
    for pdf in (
        checklist_pdf(report_packs.checklist(ctx, offer_id=offer_id)),
        onboarding_pack_pdf(report_packs.onboarding_pack(ctx, offer_id=offer_id)),
    ):
        words = text(pdf)
        weeks = [int(n) for n in re.findall(r"Weeks? (\d+)", words)]
        weeks += [int(n) for n in re.findall(r"Weeks \d+–(\d+)", words)]
        assert weeks and 5 <= max(weeks) <= AUDIT.duration_weeks == 6
        # No calendar date but the day it was printed (23 Nov 2026).
        assert re.findall(r"\d{1,2} [A-Z][a-z]{2} 20\d\d", words.replace("23 Nov 2026", "")) == []
