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

from deliverydesk.model.rules.document_messages import KINDS
from deliverydesk.model.rules.enums import QuestionKind
from deliverydesk.model.rules.money import BY_CODE, MAX_AMOUNT_MINOR
from deliverydesk.model.rules.offer_design import OfferSpec, PhaseSpec, StepSpec
from deliverydesk.model.rules.problem import Part as Part
from deliverydesk.model.rules.problem import Problem as Problem
from deliverydesk.model.rules.problem import ProblemCode as ProblemCode
from deliverydesk.model.rules.problem import Where as Where
from deliverydesk.model.rules.sessions import MAX_SESSION_MINUTES
from deliverydesk.model.rules.text_rules import is_blank, storable

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
    yield from _name(("offer", "name"), spec.name, MAX_NAME, "The offer needs a name.")
    for where_field, value in (
        ("promise", spec.promise),
        ("description", spec.description),
        ("capacity_note", spec.capacity_note),
        ("boundaries", spec.boundaries),
        ("welcome_template", spec.welcome_template),
    ):
        yield from _text(("offer", where_field), value, MAX_TEXT)
    yield from _text(("offer", "price"), spec.price, MAX_PRICE)
    yield from _money(spec)
    if not 0 <= spec.duration_weeks <= MAX_WEEKS:
        yield _blocking(
            ("offer", "duration_weeks"),
            ProblemCode.OUT_OF_RANGE,
            "The typical duration must be between 0 and {limit} weeks.",
            limit=MAX_WEEKS,
        )
    yield from _template(
        ("offer", "welcome_template"),
        spec.welcome_template,
        "The welcome uses {names}, which DeliveryDesk cannot fill in. Known placeholders: {known}.",
    )
    for kind in KINDS:
        where = ("offer", f"document_messages.{kind}")
        message = getattr(spec.document_messages, kind)
        yield from _text(where, message, MAX_TEXT)
        yield from _template(
            where,
            message,
            "This message uses {names}, which DeliveryDesk cannot fill in. "
            "Known placeholders: {known}.",
        )
    yield from _standards(spec)
    yield from _right_fit(spec)
    yield from _questions(spec)
    yield from _phases(spec)


def _money(spec: OfferSpec) -> Iterator[Problem]:
    if spec.price_minor is not None and not 0 <= spec.price_minor <= MAX_AMOUNT_MINOR:
        yield _blocking(
            ("offer", "price_minor"),
            ProblemCode.OUT_OF_RANGE,
            "The price must be between 0 and ten billion.",
        )
    if spec.currency and spec.currency not in BY_CODE:
        yield _blocking(
            ("offer", "currency"),
            ProblemCode.OUT_OF_RANGE,
            "Choose the currency from the list.",
        )


def _standards(spec: OfferSpec) -> Iterator[Problem]:
    if len(spec.standards) > MAX_STANDARDS:
        yield _too_many(
            ("offer", "standards"),
            "An offer can hold at most {limit:,} delivery standards.",
            MAX_STANDARDS,
        )
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
        yield _too_many(
            ("offer", "right_fit"),
            "An offer can hold at most {limit:,} right-fit criteria.",
            MAX_CRITERIA,
        )
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
                "A criterion's weight must be between 0 and {limit}.",
                limit=MAX_WEIGHT,
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
            "The right-fit threshold ({threshold}) is more than all criteria together "
            "({total}): no client could reach it.",
            {"threshold": fit.threshold, "total": total},
        )


def _questions(spec: OfferSpec) -> Iterator[Problem]:
    if len(spec.intake_questions) > MAX_QUESTIONS:
        yield _too_many(
            ("offer", "intake_questions"),
            "An offer can hold at most {limit:,} intake questions.",
            MAX_QUESTIONS,
        )
    for index, question in enumerate(spec.intake_questions[:MAX_QUESTIONS]):
        where = ("question", index)
        if not question.text.strip():
            yield _blocking(
                (*where, "text"), ProblemCode.REQUIRED, "An intake question needs its words."
            )
        yield from _text((*where, "text"), question.text, MAX_QUESTION)
        if len(question.choices) > MAX_CHOICES:
            yield _too_many(
                (*where, "choices"),
                "An offer can hold at most {limit:,} choices for one question.",
                MAX_CHOICES,
            )
        for choice in question.choices[:MAX_CHOICES]:
            yield from _text((*where, "choices"), choice, MAX_CHOICE)
        real = [c for c in question.choices if c.strip()]
        if question.kind is QuestionKind.CHOICE and len(real) < 2:
            yield _blocking(
                (*where, "choices"),
                ProblemCode.REQUIRED,
                "Question {number} is a choice: give it at least two answers to choose from.",
                number=index + 1,
            )


def _phases(spec: OfferSpec) -> Iterator[Problem]:
    if not spec.phases:
        yield Problem(
            ("offer", "phases"),
            ProblemCode.NO_PHASES,
            "Add at least one phase, with its steps, before enrolling a client.",
        )
    if len(spec.phases) > MAX_PHASES:
        yield _too_many(
            ("offer", "phases"), "An offer can hold at most {limit:,} phases.", MAX_PHASES
        )
    if spec.step_count > MAX_STEPS:
        yield _too_many(
            ("offer", "phases"), "An offer can hold at most {limit:,} steps.", MAX_STEPS
        )
    for p_index, phase in enumerate(spec.phases[:MAX_PHASES]):
        yield from _phase(p_index, phase)


