"""What the designer tells a person about their offer, and the message templates' fill."""

from __future__ import annotations

from dataclasses import replace

import pytest

from deliverydesk.model.rules.fit import FitCriterion, RightFit
from deliverydesk.model.rules.offer_design import OfferSpec, PhaseSpec
from deliverydesk.model.rules.offer_rules import (
    PLACEHOLDERS,
    Problem,
    ProblemCode,
    fill_template,
    offer_problems,
    saving_problems,
    unknown_placeholders,
)
from deliverydesk.seeding.offer_templates import TEMPLATES
from tests.builders import SPRINT


def with_step(spec: OfferSpec, phase: int, step: int, **changes: object) -> OfferSpec:
    phases = list(spec.phases)
    steps = list(phases[phase].steps)
    steps[step] = replace(steps[step], **changes)  # type: ignore[arg-type]
    phases[phase] = replace(phases[phase], steps=tuple(steps))
    return replace(spec, phases=tuple(phases))


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, problems
    return problems[0]


def test_the_sample_and_every_built_in_template_are_valid() -> None:
    assert offer_problems(SPRINT) == []
    for template in TEMPLATES:
        assert offer_problems(template.spec) == [], template.key


def test_a_phase_without_steps_is_pointed_out_beside_the_phase() -> None:
    spec = replace(SPRINT, phases=(*SPRINT.phases, PhaseSpec("Follow-up", 5)))
    problem = only(offer_problems(spec))
    assert problem.where == ("phase", 3, "steps")
    assert problem.code is ProblemCode.PHASE_WITHOUT_STEPS
    assert "'Follow-up' has no steps yet" in problem.message
    assert not problem.blocks_saving  # saved as work in progress; not usable to enrol


def test_a_checkpoint_the_client_cannot_see() -> None:
    spec = with_step(SPRINT, 1, 2, client_facing=False)
    problem = only(offer_problems(spec))
    assert problem.where == ("step", 1, 2, "is_checkpoint")
    assert problem.code is ProblemCode.HIDDEN_CHECKPOINT
    assert "'Plan approved' is a checkpoint the client cannot see" in problem.message


def test_a_step_running_past_its_phase() -> None:
    spec = with_step(SPRINT, 0, 1, offset_days=2, duration_days=2)  # days 3-4 of a 3-day phase
    problem = only(offer_problems(spec))
    assert problem.where == ("step", 0, 1, "duration_days")
    assert problem.code is ProblemCode.STEP_PAST_PHASE
    assert "'Intake form' runs to working day 4" in problem.message
    assert "3 working days planned for 'Onboarding'" in problem.message
    # Ending exactly on the phase's last day is fine.
    assert offer_problems(with_step(SPRINT, 0, 1, offset_days=1, duration_days=2)) == []


def test_unknown_placeholders_in_a_message_and_in_the_welcome() -> None:
    spec = with_step(SPRINT, 1, 1, message_template="Hi {client_firstname}, see {Due Date}")
    spec = replace(spec, welcome_template="Welcome to {offer_name}, {client_first_name}")
    step_problem, welcome_problem = sorted(offer_problems(spec), key=lambda p: p.where[0])[::-1]
    assert welcome_problem.where == ("offer", "welcome_template")
    assert "{offer_name}" in welcome_problem.message
    assert step_problem.where == ("step", 1, 1, "message_template")
    assert "{client_firstname}, {Due Date}" in step_problem.message
    assert "Known placeholders: {client_first_name}" in step_problem.message
    assert all(p.code is ProblemCode.UNKNOWN_PLACEHOLDER for p in (step_problem, welcome_problem))


def test_an_offer_without_phases_cannot_enrol() -> None:
    problem = only(offer_problems(OfferSpec("Empty")))
    assert problem.where == ("offer", "phases")
    assert not problem.blocks_saving


def test_an_unreachable_right_fit_threshold() -> None:
    spec = replace(SPRINT, right_fit=RightFit((FitCriterion("Has time", 2),), threshold=3))
    problem = only(offer_problems(spec))
    assert problem.where == ("offer", "right_fit_threshold")
    assert "no client could reach it" in problem.message


@pytest.mark.parametrize(
    ("spec", "where", "words"),
    [
        (replace(SPRINT, name="  "), ("offer", "name"), "needs a name"),
        (replace(SPRINT, name="x" * 201), ("offer", "name"), "at most 200"),
        (replace(SPRINT, promise="p" * 10_001), ("offer", "promise"), "10,001 characters"),
        (replace(SPRINT, description="a\x00b"), ("offer", "description"), "cannot be stored"),
        (replace(SPRINT, boundaries="\ud800"), ("offer", "boundaries"), "cannot be stored"),
        (replace(SPRINT, duration_weeks=-1), ("offer", "duration_weeks"), "between 0 and"),
        (with_step(SPRINT, 0, 0, title=" "), ("step", 0, 0, "title"), "needs a title"),
        (with_step(SPRINT, 0, 0, offset_days=-1), ("step", 0, 0, "offset_days"), "start"),
        (with_step(SPRINT, 0, 0, duration_days=0), ("step", 0, 0, "duration_days"), "take"),
        (with_step(SPRINT, 0, 0, effort_minutes=-5), ("step", 0, 0, "effort_minutes"), "effort"),
        (
            replace(SPRINT, phases=(replace(SPRINT.phases[0], planned_days=0), *SPRINT.phases[1:])),
            ("phase", 0, "planned_days"),
            "must last",
        ),
        (
            replace(SPRINT, right_fit=RightFit((FitCriterion("", 1),), 0)),
            ("criterion", 0, "text"),
            "needs its words",
        ),
    ],
    ids=[
        "blank-name",
        "long-name",
        "long-promise",
        "nul",
        "surrogate",
        "weeks",
        "blank-title",
        "offset",
        "duration",
        "effort",
        "planned-days",
        "blank-criterion",
    ],
)
def test_what_stops_a_design_from_being_saved(
    spec: OfferSpec, where: tuple[object, ...], words: str
) -> None:
    problem = only(saving_problems(spec))
    assert problem.where == where
    assert words in problem.message
    assert problem.blocks_saving


def test_a_long_title_is_quoted_short_in_messages() -> None:
    spec = with_step(SPRINT, 1, 2, title="T" * 300, client_facing=False)
    (problem,) = offer_problems(spec)
    assert len(problem.message) < 200


def test_fill_template_fills_known_placeholders_and_shows_unknown_ones() -> None:
    values = {"client_first_name": "Ana", "step": "Intake form {due_date}", "due_date": "Friday"}
    filled = fill_template("Hi {client_first_name}: {step} by {due_date}. {typo} {}", values)
    # A filled value is not filled again; an unknown placeholder stays visible.
    assert filled == "Hi Ana: Intake form {due_date} by Friday. {typo} {}"
    assert fill_template("{practice_name}", {}) == "{practice_name}"


def test_unknown_placeholders_are_listed_once_in_order() -> None:
    assert unknown_placeholders("{b} {a} {b} {step} {{x}}") == ["b", "a", "x"]
    assert unknown_placeholders("".join("{" + name + "}" for name in PLACEHOLDERS)) == []
