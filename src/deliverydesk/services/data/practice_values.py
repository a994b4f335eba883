"""A practice file's values checked before anything is stored, by the rules the screens use.

Three sources, each declared once:
- the model says each column's kind (an enum's values, a date, an instant, yes/no, a
  whole number, text) and whether it may be empty: read from the SQLAlchemy columns;
- the services' field rules say what a person may type (FIELD_RULES of clients and
  brand, the settings' stored_rules, the offer editor's limits): the same functions the
  screens call, so a file can never hold what the settings screen would refuse;
- each offer, once loaded, is read back as the editor reads it and checked by the
  editor's own saving rules (model/rules/offer_rules.py).

Why no pydantic or msgspec: the rules already exist as plain functions raising
InvalidInput in the screens' words, and the kinds are already declared on the model; a
schema library would declare both a second time. JSON columns get small shape checks
here, since nothing else declares their inside.

A rule takes the value as the file holds it (dates as ISO text, yes/no as 1/0) and returns
the value to store (text trimmed and cleaned as a save would) or raises InvalidInput.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Boolean, Column, Date, DateTime, Enum, Float, Integer, String, Time
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator

from deliverydesk.model.entities import Base
from deliverydesk.model.rules import offer_rules as limits
from deliverydesk.model.rules.document_messages import KINDS
from deliverydesk.model.rules.enums import QuestionKind
from deliverydesk.model.rules.money import BY_CODE, MAX_AMOUNT_MINOR
from deliverydesk.model.rules.offer_rules import Where, saving_problems
from deliverydesk.model.rules.sessions import MAX_SESSION_MINUTES
from deliverydesk.model.rules.text_rules import single_line
from deliverydesk.services.clients import clients
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.offers import offers
from deliverydesk.services.practice import brand, practice_settings
from deliverydesk.services.practice.session_settings import MAX_ALARM_MINUTES
from deliverydesk.services.practice.time_zone import is_zone
from deliverydesk.services.validation import clean_line
from deliverydesk.wording import RefusalCode, Term

Rule = Callable[[Any], Any]
_SECRET = re.compile("[0-9a-f]{64}")


def _shown(value: object) -> str:
    """The value as the file writes it (JSON), shortened."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _kind(words: str, test: Callable[[Any], bool]) -> Rule:
    def rule(value: Any) -> Any:
        if not test(value):
            raise InvalidInput(
                RefusalCode.VALUE_NOT_OF_KIND, written=_shown(value), words=Term(words)
            )
        return value

    return rule


def _is_date(value: Any) -> bool:
    try:
        return isinstance(value, str) and date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def _is_instant(value: Any) -> bool:
    try:
        return isinstance(value, str) and bool(datetime.fromisoformat(value))
    except ValueError:
        return False


def _is_int(value: Any) -> bool:
    return type(value) is int  # not a bool: yes/no is a kind of its own


Kind = tuple[str, Callable[[Any], bool]]  # (what it must be, in words; the test)


def _column_kind(column: Column[Any]) -> Kind | None:
    """The kind the model declares for `column`."""
    kind = column.type
    if isinstance(kind, TypeDecorator):  # UtcDateTime: an instant stored as text
        kind = kind.impl_instance
    if isinstance(kind, Enum) and kind.enum_class is not None:
        values = {str(member.value) for member in kind.enum_class}
        return f"one of {', '.join(sorted(values))}", values.__contains__
    if isinstance(kind, DateTime):
        return "a date and time", _is_instant
    if isinstance(kind, Date):
        return "a date", _is_date
    if isinstance(kind, Boolean):
        return "yes or no (1 or 0)", lambda v: type(v) is int and v in (0, 1)
    if isinstance(kind, Integer):
        return "a whole number", _is_int
    if isinstance(kind, Float):
        return "a number", lambda v: type(v) is int or type(v) is float
    if isinstance(kind, String):
        return "text", lambda v: type(v) is str
    if isinstance(kind, Time):  # a session's wall time, as SQLite keeps it
        return "a time of day (10:00:00.000000)", _is_time_of_day
    return None  # JSON: the shape checks below


def _is_time_of_day(value: object) -> bool:
    if type(value) is not str:
        return False
    try:
        time.fromisoformat(value)
    except ValueError:
        return False
    return True


# -- what a person may type, as the screens check it -------------------------------------------


