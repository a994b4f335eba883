"""The welcome letter's step placeholders: which step the letter points the client to.

`{step}` is the journey's first step for the client when nothing of theirs is done yet,
and their next open step otherwise; `{next_step}` is the one after it; `{due_date}` is
`{step}`'s date, said to be past when it is. Only the client's own steps count: the
practitioner's work (this very pack) and invoices are never "your first step". A sentence
whose placeholder has no value (every step done) is left out rather than printed as
"{step}".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from deliverydesk.model.rules.enums import Owner, StepKind
from deliverydesk.model.rules.offer_rules import fill_template
from deliverydesk.reports.data import WeekScale
from deliverydesk.wording import ENGLISH

STEP_KEYS = ("step", "next_step", "due_date")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True, slots=True)
class LetterStep:
    title: str
    kind: StepKind
    owner: Owner
    due_on: date | None
    done: bool


def step_values(
    steps: Sequence[LetterStep], today: date, *, weeks: WeekScale | None = None
) -> dict[str, str]:
    """Values for STEP_KEYS (a key is absent when there is no such step). `steps` are in
    journey order; with `weeks` (an offer's template) the date is said as a week of
    the journey, since no client has dates yet."""
    theirs = [
        (index, s)
        for index, s in enumerate(steps)
        if s.owner is Owner.CLIENT and s.kind is not StepKind.INVOICE
    ]
    open_ = [(index, s) for index, s in theirs if not s.done]
    if len(open_) < len(theirs):  # under way: the earliest due first, late ones included
        open_.sort(key=lambda pair: (pair[1].due_on or date.max, pair[0]))
    values: dict[str, str] = {}
    if open_:
        first = open_[0][1]
        values["step"] = first.title
        when = _when(first.due_on, today, weeks)
        if when:
            values["due_date"] = when
    if len(open_) > 1:
        values["next_step"] = open_[1][1].title
    return values


def _when(day: date | None, today: date, weeks: WeekScale | None) -> str:
    if day is None:
        return ""
    if weeks is not None:
        return f"the end of week {weeks.week(day)}"
    said = ENGLISH.paper_date(day)
    return f"{said} (a date now past)" if day < today else said


def fill_letter(template: str, values: Mapping[str, str]) -> str:
    """The template filled; a sentence naming a step placeholder without a value is left
    out (a paragraph left empty goes with it)."""
    missing = [f"{{{key}}}" for key in STEP_KEYS if not values.get(key)]
    paragraphs = []
    for paragraph in template.split("\n\n"):
        if missing and any(m in paragraph for m in missing):
            kept = [
                sentence
                for sentence in _SENTENCE_END.split(paragraph)
                if not any(m in sentence for m in missing)
            ]
            paragraph = " ".join(kept)
            if not paragraph.strip():
                continue
        paragraphs.append(paragraph)
    return fill_template("\n\n".join(paragraphs), {k: v for k, v in values.items() if v})
