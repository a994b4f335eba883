"""Is an offer's design sound? Pure checks addressed to the field they concern, and the
message templates' placeholders.

Two kinds of problem: some stop a design from being saved at all (a step without a title,
a negative offset, a 50,000-character name); the others leave it saved but not usable to
enrol a client until fixed (a phase without steps, a checkpoint the client cannot see, a
step that runs past its phase, an unknown placeholder).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum

from deliverydesk.model.enums import QuestionKind
from deliverydesk.model.offer_design import OfferSpec, PhaseSpec, StepSpec
from deliverydesk.model.text_rules import is_blank, storable

# The placeholders a message or welcome template may use: the one list the editor, the
# preview, the nudge and the validation all read.
PLACEHOLDERS = (
    "client_first_name",
    "client_name",
    "step",
    "next_step",
    "phase",
    "due_date",
    "practice_name",
    "offer",
)
# Anything written like a placeholder: "{Client name}" is a typo to point out, not text.
_PLACEHOLDER = re.compile(r"\{([A-Za-z0-9_ ]{1,40})\}")

MAX_TEXT = 10_000
MAX_NAME = 200  # offer and phase names
MAX_TITLE = 300  # step titles
MAX_PRICE = 60
MAX_TARGET = 300
MAX_LINK = 2_000
MAX_PHASES = 200
MAX_STEPS = 2_000  # in the whole offer
MAX_STANDARDS = 100
MAX_CRITERIA = 100
MAX_DAYS = 3_650  # working days, for a phase, an offset or a duration
MAX_EFFORT_MINUTES = 100_000
MAX_WEEKS = 520
MAX_WEIGHT = 100
MAX_QUESTIONS = 100  # on the intake form
MAX_QUESTION = 500  # a question's words
MAX_CHOICES = 30
MAX_CHOICE = 200


class ProblemCode(StrEnum):
    REQUIRED = "required"
    TOO_LONG = "too_long"
    BAD_CHARACTERS = "bad_characters"
    OUT_OF_RANGE = "out_of_range"
    TOO_MANY = "too_many"
    NO_PHASES = "no_phases"
    PHASE_WITHOUT_STEPS = "phase_without_steps"
    HIDDEN_CHECKPOINT = "hidden_checkpoint"
    STEP_PAST_PHASE = "step_past_phase"
    UNKNOWN_PLACEHOLDER = "unknown_placeholder"
    THRESHOLD_UNREACHABLE = "threshold_unreachable"


# Where a problem sits, e.g. ("offer", "name"), ("phase", 1, "steps"),
# ("step", 1, 0, "is_checkpoint"), ("standard", 2, "promise"), ("criterion", 0, "weight").
Where = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    where: Where
    code: ProblemCode
    message: str  # plain words for the person designing the offer
    blocks_saving: bool = False


def offer_problems(spec: OfferSpec) -> list[Problem]:
    """Every problem in the design, in the order the editor shows the fields."""
    return list(_offer(spec))


def saving_problems(spec: OfferSpec) -> list[Problem]:
    return [p for p in offer_problems(spec) if p.blocks_saving]


def unknown_placeholders(template: str) -> list[str]:
    """Placeholder-like words in `template` that are not in PLACEHOLDERS, in order, once each."""
    found = [m.group(1) for m in _PLACEHOLDER.finditer(template)]
    return list(dict.fromkeys(name for name in found if name not in PLACEHOLDERS))


def fill_template(template: str, values: Mapping[str, str]) -> str:
    """The template with its known placeholders filled; unknown ones stay visible as typed."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def _offer(spec: OfferSpec) -> Iterator[Problem]:
    yield from _name(("offer", "name"), spec.name, "The offer", MAX_NAME)
    for field, value in (
        ("promise", spec.promise),
        ("description", spec.description),
        ("capacity_note", spec.capacity_note),
        ("boundaries", spec.boundaries),
        ("welcome_template", spec.welcome_template),
    ):
        yield from _text(("offer", field), value, MAX_TEXT)
    yield from _text(("offer", "price"), spec.price, MAX_PRICE)
    if not 0 <= spec.duration_weeks <= MAX_WEEKS:
        yield _blocking(
            ("offer", "duration_weeks"),
            ProblemCode.OUT_OF_RANGE,
            f"The typical duration must be between 0 and {MAX_WEEKS} weeks.",
        )
    yield from _template(("offer", "welcome_template"), spec.welcome_template, "The welcome")
    yield from _standards(spec)
    yield from _right_fit(spec)
    yield from _questions(spec)
    yield from _phases(spec)