def _title(label: str, limit: int, *, required: bool = False) -> Rule:
    """An offer's, phase's or step's name as the offer editor saves it: made one line
    (services/offers.normalized), then checked like any line."""
    return lambda value: clean_line(single_line(value), label, limit, required=required)


def _between(label: str, low: int, high: int) -> Rule:
    def rule(value: Any) -> Any:
        if not low <= value <= high:
            raise InvalidInput(
                RefusalCode.VALUE_OUT_OF_RANGE, label=Term(label), low=low, high=high
            )
        return value

    return rule


def _dict_of(check: Callable[[dict[str, Any]], None]) -> Rule:
    def rule(value: Any) -> Any:
        if not isinstance(value, dict):
            raise InvalidInput(RefusalCode.VALUE_NOT_A_SET, written=_shown(value))
        check(value)
        return value

    return rule


def _list_of(check: Callable[[Any], bool], words: str) -> Rule:
    def rule(value: Any) -> Any:
        if not isinstance(value, list) or not all(check(item) for item in value):
            raise InvalidInput(
                RefusalCode.VALUE_NOT_OF_KIND, written=_shown(value), words=Term(words)
            )
        return value

    return rule


def _keys(**checks: Callable[[Any], None]) -> Callable[[dict[str, Any]], None]:
    """Each named value, when present, checked by its rule (the named value is said)."""

    def check(value: dict[str, Any]) -> None:
        for key, rule in checks.items():
            if key in value:
                try:
                    rule(value[key])
                except InvalidInput as error:
                    raise InvalidInput(RefusalCode.SETTING_REFUSED, key=key, reason=error) from None

    return check


def _must(test: Callable[[Any], bool], words: str) -> Callable[[Any], None]:
    def check(value: Any) -> None:
        if not test(value):
            raise InvalidInput(
                RefusalCode.VALUE_NOT_OF_KIND, written=_shown(value), words=Term(words)
            )

    return check


def _texts(*keys: str) -> Callable[[Any], bool]:
    return lambda item: isinstance(item, dict) and all(isinstance(item.get(k), str) for k in keys)


_QUESTION_KINDS = {str(kind.value) for kind in QuestionKind}
_JSON_RULES: dict[tuple[str, str], Rule] = {
    ("client", "intake"): _dict_of(
        _keys(
            offer_id=_must(lambda v: v is None or _is_int(v), "an offer's number"),
            received_on=_must(_is_date, "a date"),
            answers=_list_of(_texts("question", "answer"), "a list of questions and answers"),
        )
    ),
    ("journey", "fit"): _dict_of(
        _keys(
            answers=_dict_of(
                _must(lambda d: all(isinstance(a, bool) for a in d.values()), "yes or no")
            ),
            score=_must(_is_int, "a whole number"),
        )
    ),
    ("offer", "right_fit"): _dict_of(
        _keys(
            criteria=_list_of(
                lambda c: _texts("text")(c) and _is_int(c.get("weight", 1)),
                "a list of criteria with their weights",
            ),
            threshold=_must(_is_int, "a whole number"),
        )
    ),
    ("offer", "intake_questions"): _list_of(
        lambda q: (
            _texts("text")(q)
            and q.get("kind", QuestionKind.SHORT_TEXT.value) in _QUESTION_KINDS
            and isinstance(q.get("choices", []), list)
            and all(isinstance(c, str) for c in q.get("choices", []))
        ),
        "a list of intake questions",
    ),
    ("offer", "document_messages"): _dict_of(
        _keys(**{kind: _must(lambda v: isinstance(v, str), "a text") for kind in KINDS})
    ),
    ("offer_revision", "design"): _dict_of(lambda _: None),
    ("activity", "detail"): _dict_of(lambda _: None),
}


