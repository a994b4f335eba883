"""Bad input on the client's paper: markup in names prints literally and never becomes a
link or an image; every script prints (or is reported before export); huge text flows over
pages instead of stopping the export."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from deliverydesk.model.rules.enums import Owner, StepKind
from deliverydesk.model.rules.offer_design import PhaseSpec, StepSpec
from deliverydesk.reports.fonts import missing_characters
from deliverydesk.services.context import Context
from deliverydesk.services.paper import report_data, report_packs
from deliverydesk.services.paper.report_export import (
    DocumentKind,
    render,
)
from deliverydesk.services.paper.report_export import (
    missing_characters as missing_in,
)
from deliverydesk.services.practice.brand import brand_settings, update_brand
from tests.unit.reports_support import (
    OFFER,
    enrol,
    folded,
    images,
    link_targets,
    practice,
    reader,
    text,
)

INJECTIONS = [
    "<b>Jo & Co",
    '<img src="/etc/passwd">',
    '<a href="http://x">click me</a>',
    '<font name="/etc/passwd">Fontish</font>',
    "<font color=\"[[[__import__('os')]]]\">red</font>",
    "R&D &copy; <br/> <i>",
    '<a href="javascript:alert(1)">js</a>',
]


def _all_documents(ctx: Context, client_id: int, note: str = "") -> dict[DocumentKind, bytes]:
    pdfs = {}
    for kind in DocumentKind:
        from deliverydesk.services.paper.report_export import document_data

        values = document_data(ctx, kind, client_id=client_id, note=note)
        pdfs[kind] = render(kind, values)
    return pdfs


@pytest.mark.parametrize("evil", INJECTIONS)
def test_markup_in_every_field_prints_literally_and_adds_no_link_or_image(
    ctx: Context, evil: str
) -> None:
    practice(ctx)
    update_brand(
        ctx, replace(brand_settings(ctx), name=f"Studio {evil}", tagline=evil, footer_text=evil)
    )
    offer = replace(
        OFFER,
        promise=f"Promise {evil}",
        phases=tuple(
            replace(
                p,
                name=f"{p.name} {evil}"[:200],
                steps=tuple(replace(s, title=f"{s.title} {evil}") for s in p.steps),
            )
            for p in OFFER.phases
        ),
    )
    enrolled = enrol(ctx, f"Client {evil}", offer=offer, company=evil)
    for kind, pdf in _all_documents(ctx, enrolled.client_id, note=f"Note {evil}").items():
        words = text(pdf)
        assert evil.replace("<br/>", "<br/>") in words or " ".join(evil.split()) in words, kind
        assert link_targets(pdf) == [], kind
        assert images(pdf) == 0, kind


SCRIPTS = {
    "latin": "Łukasz Żółć-Dąbrowski",
    "cyrillic": "Дарья Соколова",
    "greek": "Ελένη Παπαδοπούλου",
    "hebrew": "דנה כהן",
    "arabic": "مريم حداد",
}


@pytest.mark.parametrize("script", list(SCRIPTS))
def test_every_script_prints_in_an_embedded_font(ctx: Context, script: str) -> None:
    name = SCRIPTS[script]
    practice(ctx)
    enrolled = enrol(ctx, name)
    values = report_data.progress_report(
        ctx, enrolled.client_id, note=f"{name}: שלום, سلام, hello 12."
    )
    assert missing_in(values) == []
    pdfs = _all_documents(ctx, enrolled.client_id, note=f"{name}: hello")
    for pdf in pdfs.values():
        words = text(pdf)
        assert "■" not in words
        if script in ("latin", "cyrillic", "greek"):
            assert name in words  # left-to-right scripts read back exactly
        else:  # right-to-left: shaped and reordered; the same letters, in any order
            assert set(folded(name)) <= set(folded(words))


def test_emoji_are_reported_before_export_and_do_not_stop_it(ctx: Context) -> None:
    practice(ctx)
    enrolled = enrol(ctx, "Zoë 😀 Müller", company="田中書房")
    values = report_data.progress_report(ctx, enrolled.client_id, note="Great week ✅")
    # DejaVu Sans has a plain 😀, Droid Sans Fallback the Chinese; nothing bundled has ✅.
    assert missing_in(values) == ["✅"]
    pdf = render(DocumentKind.PROGRESS, values)
    assert "Zoë" in text(pdf) and "Müller" in text(pdf) and "田中書房" in text(pdf)
    assert missing_characters(["plain text, Łódź, Привет, שלום"]) == []


def test_a_megabyte_note_and_a_5000_character_word_flow_over_pages(ctx: Context) -> None:
    practice(ctx)
    enrolled = enrol(ctx, "Ana Souza")
    note = ("A long note about the week. " * 37_000)[:1_000_000] + " " + "x" * 5_000
    values = report_data.progress_report(ctx, enrolled.client_id, note=note)
    pdf = render(DocumentKind.PROGRESS, values)
    pages = reader(pdf).pages
    assert len(pages) > 50
    assert "xxxxxxxxxx" in (pages[-1].extract_text() or "")


def test_a_long_right_to_left_note_flows_too(ctx: Context) -> None:
    practice(ctx)
    enrolled = enrol(ctx, "דנה כהן")
    note = "שלום עולם, זה פתק ארוך. " * 3_000 + "א" * 5_000
    pdf = render(
        DocumentKind.PROGRESS, report_data.progress_report(ctx, enrolled.client_id, note=note)
    )
    assert len(reader(pdf).pages) > 5


def test_300_steps_and_10000_character_names_make_valid_multi_page_documents(ctx: Context) -> None:
    practice(ctx)
    phases = tuple(
        PhaseSpec(
            f"Phase {p + 1} " + "with a rather long name " * 8,
            40,
            tuple(
                StepSpec(
                    f"Step {p * 30 + s + 1}: " + "a long step title " * 15,
                    StepKind.HOMEWORK if s % 3 else StepKind.SESSION,
                    Owner.CLIENT if s % 3 else Owner.ME,
                    offset_days=s,
                    is_milestone=s == 29,
                    description="What to do. " * 200,
                )
                for s in range(30)
            ),
            description="Why this phase matters. " * 300,
        )
        for p in range(10)
    )
    offer = replace(OFFER, phases=phases, boundaries="No calls after 6pm. " * 400)
    enrolled = enrol(ctx, "N" * 10_000, offer=offer, start=date(2026, 6, 1))
    pdfs = _all_documents(ctx, enrolled.client_id, note="A short note.")
    # Ten open steps of the client's with 300-character titles: still only a few pages.
    assert len(reader(pdfs[DocumentKind.PROGRESS]).pages) <= 4
    assert len(reader(pdfs[DocumentKind.CHECKLIST]).pages) > 5
    assert len(reader(pdfs[DocumentKind.ONBOARDING]).pages) > 10
    words = text(pdfs[DocumentKind.CHECKLIST])
    assert "Step 300:" in words
    template = report_packs.onboarding_pack(ctx, offer_id=enrolled.offer_id)
    assert len(reader(render(DocumentKind.ONBOARDING, template)).pages) > 10