def _standards(spec: OfferSpec) -> Iterator[Problem]:
    if len(spec.standards) > MAX_STANDARDS:
        yield _too_many(("offer", "standards"), MAX_STANDARDS, "delivery standards")
    for index, standard in enumerate(spec.standards[:MAX_STANDARDS]):
        where = ("standard", index)
        if is_blank(standard.promise):
            yield _blocking(
                (*where, "promise"),
                ProblemCode.REQUIRED,
                "A delivery standard needs its promise, e.g. 'Session notes within 2 days'.",
            )
        yield from _text((*where, "promise"), standard.promise, MAX_TEXT)
        yield from _text((*where, "target"), standard.target, MAX_TARGET)


def _right_fit(spec: OfferSpec) -> Iterator[Problem]:
    fit = spec.right_fit
    if len(fit.criteria) > MAX_CRITERIA:
        yield _too_many(("offer", "right_fit"), MAX_CRITERIA, "right-fit criteria")
    for index, criterion in enumerate(fit.criteria[:MAX_CRITERIA]):
        where = ("criterion", index)
        if is_blank(criterion.text):
            yield _blocking(
                (*where, "text"), ProblemCode.REQUIRED, "A right-fit criterion needs its words."
            )
        yield from _text((*where, "text"), criterion.text, MAX_TEXT)
        if not 0 <= criterion.weight <= MAX_WEIGHT:
            yield _blocking(
                (*where, "weight"),
                ProblemCode.OUT_OF_RANGE,
                f"A criterion's weight must be between 0 and {MAX_WEIGHT}.",
            )
    total = sum(c.weight for c in fit.criteria)
    if fit.threshold < 0:
        yield _blocking(
            ("offer", "right_fit_threshold"),
            ProblemCode.OUT_OF_RANGE,
            "The right-fit threshold cannot be below 0.",
        )
    elif fit.threshold > total:
        yield Problem(
            ("offer", "right_fit_threshold"),
            ProblemCode.THRESHOLD_UNREACHABLE,
            f"The right-fit threshold ({fit.threshold}) is more than all criteria together "
            f"({total}): no client could reach it.",
        )


def _questions(spec: OfferSpec) -> Iterator[Problem]:
    if len(spec.intake_questions) > MAX_QUESTIONS:
        yield _too_many(("offer", "intake_questions"), MAX_QUESTIONS, "intake questions")
    for index, question in enumerate(spec.intake_questions[:MAX_QUESTIONS]):
        where = ("question", index)
        if not question.text.strip():
            yield _blocking(
                (*where, "text"), ProblemCode.REQUIRED, "An intake question needs its words."
            )
        yield from _text((*where, "text"), question.text, MAX_QUESTION)
        if len(question.choices) > MAX_CHOICES:
            yield _too_many((*where, "choices"), MAX_CHOICES, "choices for one question")
        for choice in question.choices[:MAX_CHOICES]:
            yield from _text((*where, "choices"), choice, MAX_CHOICE)
        real = [c for c in question.choices if c.strip()]
        if question.kind is QuestionKind.CHOICE and len(real) < 2:
            yield _blocking(
                (*where, "choices"),
                ProblemCode.REQUIRED,
                f"Question {index + 1} is a choice: give it at least two answers to choose from.",
            )


def _phases(spec: OfferSpec) -> Iterator[Problem]:
    if not spec.phases:
        yield Problem(
            ("offer", "phases"),
            ProblemCode.NO_PHASES,
            "Add at least one phase, with its steps, before enrolling a client.",
        )
    if len(spec.phases) > MAX_PHASES:
        yield _too_many(("offer", "phases"), MAX_PHASES, "phases")
    if spec.step_count > MAX_STEPS:
        yield _too_many(("offer", "phases"), MAX_STEPS, "steps")
    for p_index, phase in enumerate(spec.phases[:MAX_PHASES]):
        yield from _phase(p_index, phase)


