"""The offer file format: one versioned JSON document for a whole design.

The same document is what a revision keeps (with the stored phase and step ids added, so a
later revision can be compared step by step) and what an exported file holds (without ids:
they mean nothing in another practice). Reading is strict: anything unexpected is refused
with a reason a person can act on, and nothing is half read.
"""

from __future__ import annotations

import json
from typing import Any

from deliverydesk.model.rules.document_messages import KINDS, DocumentMessages
from deliverydesk.model.rules.enums import Owner, QuestionKind, StandardTier, StepKind
from deliverydesk.model.rules.fit import FitCriterion, RightFit
from deliverydesk.model.rules.money import BY_CODE, MAX_AMOUNT_MINOR
from deliverydesk.model.rules.offer_design import (
    IntakeQuestion,
    OfferSpec,
    PhaseSpec,
    StandardSpec,
    StepSpec,
)
from deliverydesk.model.rules.offer_rules import (
    MAX_CHOICES,
    MAX_CRITERIA,
    MAX_PHASES,
    MAX_QUESTIONS,
    MAX_STANDARDS,
    MAX_STEPS,
    saving_problems,
)
from deliverydesk.services.errors import InvalidInput
from deliverydesk.wording import Phrase, RefusalCode, Term

FORMAT = "deliverydesk-offer"
VERSION = 1
MAX_FILE_BYTES = 2 * 1024 * 1024

_OFFER_TEXTS = (
    "promise",
    "description",
    "capacity_note",
    "price",
    "boundaries",
    "welcome_template",
)
_STEP_TEXTS = (
    "description",
    "message_template",
    "failure_point",
    "recovery_protocol",
    "resource_link",
    "client_wording",
)
_STEP_NUMBERS = ("offset_days", "duration_days", "effort_minutes", "session_minutes")
_STEP_FLAGS = ("is_milestone", "is_checkpoint", "is_touchpoint", "client_facing")


def to_document(spec: OfferSpec, with_ids: bool = False) -> dict[str, Any]:
    """The whole design as the file format writes it."""
    offer: dict[str, Any] = {"name": spec.name}
    offer.update({field: getattr(spec, field) for field in _OFFER_TEXTS})
    offer["duration_weeks"] = spec.duration_weeks
    # Money (absent from files written before prices were amounts: no amount, no currency).
    offer["price_minor"] = spec.price_minor
    offer["currency"] = spec.currency
    offer["standards"] = [
        {"promise": s.promise, "tier": s.tier.value, "target": s.target} for s in spec.standards
    ]
    offer["right_fit"] = {
        "criteria": [{"text": c.text, "weight": c.weight} for c in spec.right_fit.criteria],
        "threshold": spec.right_fit.threshold,
    }
    offer["intake_questions"] = question_documents(spec.intake_questions)
    offer["document_messages"] = spec.document_messages.stored()
    offer["phases"] = [_phase_document(phase, with_ids) for phase in spec.phases]
    return {"format": FORMAT, "version": VERSION, "offer": offer}


def question_documents(questions: tuple[IntakeQuestion, ...]) -> list[dict[str, Any]]:
    """The intake questions as the file (and Offer.intake_questions) store them."""
    return [{"text": q.text, "kind": q.kind.value, "choices": list(q.choices)} for q in questions]


def questions_from_json(stored: object) -> tuple[IntakeQuestion, ...]:
    """Offer.intake_questions read leniently: a malformed entry is skipped, not fatal."""
    found = []
    for item in stored if isinstance(stored, list) else ():
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            continue
        kind = item.get("kind")
        choices = item.get("choices")
        found.append(
            IntakeQuestion(
                item["text"],
                QuestionKind(kind) if kind in set(QuestionKind) else QuestionKind.SHORT_TEXT,
                tuple(c for c in choices if isinstance(c, str))
                if isinstance(choices, list)
                else (),
            )
        )
    return tuple(found)


def _phase_document(phase: PhaseSpec, with_ids: bool) -> dict[str, Any]:
    document: dict[str, Any] = {"id": phase.id} if with_ids else {}
    document.update(name=phase.name, description=phase.description, planned_days=phase.planned_days)
    steps = []
    for step in phase.steps:
        item: dict[str, Any] = {"id": step.id} if with_ids else {}
        item.update(title=step.title, kind=step.kind.value, owner=step.owner.value)
        item.update({field: getattr(step, field) for field in _STEP_NUMBERS})
        item.update({field: getattr(step, field) for field in _STEP_FLAGS})
        item.update({field: getattr(step, field) for field in _STEP_TEXTS})
        item["amount_minor"] = step.amount_minor
        steps.append(item)
    document["steps"] = steps
    return document


