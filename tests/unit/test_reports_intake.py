"""The intake form's round trip: sent as a fillable PDF, filled in a PDF reader, read back
into the client's record with the intake step ticked; a foreign or altered form refused."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from deliverydesk.model.rules.enums import QuestionKind
from deliverydesk.model.rules.offer_design import IntakeQuestion
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.journeys.detail import journey_detail
from deliverydesk.services.offers.offer_design import offer_design, save_offer
from deliverydesk.services.paper.intake import intake_answers, read_filled_form, save_intake_answers
from deliverydesk.services.paper.report_export import DocumentKind, export_document
from tests.unit.reports_support import OFFER, Enrolled, enrol, fill, practice

ANSWERS = {
    "q1": "I keep saying yes to everything.\nTime to choose.",
    "q2": "Souza Studio — Łódź",
    "q3": "/c1",  # "3-5"
    "q4": "/c0",  # "Yes"
    "q5": "2026-12-01",
}


@pytest.fixture
def sent(ctx: Context, tmp_path: Path) -> tuple[Context, Enrolled, Path]:
    practice(ctx)
    enrolled = enrol(ctx, "Ana Souza")
    blank = tmp_path / "intake.pdf"
    export_document(ctx, DocumentKind.INTAKE, blank, client_id=enrolled.client_id)
    return ctx, enrolled, blank


def test_a_filled_form_comes_back_into_the_clients_record_and_ticks_the_intake_step(
    sent: tuple[Context, Enrolled, Path], tmp_path: Path
) -> None:
    ctx, enrolled, blank = sent
    filled = tmp_path / "filled.pdf"
    fill(blank, filled, ANSWERS)

    form = read_filled_form(ctx, filled, enrolled.client_id)
    assert [(a.question, a.answer) for a in form.answers] == [
        ("What brings you here now?", "I keep saying yes to everything.\nTime to choose."),
        ("Your company's name", "Souza Studio — Łódź"),
        ("Hours a week for your part", "3-5"),
        ("Worked with a coach before?", "Yes"),
        ("Best start date", "2026-12-01"),
    ]
    saved = save_intake_answers(ctx, enrolled.client_id, form)
    assert saved.value.step_id is not None and saved.value.before == {}
    assert intake_answers(ctx, enrolled.client_id) == form.answers
    steps = {s.title: s for p in journey_detail(ctx, enrolled.journey_id).phases for s in p.steps}
    assert steps["Intake form"].completed_on == ctx.clock.today()
    log = [a.kind.value for a in journey_detail(ctx, enrolled.journey_id).activity]
    assert log[:2] == ["step_completed", "intake_received"]


def test_a_form_left_blank_saves_empty_answers(
    sent: tuple[Context, Enrolled, Path], tmp_path: Path
) -> None:
    ctx, enrolled, blank = sent
    form = read_filled_form(ctx, blank, enrolled.client_id)
    assert [a.answer for a in form.answers] == ["", "", "", "", ""]
    assert [a.kind for a in form.answers][2:4] == [QuestionKind.CHOICE, QuestionKind.YES_NO]


def test_a_form_made_for_another_client_is_refused(
    sent: tuple[Context, Enrolled, Path], tmp_path: Path
) -> None:
    ctx, enrolled, blank = sent
    other = enrol(ctx, "Ben Okafor")
    with pytest.raises(InvalidInput, match="made for Ana Souza, not for Ben Okafor"):
        read_filled_form(ctx, blank, other.client_id)


def test_a_blank_offer_form_is_accepted_only_from_a_client_of_that_offer(
    sent: tuple[Context, Enrolled, Path], tmp_path: Path
) -> None:
    ctx, enrolled, _ = sent
    template = tmp_path / "template.pdf"
    export_document(ctx, DocumentKind.INTAKE, template, offer_id=enrolled.offer_id)
    assert read_filled_form(ctx, template, enrolled.client_id).offer_id == enrolled.offer_id
    other = enrol(ctx, "Ben Okafor")  # enrolled in an offer of his own
    with pytest.raises(InvalidInput, match="Ben Okafor is not enrolled in it"):
        read_filled_form(ctx, template, other.client_id)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda key: key.replace(":1:", ":2:", 1), "altered or comes from another practice"),
        (
            lambda key: key[:-1] + ("0" if key[-1] != "0" else "1"),
            "altered or comes from another practice",
        ),
        (lambda key: "v2:garbage", "its form key cannot be read"),
        (lambda key: "v1" + key[2:], "made by an older version of DeliveryDesk"),
        (lambda key: "", "not a DeliveryDesk intake form"),
    ],
)
def test_a_tampered_form_is_refused_with_the_reason(
    sent: tuple[Context, Enrolled, Path], tmp_path: Path, change: object, reason: str
) -> None:
    ctx, enrolled, blank = sent
    key = str(PdfReader(blank).get_fields()["deliverydesk_form"]["/V"])  # type: ignore[index]
    tampered = tmp_path / "tampered.pdf"
    fill(blank, tampered, {"deliverydesk_form": change(key)})  # type: ignore[operator]
    with pytest.raises(InvalidInput, match=reason):
        read_filled_form(ctx, tampered, enrolled.client_id)


def test_a_form_whose_questions_changed_since_is_refused(
    sent: tuple[Context, Enrolled, Path],
) -> None:
    ctx, enrolled, blank = sent
    design = offer_design(ctx, enrolled.offer_id).spec
    extra = IntakeQuestion("One more thing?", QuestionKind.SHORT_TEXT)
    save_offer(
        ctx, enrolled.offer_id, replace(design, intake_questions=(*design.intake_questions, extra))
    )
    with pytest.raises(InvalidInput, match="questions of .* changed since this form was made"):
        read_filled_form(ctx, blank, enrolled.client_id)


def test_a_file_that_is_not_a_pdf_is_refused(
    sent: tuple[Context, Enrolled, Path], tmp_path: Path
) -> None:
    ctx, enrolled, _ = sent
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.4 not really" + bytes(range(256)))
    with pytest.raises(InvalidInput, match="not a PDF|not a DeliveryDesk intake form"):
        read_filled_form(ctx, junk, enrolled.client_id)
    with pytest.raises(InvalidInput, match="There is no file"):
        read_filled_form(ctx, tmp_path / "absent.pdf", enrolled.client_id)


def test_the_offer_file_carries_the_intake_questions(ctx: Context) -> None:
    from deliverydesk.services.offers import offer_format

    spec = replace(OFFER, name="Sprint")
    assert offer_format.loads(offer_format.dumps(spec)).intake_questions == spec.intake_questions
    document = offer_format.to_document(spec)
    del document["offer"]["intake_questions"]  # a file written before intake forms
    assert offer_format.from_document(document).intake_questions == ()
    document["offer"]["intake_questions"] = [{"text": "Pick", "kind": "choice", "choices": ["one"]}]
    with pytest.raises(InvalidInput, match="at least two answers"):
        offer_format.from_document(document)
    document["offer"]["intake_questions"] = [{"text": "Pick", "kind": "dance"}]
    with pytest.raises(InvalidInput, match="'kind' should be one of"):
        offer_format.from_document(document)