def _phase(p_index: int, phase: PhaseSpec) -> Iterator[Problem]:
    where = ("phase", p_index)
    label = _quote(phase.name) or f"Phase {p_index + 1}"
    yield from _name((*where, "name"), phase.name, f"Phase {p_index + 1}", MAX_NAME)
    yield from _text((*where, "description"), phase.description, MAX_TEXT)
    if not 1 <= phase.planned_days <= MAX_DAYS:
        yield _blocking(
            (*where, "planned_days"),
            ProblemCode.OUT_OF_RANGE,
            f"{label} must last between 1 and {MAX_DAYS:,} working days.",
        )
    if not phase.steps:
        yield Problem(
            (*where, "steps"),
            ProblemCode.PHASE_WITHOUT_STEPS,
            f"{label} has no steps yet: add one, or remove the phase.",
        )
    for s_index, step in enumerate(phase.steps[:MAX_STEPS]):
        yield from _step(p_index, s_index, step, phase, label)


def _step(
    p_index: int, s_index: int, step: StepSpec, phase: PhaseSpec, label: str
) -> Iterator[Problem]:
    where = ("step", p_index, s_index)
    title = _quote(step.title) or f"Step {s_index + 1} of {label}"
    if is_blank(step.title):
        yield _blocking((*where, "title"), ProblemCode.REQUIRED, f"{title} needs a title.")
    yield from _text((*where, "title"), step.title, MAX_TITLE)
    yield from _text((*where, "client_wording"), step.client_wording, MAX_TITLE)
    for field in ("description", "message_template", "failure_point", "recovery_protocol"):
        yield from _text((*where, field), getattr(step, field), MAX_TEXT)
    yield from _text((*where, "resource_link"), step.resource_link, MAX_LINK)
    for field, low, high, words in (
        ("offset_days", 0, MAX_DAYS, "start between 0 and {high:,} working days into its phase"),
        ("duration_days", 1, MAX_DAYS, "take between 1 and {high:,} working days"),
        ("effort_minutes", 0, MAX_EFFORT_MINUTES, "need between 0 and {high:,} minutes of effort"),
    ):
        if not low <= getattr(step, field) <= high:
            message = f"{title} must {words.format(high=high)}."
            yield _blocking((*where, field), ProblemCode.OUT_OF_RANGE, message)
    if step.is_checkpoint and not step.client_facing:
        yield Problem(
            (*where, "is_checkpoint"),
            ProblemCode.HIDDEN_CHECKPOINT,
            f"{title} is a checkpoint the client cannot see: make it client-facing, "
            "or make it an ordinary step.",
        )
    end = step.offset_days + step.duration_days
    if step.offset_days >= 0 and step.duration_days >= 1 and end > phase.planned_days >= 1:
        yield Problem(
            (*where, "duration_days"),
            ProblemCode.STEP_PAST_PHASE,
            f"{title} runs to working day {end}, past the {phase.planned_days} working days "
            f"planned for {label}: shorten or move the step, or lengthen the phase.",
        )
    yield from _template(
        (*where, "message_template"), step.message_template, f"The message of {title}"
    )


def _quote(name: str, limit: int = 60) -> str:
    """A name as a message quotes it: stripped, and cut short when long."""
    name = name.strip()
    if len(name) > limit:
        name = name[: limit - 1].rstrip() + "…"
    return f"'{name}'" if name else ""


def _template(where: Where, template: str, whose: str) -> Iterator[Problem]:
    unknown = unknown_placeholders(template)
    if unknown:
        names = ", ".join("{" + name + "}" for name in unknown)
        known = ", ".join("{" + name + "}" for name in PLACEHOLDERS)
        yield Problem(
            where,
            ProblemCode.UNKNOWN_PLACEHOLDER,
            f"{whose} uses {names}, which DeliveryDesk cannot fill in. Known placeholders: "
            f"{known}.",
        )


def _name(where: Where, value: str, whose: str, limit: int) -> Iterator[Problem]:
    if is_blank(value):
        yield _blocking(where, ProblemCode.REQUIRED, f"{whose} needs a name.")
    yield from _text(where, value, limit)


def _text(where: Where, value: str, limit: int) -> Iterator[Problem]:
    if len(value) > limit:
        yield _blocking(
            where,
            ProblemCode.TOO_LONG,
            f"This text is {len(value):,} characters long; at most {limit:,} fit here.",
        )
    if not storable(value):
        yield _blocking(
            where,
            ProblemCode.BAD_CHARACTERS,
            "This text holds characters that cannot be stored (a NUL or a broken character).",
        )


def _too_many(where: Where, limit: int, what: str) -> Problem:
    return _blocking(where, ProblemCode.TOO_MANY, f"An offer can hold at most {limit:,} {what}.")


def _blocking(where: Where, code: ProblemCode, message: str) -> Problem:
    return Problem(where, code, message, blocks_saving=True)