def dumps(spec: OfferSpec) -> bytes:
    """The export file's bytes: readable JSON, every character kept as written."""
    text = json.dumps(to_document(spec), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def loads(raw: bytes) -> OfferSpec:
    """Read an offer file's bytes; raises InvalidInput saying why it cannot be used."""
    if len(raw) > MAX_FILE_BYTES:
        raise InvalidInput(
            RefusalCode.OFFER_FILE_SIZE_TOO_LARGE,
            size_mb=len(raw) / 1_048_576,
            limit_mb=MAX_FILE_BYTES // 1_048_576,
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(RefusalCode.OFFER_FILE_NOT_TEXT) from None
    try:
        document = json.loads(text, parse_constant=_refuse_constant)
    except RecursionError:
        raise InvalidInput(RefusalCode.OFFER_FILE_TOO_DEEP) from None
    except ValueError as error:  # JSONDecodeError, NaN, a number with thousands of digits
        raise InvalidInput(RefusalCode.OFFER_FILE_NOT_JSON, reason=_short(error)) from None
    return from_document(document)


def from_document(document: object) -> OfferSpec:
    """The design held by a parsed document; raises InvalidInput for anything unexpected."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InvalidInput(RefusalCode.NOT_AN_OFFER_FILE)
    version = document.get("version")
    if type(version) is not int or version < 1:
        raise InvalidInput(RefusalCode.OFFER_FILE_NO_VERSION)
    if version > VERSION:
        raise InvalidInput(RefusalCode.OFFER_FILE_TOO_NEW, version=version)
    spec = _Reader().offer(document.get("offer"))
    problems = saving_problems(spec)
    if problems:
        reasons = " ".join(p.message for p in problems[:3])
        raise InvalidInput(RefusalCode.OFFER_FILE_UNUSABLE, reasons=reasons)
    return spec


def _refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number an offer file can hold")


def _short(error: Exception) -> str:
    return str(error).split("\n")[0][:200]


# Where in the file a mistake is, in words translated with the refusal ("Phase 2, step 3").
Place = Term | Phrase
_THE_OFFER = Term("The offer")


class _Reader:
    """Checks each value's type on the way in, naming the place of the first mistake."""

    def offer(self, value: object) -> OfferSpec:
        offer = self._object(value, _THE_OFFER)
        name = self._text(offer, "name", _THE_OFFER, required=True)
        texts = {field: self._text(offer, field, _THE_OFFER) for field in _OFFER_TEXTS}
        standards = self._list(offer, "standards", _THE_OFFER, MAX_STANDARDS)
        phases = self._list(offer, "phases", _THE_OFFER, MAX_PHASES)
        # Absent from files written before intake forms: no questions.
        questions = self._list(offer, "intake_questions", _THE_OFFER, MAX_QUESTIONS)
        steps = sum(len(p["steps"]) for p in phases if isinstance(p, dict) and _is_list(p, "steps"))
        if steps > MAX_STEPS:
            raise InvalidInput(RefusalCode.OFFER_FILE_TOO_MANY_STEPS, steps=steps, limit=MAX_STEPS)
        return OfferSpec(
            name=name,
            duration_weeks=self._number(offer, "duration_weeks", _THE_OFFER, 0),
            price_minor=self._amount(offer, "price_minor", _THE_OFFER),
            currency=self._currency(offer, _THE_OFFER),
            standards=tuple(self._standard(s, i) for i, s in enumerate(standards)),
            right_fit=self._right_fit(offer.get("right_fit", {})),
            phases=tuple(self._phase(p, i) for i, p in enumerate(phases)),
            intake_questions=tuple(self._question(q, i) for i, q in enumerate(questions)),
            document_messages=self._messages(offer.get("document_messages", {})),
            **texts,
        )

    def _standard(self, value: object, index: int) -> StandardSpec:
        where = Phrase("Delivery standard {n}", n=index + 1)
        item = self._object(value, where)
        return StandardSpec(
            promise=self._text(item, "promise", where, required=True),
            tier=self._choice(item, "tier", where, StandardTier, StandardTier.EXPECTED),
            target=self._text(item, "target", where),
        )

    def _question(self, value: object, index: int) -> IntakeQuestion:
        where = Phrase("Intake question {n}", n=index + 1)
        item = self._object(value, where)
        choices = self._list(item, "choices", where, MAX_CHOICES)
        if not all(isinstance(c, str) for c in choices):
            raise InvalidInput(RefusalCode.OFFER_FILE_CHOICES_NOT_TEXT, where=where)
        return IntakeQuestion(
            text=self._text(item, "text", where, required=True),
            kind=self._choice(item, "kind", where, QuestionKind, QuestionKind.SHORT_TEXT),
            choices=tuple(choices),
        )

    def _messages(self, value: object) -> DocumentMessages:
        """Absent from files written before per-offer messages: the built-in ones."""
        where = Term("The set of document messages")
        item = self._object(value, where)
        return DocumentMessages(**{kind: self._text(item, kind, where) for kind in KINDS})

    def _right_fit(self, value: object) -> RightFit:
        where = Term("The right-fit checklist")
        item = self._object(value, where)
        criteria = []
        for index, entry in enumerate(self._list(item, "criteria", where, MAX_CRITERIA)):
            label = Phrase("Right-fit criterion {n}", n=index + 1)
            criterion = self._object(entry, label)
            criteria.append(
                FitCriterion(
                    self._text(criterion, "text", label, required=True),
                    self._number(criterion, "weight", label, 1),
                )
            )
        return RightFit(tuple(criteria), self._number(item, "threshold", where, 0))

    def _phase(self, value: object, index: int) -> PhaseSpec:
        where = Phrase("Phase {n}", n=index + 1)
        phase = self._object(value, where)
        steps = self._list(phase, "steps", where, MAX_STEPS)
        return PhaseSpec(
            name=self._text(phase, "name", where, required=True),
            planned_days=self._number(phase, "planned_days", where, 5),
            steps=tuple(
                self._step(s, Phrase("{phase}, step {n}", phase=where, n=i + 1))
                for i, s in enumerate(steps)
            ),
            description=self._text(phase, "description", where),
            id=self._id(phase),
        )

    def _step(self, value: object, where: Place) -> StepSpec:
        step = self._object(value, where)
        return StepSpec(
            title=self._text(step, "title", where, required=True),
            kind=self._choice(step, "kind", where, StepKind, StepKind.TASK),
            owner=self._choice(step, "owner", where, Owner, Owner.ME),
            offset_days=self._number(step, "offset_days", where, 0),
            duration_days=self._number(step, "duration_days", where, 1),
            effort_minutes=self._number(step, "effort_minutes", where, 0),
            session_minutes=self._number(step, "session_minutes", where, 0),
            is_milestone=self._flag(step, "is_milestone", where, False),
            is_checkpoint=self._flag(step, "is_checkpoint", where, False),
            is_touchpoint=self._flag(step, "is_touchpoint", where, False),
            client_facing=self._flag(step, "client_facing", where, True),
            amount_minor=self._amount(step, "amount_minor", where),
            id=self._id(step),
            **{field: self._text(step, field, where) for field in _STEP_TEXTS},
        )

    @staticmethod
    def _object(value: object, where: Place) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise InvalidInput(RefusalCode.OFFER_FILE_WRONG_SHAPE, where=where)
        return value

    @staticmethod
    def _list(item: dict[str, Any], key: str, where: Place, limit: int) -> list[Any]:
        value = item.get(key, [])
        if not isinstance(value, list):
            raise InvalidInput(RefusalCode.OFFER_FILE_NOT_A_LIST, where=where, key=key)
        if len(value) > limit:
            raise InvalidInput(
                RefusalCode.OFFER_FILE_TOO_MANY, where=where, count=len(value), key=key, limit=limit
            )
        return value

    @staticmethod
    def _text(item: dict[str, Any], key: str, where: Place, required: bool = False) -> str:
        if key not in item and not required:
            return ""
        value = item.get(key)
        if not isinstance(value, str):
            raise InvalidInput(RefusalCode.OFFER_FILE_NOT_TEXT_VALUE, where=where, key=key)
        return value

    @staticmethod
    def _number(item: dict[str, Any], key: str, where: Place, default: int) -> int:
        value = item.get(key, default)
        if type(value) is not int:  # bool is an int to Python, not to a person
            raise InvalidInput(RefusalCode.OFFER_FILE_NOT_WHOLE_NUMBER, where=where, key=key)
        return value

    @staticmethod
    def _amount(item: dict[str, Any], key: str, where: Place) -> int | None:
        """An amount in minor units, or null for none said."""
        value = item.get(key)
        if value is None:
            return None
        if type(value) is not int or not 0 <= value <= MAX_AMOUNT_MINOR:
            raise InvalidInput(RefusalCode.OFFER_FILE_NOT_AN_AMOUNT, where=where, key=key)
        return value

    @staticmethod
    def _currency(item: dict[str, Any], where: Place) -> str:
        value = item.get("currency", "")
        if value != "" and (not isinstance(value, str) or value not in BY_CODE):
            raise InvalidInput(
                RefusalCode.OFFER_FILE_NOT_A_CHOICE,
                where=where,
                key="currency",
                choices=", ".join(BY_CODE),
            )
        return str(value)

    @staticmethod
    def _flag(item: dict[str, Any], key: str, where: Place, default: bool) -> bool:
        value = item.get(key, default)
        if not isinstance(value, bool):
            raise InvalidInput(RefusalCode.OFFER_FILE_NOT_TRUE_FALSE, where=where, key=key)
        return value

    @staticmethod
    def _choice[E: (StepKind, Owner, StandardTier, QuestionKind)](
        item: dict[str, Any], key: str, where: Place, kind: type[E], default: E
    ) -> E:
        value = item.get(key, default.value)
        allowed = [member.value for member in kind]
        if not isinstance(value, str) or value not in allowed:
            raise InvalidInput(
                RefusalCode.OFFER_FILE_NOT_A_CHOICE,
                where=where,
                key=key,
                choices=", ".join(allowed),
            )
        return kind(value)

    @staticmethod
    def _id(item: dict[str, Any]) -> int | None:
        """A stored id (revisions only); a file's ids are dropped on import."""
        value = item.get("id")
        return value if type(value) is int else None


def _is_list(item: dict[str, Any], key: str) -> bool:
    return isinstance(item.get(key), list)