def _phase(p_index: int, phase: PhaseSpec) -> Iterator[Problem]:
    where = ("phase", p_index)
    number = Part("Phase {number}", {"number": p_index + 1})
    label = _quote(phase.name) or number
    yield from _name((*where, "name"), phase.name, MAX_NAME, "{phase} needs a name.", number)
    yield from _text((*where, "description"), phase.description, MAX_TEXT)
    if not 1 <= phase.planned_days <= MAX_DAYS:
        yield _blocking(
            (*where, "planned_days"),
            ProblemCode.OUT_OF_RANGE,
            "{phase} must last between 1 and {limit:,} working days.",
            phase=label,
            limit=MAX_DAYS,
        )
    if not phase.steps:
        yield Problem(
            (*where, "steps"),
            ProblemCode.PHASE_WITHOUT_STEPS,
            "{phase} has no steps yet: add one, or remove the phase.",
            {"phase": label},
        )
    for s_index, step in enumerate(phase.steps[:MAX_STEPS]):
        yield from _step(p_index, s_index, step, phase, label)


# A step's numbers out of range: (field, lowest, highest, the words).
_STEP_RANGES = (
    (
        "offset_days",
        0,
        MAX_DAYS,
        "{step} must start between 0 and {limit:,} working days into its phase.",
    ),
    ("duration_days", 1, MAX_DAYS, "{step} must take between 1 and {limit:,} working days."),
    (
        "effort_minutes",
        0,
        MAX_EFFORT_MINUTES,
        "{step} must need between 0 and {limit:,} minutes of effort.",
    ),
    (
        "session_minutes",
        0,
        MAX_SESSION_MINUTES,
        "{step} must last between 0 and {limit:,} minutes as a session.",
    ),
)


def _step(
    p_index: int, s_index: int, step: StepSpec, phase: PhaseSpec, label: str | Part
) -> Iterator[Problem]:
    where = ("step", p_index, s_index)
    title = _quote(step.title) or Part(
        "Step {number} of {phase}", {"number": s_index + 1, "phase": label}
    )
    if is_blank(step.title):
        yield _blocking(
            (*where, "title"), ProblemCode.REQUIRED, "{step} needs a title.", step=title
        )
    yield from _text((*where, "title"), step.title, MAX_TITLE)
    yield from _text((*where, "client_wording"), step.client_wording, MAX_TITLE)
    for text_field in ("description", "message_template", "failure_point", "recovery_protocol"):
        yield from _text((*where, text_field), getattr(step, text_field), MAX_TEXT)
    yield from _text((*where, "resource_link"), step.resource_link, MAX_LINK)
    for number_field, low, high, words in _STEP_RANGES:
        if not low <= getattr(step, number_field) <= high:
            yield _blocking(
                (*where, number_field), ProblemCode.OUT_OF_RANGE, words, step=title, limit=high
            )
    if step.is_checkpoint and not step.client_facing:
        yield Problem(
            (*where, "is_checkpoint"),
            ProblemCode.HIDDEN_CHECKPOINT,
            "{step} is a checkpoint the client cannot see: make it client-facing, "
            "or make it an ordinary step.",
            {"step": title},
        )
    end = step.offset_days + step.duration_days
    if step.offset_days >= 0 and step.duration_days >= 1 and end > phase.planned_days >= 1:
        yield Problem(
            (*where, "duration_days"),
            ProblemCode.STEP_PAST_PHASE,
            "{step} runs to working day {end}, past the {days} working days planned for "
            "{phase}: shorten or move the step, or lengthen the phase.",
            {"step": title, "end": end, "days": phase.planned_days, "phase": label},
        )
    if step.amount_minor is not None and not 0 <= step.amount_minor <= MAX_AMOUNT_MINOR:
        yield _blocking(
            (*where, "amount_minor"),
            ProblemCode.OUT_OF_RANGE,
            "The amount of {step} must be between 0 and ten billion.",
            step=title,
        )
    yield from _template(
        (*where, "message_template"),
        step.message_template,
        "The message of {step} uses {names}, which DeliveryDesk cannot fill in. Known "
        "placeholders: {known}.",
        step=title,
    )


def _quote(name: str, limit: int = 60) -> str:
    """A name as a message quotes it: stripped, and cut short when long."""
    name = name.strip()
    if len(name) > limit:
        name = name[: limit - 1].rstrip() + "…"
    return f"'{name}'" if name else ""


def _template(where: Where, template: str, words: str, **values: object) -> Iterator[Problem]:
    unknown = unknown_placeholders(template)
    if unknown:
        names = ", ".join("{" + name + "}" for name in unknown)
        known = ", ".join("{" + name + "}" for name in PLACEHOLDERS)
        yield Problem(
            where,
            ProblemCode.UNKNOWN_PLACEHOLDER,
            words,
            {**values, "names": names, "known": known},
        )


def _name(
    where: Where, value: str, limit: int, words: str, phase: Part | None = None
) -> Iterator[Problem]:
    if is_blank(value):
        values = {} if phase is None else {"phase": phase}
        yield _blocking(where, ProblemCode.REQUIRED, words, **values)
    yield from _text(where, value, limit)


def _text(where: Where, value: str, limit: int) -> Iterator[Problem]:
    if len(value) > limit:
        yield _blocking(
            where,
            ProblemCode.TOO_LONG,
            "This text is {length:,} characters long; at most {limit:,} fit here.",
            length=len(value),
            limit=limit,
        )
    if not storable(value):
        yield _blocking(
            where,
            ProblemCode.BAD_CHARACTERS,
            "This text holds characters that cannot be stored (a NUL or a broken character).",
        )


def _too_many(where: Where, words: str, limit: int) -> Problem:
    return _blocking(where, ProblemCode.TOO_MANY, words, limit=limit)


def _blocking(where: Where, code: ProblemCode, words: str, **values: object) -> Problem:
    return Problem(where, code, words, values, blocks_saving=True)