def _typed_rules(today: date) -> dict[str, dict[str, Rule]]:
    """Per table, per column: what the screens accept."""
    titles = {
        "title": _title("A step's title", limits.MAX_TITLE, required=True),
        "effort_minutes": _between("A step's effort (minutes)", 0, limits.MAX_EFFORT_MINUTES),
        "session_minutes": _between("A session's length (minutes)", 0, MAX_SESSION_MINUTES),
        "amount_minor": _between("An invoice step's amount", 0, MAX_AMOUNT_MINOR),
    }
    summary = {
        f"{column}": _title("A step's title", limits.MAX_TITLE)
        for column in (
            "next_step_title",
            "first_open_me_title",
            "first_open_client_title",
            "first_open_third_party_title",
        )
    }
    return {
        "practice": {
            **brand.FIELD_RULES,
            **practice_settings.stored_rules(today),
            "logo_path": brand.clean_logo_path,
            "time_zone": _kind("a time zone such as Europe/Berlin", lambda v: not v or is_zone(v)),
            "session_alarm_minutes": _between(
                "The reminder before a session (minutes)", 0, MAX_ALARM_MINUTES
            ),
            "form_secret": _kind(
                "a form secret (64 hexadecimal digits)", lambda v: _SECRET.fullmatch(v) is not None
            ),
        },
        "client": dict(clients.FIELD_RULES),
        "offer": {
            "name": _title("An offer's name", limits.MAX_NAME, required=True),
            "duration_weeks": _between("The typical duration (weeks)", 0, limits.MAX_WEEKS),
        },
        "offer_phase": {
            "name": _title("A phase's name", limits.MAX_NAME, required=True),
            "planned_days": _between("A phase's working days", 1, limits.MAX_DAYS),
        },
        "offer_step": {
            **titles,
            "offset_days": _between("A step's offset (working days)", 0, limits.MAX_DAYS),
            "duration_days": _between("A step's duration (working days)", 1, limits.MAX_DAYS),
        },
        "journey": {
            "offer_name": _title("An offer's name", limits.MAX_NAME, required=True),
            **summary,
            "price_minor": _between("A journey's price", 0, MAX_AMOUNT_MINOR),
            "currency": _kind("a currency code (GBP, EUR…)", lambda v: v == "" or v in BY_CODE),
        },
        "journey_phase": {"name": _title("A phase's name", limits.MAX_NAME, required=True)},
        "journey_step": titles,
        "feedback": {"score": _between("A score", 0, 10)},
    }


class ValueRules:
    """Every rule for the values of a practice file, built once per import."""

    def __init__(self, today: date) -> None:
        self._typed = _typed_rules(today)
        self._columns = {table.name: table.c for table in Base.metadata.sorted_tables}

    def for_table(self, table: str, columns: Sequence[str]) -> list[Rule]:
        """One rule per column of the file's table, in the file's order."""
        return [self._rule(table, column) for column in columns]

    def _rule(self, table: str, name: str) -> Rule:
        declared = self._columns.get(table)
        column = declared.get(name) if declared is not None else None
        if column is None:
            return lambda value: value  # a column of an older schema: its migration decides
        kind = _column_kind(column) or ("", lambda _: True)
        words, test = kind
        steps = [
            rule
            for rule in (_JSON_RULES.get((table, name)), self._typed.get(table, {}).get(name))
            if rule is not None
        ]
        empty_ok = bool(column.nullable or column.primary_key)

        def rule(value: Any) -> Any:  # called for every value of the file: kept lean
            if value is None:
                if empty_ok:
                    return None
                raise InvalidInput(RefusalCode.VALUE_MISSING)
            if not test(value):
                raise InvalidInput(
                    RefusalCode.VALUE_NOT_OF_KIND, written=_shown(value), words=Term(words)
                )
            for step in steps:
                value = step(value)
            return value

        return rule


# -- offers, checked whole by the offer editor's own rules --------------------------------------

# Where the editor's rules place a problem -> the path inside the offer's design.
_DESIGN = {
    "phase": "phases",
    "standard": "standards",
    "criterion": "right_fit.criteria",
    "question": "intake_questions",
}


def design_path(where: Where) -> str:
    """("step", 1, 0, "title") -> "phases[1].steps[0].title"."""
    head, *rest = where
    if head == "offer":
        parts: list[str] = []
    elif head == "step":
        parts, rest = [f"phases[{rest[0]}].steps[{rest[1]}]"], rest[2:]
    else:
        parts, rest = [f"{_DESIGN[str(head)]}[{rest[0]}]"], rest[1:]
    return ".".join([*parts, *(str(part) for part in rest)])


def offer_refusal(engine: Engine, offer_ids: Sequence[int]) -> str | None:
    """The first offer design the editor would refuse to save, as "offer[i].path: why",
    `offer_ids` in the file's order; None when every one could be saved."""
    with Session(engine) as session:
        for index, offer_id in enumerate(offer_ids):
            spec = offers.normalized(offers.spec_of(offers.load_offer(session, offer_id)))
            problems = saving_problems(spec)
            if problems:
                where = design_path(problems[0].where)
                return f"offer[{index}]{'.' if where else ''}{where}: {problems[0].message}"
    return None
