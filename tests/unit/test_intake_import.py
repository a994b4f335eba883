"""Importing a filled intake form as the window does: who the form names, the answers and
the intake step saved, and undone."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from deliverydesk.model.entities import JourneyStep
from deliverydesk.model.rules.under_way import Reached
from deliverydesk.services.clients.clients import ClientInput, add_client, enrol_client
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.journeys.detail import journey_detail
from deliverydesk.services.journeys.journeys import complete_step, reopen_step
from deliverydesk.services.offers.offers import create_offer
from deliverydesk.services.paper.intake import (
    form_address,
    intake_record,
    read_filled_form,
    restore_intake,
    save_intake_answers,
)
from deliverydesk.services.paper.report_export import DocumentKind, export_document
from deliverydesk.services.views.dashboard import dashboard
from tests.conftest import seed_demo_afresh
from tests.unit.data_support import open_copy, seed_template
from tests.unit.reports_support import OFFER, Enrolled, enrol, fill, practice


@pytest.fixture
def sent(ctx: Context, tmp_path: Path) -> tuple[Context, Enrolled, Path]:
    practice(ctx)
    enrolled = enrol(ctx, "Ana Souza")
    blank = tmp_path / "intake.pdf"
    export_document(ctx, DocumentKind.INTAKE, blank, client_id=enrolled.client_id)
    filled = tmp_path / "filled.pdf"
    fill(blank, filled, {"q1": "Too many yeses.", "q3": "/c2"})
    return ctx, enrolled, filled


def intake_step_done(ctx: Context, enrolled: Enrolled) -> object:
    steps = {s.title: s for p in journey_detail(ctx, enrolled.journey_id).phases for s in p.steps}
    return steps["Intake form"].completed_on


def test_a_form_names_the_client_and_offer_it_was_made_for(
    sent: tuple[Context, Enrolled, Path], tmp_path: Path
) -> None:
    ctx, enrolled, filled = sent
    address = form_address(ctx, filled)
    assert (address.client_id, address.client_name) == (enrolled.client_id, "Ana Souza")
    assert address.offer_id == enrolled.offer_id
    assert address.offer_name.startswith("Clarity Sprint")

    template = tmp_path / "template.pdf"
    export_document(ctx, DocumentKind.INTAKE, template, offer_id=enrolled.offer_id)
    address = form_address(ctx, template)
    assert (address.client_id, address.client_name) == (None, "")


def test_an_altered_form_names_no_one(sent: tuple[Context, Enrolled, Path], tmp_path: Path) -> None:
    ctx, _enrolled, filled = sent
    key = str(PdfReader(filled).get_fields()["deliverydesk_form"]["/V"])  # type: ignore[index]
    tampered = tmp_path / "tampered.pdf"
    fill(filled, tampered, {"deliverydesk_form": key[:-1] + ("0" if key[-1] != "0" else "1")})
    with pytest.raises(InvalidInput, match="altered or comes from another practice"):
        form_address(ctx, tampered)
    junk = tmp_path / "junk.pdf"
    junk.write_text("not a pdf")
    with pytest.raises(InvalidInput, match="not a PDF|not a DeliveryDesk intake form"):
        form_address(ctx, junk)


def test_undoing_an_import_puts_back_the_answers_and_opens_the_step_again(
    sent: tuple[Context, Enrolled, Path],
) -> None:
    ctx, enrolled, filled = sent
    assert intake_record(ctx, enrolled.client_id).answers == ()
    form = read_filled_form(ctx, filled, enrolled.client_id)
    saved = save_intake_answers(ctx, enrolled.client_id, form)
    record = intake_record(ctx, enrolled.client_id)
    assert record.received_on == ctx.clock.today()
    assert record.offer_name == form.offer_name
    assert [(a.question, a.answer) for a in record.answers][0] == (
        "What brings you here now?",
        "Too many yeses.",
    )
    assert intake_step_done(ctx, enrolled) == ctx.clock.today()
    assert enrolled.journey_id in saved.changes.journeys

    undone = restore_intake(ctx, enrolled.client_id, saved.value)
    assert intake_record(ctx, enrolled.client_id).answers == ()
    assert intake_step_done(ctx, enrolled) is None
    assert enrolled.client_id in undone.changes.clients
    log = [a.kind.value for a in journey_detail(ctx, enrolled.journey_id).activity]
    assert log[0] == "step_reopened"


def test_a_second_import_is_undone_to_the_first_answers(
    sent: tuple[Context, Enrolled, Path], tmp_path: Path
) -> None:
    ctx, enrolled, filled = sent
    first = read_filled_form(ctx, filled, enrolled.client_id)
    save_intake_answers(ctx, enrolled.client_id, first)
    again = tmp_path / "again.pdf"
    fill(filled, again, {"q1": "Fewer yeses now."})
    second = save_intake_answers(
        ctx, enrolled.client_id, read_filled_form(ctx, again, enrolled.client_id)
    )
    assert second.value.step_id is None  # already ticked by the first
    restore_intake(ctx, enrolled.client_id, second.value)
    assert intake_record(ctx, enrolled.client_id).answers == first.answers
    assert intake_step_done(ctx, enrolled) == ctx.clock.today()  # still the first one's tick


def test_a_step_marked_done_on_another_day_since_is_left_done(
    sent: tuple[Context, Enrolled, Path],
) -> None:
    ctx, enrolled, filled = sent
    form = read_filled_form(ctx, filled, enrolled.client_id)
    saved = save_intake_answers(ctx, enrolled.client_id, form).value
    assert saved.step_id is not None
    reopen_step(ctx, saved.step_id)
    earlier = ctx.clock.today() - timedelta(days=1)
    complete_step(ctx, saved.step_id, earlier)
    restore_intake(ctx, enrolled.client_id, saved)
    assert intake_record(ctx, enrolled.client_id).answers == ()
    assert intake_step_done(ctx, enrolled) == earlier


def test_two_demo_practices_made_with_the_same_clock_refuse_each_others_forms(
    tmp_path: Path,
) -> None:
    """Same ids, same creation time (FixedClock), same offers and clients: only each
    practice's own random secret tells their forms apart."""
    # Each seeded on its own (a copy of one seeded practice would share its secret too).
    seed_demo_afresh(tmp_path / "a")
    ours, theirs = (
        open_copy(folder, tmp_path / f"{folder.name}-open")
        for folder in (tmp_path / "a", seed_template(tmp_path / "b"))
    )
    try:
        blank, filled = tmp_path / "blank.pdf", tmp_path / "filled.pdf"
        export_document(theirs, DocumentKind.INTAKE, blank, client_id=1)
        fill(blank, filled, {"q1": "Less noise, more focus."})
        assert form_address(theirs, filled).client_id == 1  # theirs reads it

        with pytest.raises(InvalidInput) as refused:
            form_address(ours, filled)
        assert str(refused.value) == (
            "This intake form was altered or comes from another practice: its form key "
            "does not match."
        )
        with pytest.raises(InvalidInput, match="comes from another practice"):
            read_filled_form(ours, filled, 1)
    finally:
        ours.close()
        theirs.close()


