"""The client's paper, read back the way the client's PDF reader sees it: every section true
to the data, fonts embedded, the page furniture, and nothing the practitioner did not put
there."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from deliverydesk.reports.checklist import checklist_pdf
from deliverydesk.reports.intake_form import intake_form_pdf
from deliverydesk.reports.onboarding_pack import onboarding_pack_pdf
from deliverydesk.reports.progress_report import progress_report_pdf
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.journeys.detail import journey_detail
from deliverydesk.services.journeys.journeys import complete_step
from deliverydesk.services.paper import report_data, report_packs
from deliverydesk.services.paper.report_export import DocumentKind, export_document
from deliverydesk.services.practice.brand import brand_settings, import_logo, update_brand
from tests.unit.reports_support import enrol, fonts, images, link_targets, practice, reader, text

TODAY = date(2026, 11, 23)


@pytest.fixture
def sprint(ctx: Context) -> tuple[Context, int]:
    """Ana, two weeks into a three-phase sprint: the welcome call and the draft done."""
    practice(ctx)
    enrolled = enrol(ctx, "Ana Souza", company="Souza Studio")
    steps = {
        s.title: s.id for p in journey_detail(ctx, enrolled.journey_id).phases for s in p.steps
    }
    complete_step(ctx, steps["Welcome call"], on=date(2026, 11, 2))
    complete_step(ctx, steps["Draft the plan"], on=date(2026, 11, 10))
    return ctx, enrolled.client_id


def test_the_progress_report_says_where_the_client_is_and_what_comes_next(
    sprint: tuple[Context, int],
) -> None:
    ctx, client_id = sprint
    values = report_data.progress_report(ctx, client_id, note="Lovely work this week, Ana.")
    pdf = progress_report_pdf(values)
    words = text(pdf)

    assert "Your progress" in words
    assert "Ana Souza, Souza Studio" in words
    assert "Clarity Sprint Ana Souza" in words
    assert values.summary in words  # the one sentence, as the data has it
    assert values.summary == (
        "You are in phase 1 of 3, Onboarding: 2 of 5 steps done; "
        "next milestone: Final review, was due 12 Nov 2026, 11 days late."  # never "next" alone
    )
    # Recent wins: the two steps done, with their dates; the internal step never shows.
    assert [w.title for w in values.wins] == ["Draft the plan", "Welcome call"]
    assert "Draft the plan 10 Nov 2026" in words
    assert "Welcome call 2 Nov 2026" in words
    assert "Prepare the workbook" not in words
    # What we need from you: the client's open steps, the late one said in words.
    # (A form is asked in the client's words: its title is the practitioner's.)
    assert [n.title for n in values.needed] == [
        "Fill in and send back the form",
        "Mark up the draft",
    ]
    assert "Fill in and send back the form Late: was due 3 Nov 2026" in words
    assert "Final review" in words  # what comes next, with its owner
    assert "A note from Jo Park" in words and "Lovely work this week, Ana." in words
    assert "How is it going?" in words
    assert "You are here" in words
    assert "Page 1 of" in words
    document = reader(pdf)
    assert document.metadata is not None
    assert document.metadata.title == "Your progress: Ana Souza"
    assert document.metadata.author == "North Star Coaching"
    assert document.metadata.creator == "DeliveryDesk"
    assert len(document.pages) <= 2


def test_every_document_embeds_its_fonts_and_nothing_else(sprint: tuple[Context, int]) -> None:
    ctx, client_id = sprint
    for pdf in (
        progress_report_pdf(report_data.progress_report(ctx, client_id)),
        onboarding_pack_pdf(report_packs.onboarding_pack(ctx, client_id=client_id)),
        checklist_pdf(report_packs.checklist(ctx, client_id=client_id)),
        intake_form_pdf(report_packs.intake_form(ctx, client_id=client_id)),
    ):
        used = fonts(pdf)
        assert used and all(used.values()), used  # every font embedded (subset)
        assert not any("Helvetica" in name or "Times" in name for name in used)
        assert link_targets(pdf) == []
        assert images(pdf) == 0  # no logo set, so no image at all


def test_the_onboarding_pack_carries_the_promise_letter_journey_and_checklist(
    sprint: tuple[Context, int],
) -> None:
    ctx, client_id = sprint
    values = report_packs.onboarding_pack(ctx, client_id=client_id)
    pdf = onboarding_pack_pdf(values)
    words = text(pdf)

    assert "A plan you believe in, in three weeks." in words
    assert "PREPARED FOR Ana Souza" in words
    # The welcome letter, its placeholders filled from the journey.
    assert values.welcome_letter == (
        "Hi Ana, welcome to Clarity Sprint Ana Souza! "
        "First: Fill in and send back the form by 3 Nov 2026 (a date now past)."
    )
    assert values.welcome_letter in words
    for phase in ("Onboarding", "Deep work", "Wrap-up"):
        assert phase in words
    assert "Paperwork done, the map in hand." in words  # each phase's purpose
    assert "Sessions moved with less than a day's notice count as held." in words
    assert "Your checklist" in words and "Key contacts" in words and "Jo Park" in words
    assert "Contents" in words
    document = reader(pdf)
    assert 4 <= len(document.pages) <= 7
    outline = [item.title for item in document.outline if not isinstance(item, list)]
    assert outline == [
        "Welcome",
        "Your journey",
        "How we work together",
        "Key contacts",
        "Your checklist",
    ]


def test_an_offer_as_a_template_has_weeks_instead_of_dates(ctx: Context) -> None:
    practice(ctx)
    offer_id = enrol(ctx, "Ana Souza").offer_id
    words = text(onboarding_pack_pdf(report_packs.onboarding_pack(ctx, offer_id=offer_id)))
    assert "Hi there, welcome to Clarity Sprint Ana Souza!" in words
    assert "PREPARED FOR" not in words
    assert "Week 1" in words
    checklist = text(checklist_pdf(report_packs.checklist(ctx, offer_id=offer_id)))
    assert "Welcome call" in checklist and "Final review" in checklist


def test_the_checklist_lists_every_client_facing_step_with_its_due_date(
    sprint: tuple[Context, int],
) -> None:
    ctx, client_id = sprint
    values = report_packs.checklist(ctx, client_id=client_id)
    words = text(checklist_pdf(values))
    items = [item for phase in values.phases for item in phase.items]
    assert [i.title for i in items] == [
        "Welcome call",
        "Fill in and send back the form",  # a form, in the client's words
        "Draft the plan",
        "Mark up the draft",
        "Final review",
    ]
    assert [i.done for i in items] == [True, False, True, False, False]
    assert "Welcome call Jo 2 Nov 2026" in words
    assert "Fill in and send back the form You 3 Nov 2026" in words
    assert "Notes" in words
    assert "Prepare the workbook" not in words


def test_the_intake_form_has_a_field_per_question_and_its_hidden_key(
    sprint: tuple[Context, int],
) -> None:
    ctx, client_id = sprint
    pdf = intake_form_pdf(report_packs.intake_form(ctx, client_id=client_id))
    fields = reader(pdf).get_fields() or {}
    assert set(fields) == {"q1", "q2", "q3", "q4", "q5", "deliverydesk_form"}
    assert str(fields["deliverydesk_form"]["/V"]).startswith(f"v2:{client_id}:")
    words = text(pdf)
    assert "1. What brings you here now?" in words
    assert "Ana Souza" in words  # printed, not a field: it cannot be changed
    assert "More" in words and "Yes" in words and "No" in words


def test_the_logo_is_the_only_image_and_a_broken_one_is_left_out_with_a_message(
    sprint: tuple[Context, int], tmp_path: Path
) -> None:
    from PIL import Image

    ctx, client_id = sprint
    logo = tmp_path / "logo.png"
    Image.new("RGB", (300, 120), "#2F6F73").save(logo)
    stored = import_logo(ctx, logo)
    update_brand(
        ctx, brand_settings(ctx).__class__(**{**vars_of(brand_settings(ctx)), "logo_path": stored})
    )

    good = export_document(ctx, DocumentKind.PROGRESS, tmp_path / "a.pdf", client_id=client_id)
    assert good.notes == ()
    assert images((tmp_path / "a.pdf").read_bytes()) == 1

    stored_file = ctx.path.parent / stored
    stored_file.write_bytes(stored_file.read_bytes()[:200])  # a damaged file
    damaged = export_document(ctx, DocumentKind.PROGRESS, tmp_path / "b.pdf", client_id=client_id)
    assert damaged.notes == (
        "The logo file " + stored_file.name + " is damaged; the practice name is shown instead.",
    )
    pdf = (tmp_path / "b.pdf").read_bytes()
    assert images(pdf) == 0
    assert "North Star Coaching" in text(pdf)

    stored_file.unlink()  # a missing file
    missing = export_document(ctx, DocumentKind.PROGRESS, tmp_path / "c.pdf", client_id=client_id)
    assert "is missing" in missing.notes[0]


def vars_of(settings: object) -> dict[str, object]:
    import dataclasses

    return {f.name: getattr(settings, f.name) for f in dataclasses.fields(settings)}  # type: ignore[arg-type]


def test_a_file_that_is_not_an_image_is_refused_as_a_logo(ctx: Context, tmp_path: Path) -> None:
    practice(ctx)
    fake = tmp_path / "logo.png"
    fake.write_text("<svg/>")
    with pytest.raises(InvalidInput, match="damaged"):
        import_logo(ctx, fake)
    assert not (ctx.path.parent / "brand").exists() or not any(
        (ctx.path.parent / "brand").iterdir()
    )


def test_exports_are_written_whole_and_private(sprint: tuple[Context, int], tmp_path: Path) -> None:
    ctx, client_id = sprint
    out = tmp_path / "out"
    out.mkdir()
    path = out / "report.pdf"
    path.write_bytes(b"the old report")
    export_document(ctx, DocumentKind.CHECKLIST, path, client_id=client_id)
    assert path.read_bytes().startswith(b"%PDF")
    assert [p.name for p in out.iterdir()] == ["report.pdf"]  # no temporary left
    assert path.stat().st_mode & 0o077 == 0


def test_a_batch_writes_one_report_per_active_client_and_stops_when_cancelled(
    ctx: Context, tmp_path: Path
) -> None:
    from deliverydesk.services.paper.report_export import export_progress_batch

    practice(ctx)
    for name in ("Ana Souza", "Ben Okafor", "Ana Souza"):  # namesakes get their number
        enrol(ctx, name)
    out = tmp_path / "reports"
    out.mkdir()
    seen: list[tuple[int, int]] = []
    done = export_progress_batch(
        ctx, out, workers=2, progress=lambda n, total: seen.append((n, total))
    )
    assert sorted(p.name for p in out.iterdir()) == [
        "Progress report - Ana Souza (3).pdf",
        "Progress report - Ana Souza.pdf",
        "Progress report - Ben Okafor.pdf",
    ]
    assert len(done) == 3 and seen[-1] == (3, 3)
    assert all(reader(p.path.read_bytes()).pages for p in done)

    again = tmp_path / "again"
    again.mkdir()
    stopped = export_progress_batch(
        ctx, again, workers=1, cancelled=lambda: len(list(again.iterdir())) >= 1
    )
    assert len(stopped) == 1 and len(list(again.iterdir())) == 1


def test_the_brand_band_clips_a_long_name_and_milestones_reached_wear_the_accent(
    sprint: tuple[Context, int],
) -> None:
    ctx, client_id = sprint
    long_name = "Northlight " * 18  # 198 characters: would run out of the band
    settings = replace(brand_settings(ctx), name=long_name.strip(), accent_color="#AA00FF")
    update_brand(ctx, settings)
    pdf = progress_report_pdf(report_data.progress_report(ctx, client_id))

    first_page = reader(pdf).pages[0]
    band = " ".join(first_page.extract_text().splitlines()[:2])
    assert band.startswith("Northlight Northlight") and band.endswith("…")
    assert len(band) <= 50
    # "Draft the plan", a milestone, is done: its diamond is filled with the accent.
    assert b".666667 0 1 rg" in first_page.get_contents().get_data()