def test_a_form_ticking_a_step_brought_in_and_opened_again_counts_it_as_today_s_work(
    ctx: Context, tmp_path: Path
) -> None:
    """A client enrolled already under way has the intake step done before DeliveryDesk
    (brought in: not counted on time or late). Opened again and then ticked by the imported
    form, it is work done today like a tick by hand; undoing the import brings the mark back."""
    practice(ctx)
    offer_id, _ = create_offer(ctx, OFFER)
    client_id = add_client(ctx, ClientInput("Ana Souza")).value
    start = ctx.clock.today() - timedelta(weeks=8)
    journey_id = enrol_client(ctx, client_id, offer_id, start, reached=Reached(phase=2)).value
    enrolled = Enrolled(client_id, offer_id, journey_id)
    step = _intake_step(ctx, journey_id)
    assert step.brought_in
    reopen_step(ctx, step.id)

    blank, filled = tmp_path / "intake.pdf", tmp_path / "filled.pdf"
    export_document(ctx, DocumentKind.INTAKE, blank, client_id=client_id)
    fill(blank, filled, {"q1": "Too many yeses."})
    saved = save_intake_answers(ctx, client_id, read_filled_form(ctx, filled, client_id))
    assert intake_step_done(ctx, enrolled) == ctx.clock.today()
    assert not _intake_step(ctx, journey_id).brought_in
    assert dashboard(ctx).on_time.steps.hits == 0  # done today, weeks after it was due: late

    restore_intake(ctx, client_id, saved.value)
    assert intake_step_done(ctx, enrolled) is None
    assert _intake_step(ctx, journey_id).brought_in


def _intake_step(ctx: Context, journey_id: int) -> JourneyStep:
    with ctx.transaction() as session:
        step = session.query(JourneyStep).filter_by(journey_id=journey_id, title="Intake form")
        found = step.one()
        session.expunge_all()
        return found
