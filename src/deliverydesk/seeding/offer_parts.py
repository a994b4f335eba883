"""Shorthands shared by the demo offers (pure data)."""

from __future__ import annotations

from deliverydesk.model.rules.enums import Owner, QuestionKind, StandardTier
from deliverydesk.model.rules.fit import FitCriterion, RightFit
from deliverydesk.model.rules.offer_design import IntakeQuestion, StandardSpec

ME, CLIENT, THIRD = Owner.ME, Owner.CLIENT, Owner.THIRD_PARTY
EXPECTED, ORDER_WINNING = StandardTier.EXPECTED, StandardTier.ORDER_WINNING

REPLY_IN_A_DAY = StandardSpec("Reply to messages within one working day", EXPECTED, "1 working day")

# Who the demo practice works best with (seed 003, "right fit client"); a client answering
# yes to criteria worth at least the threshold is a good fit.
RIGHT_FIT = RightFit(
    criteria=(
        FitCriterion("Has 2-3 hours a week for their part", 2),
        FitCriterion("Ready to hear honest feedback", 2),
        FitCriterion("Budget agreed and paid on time", 1),
        FitCriterion("Clear on the outcome they want", 1),
    ),
    threshold=4,
)

BOUNDARIES = (
    "I answer messages on working days, within one working day. Sessions moved with less "
    "than 24 hours' notice count as held. Urgent? Say so in the subject line."
)

# The intake forms the demo offers send (printed by reports/intake_form.py).
_Q = QuestionKind
COACHING_INTAKE = (
    IntakeQuestion("What made you decide to start coaching now?", _Q.LONG_TEXT),
    IntakeQuestion("In twelve weeks, what would make this worth it?", _Q.LONG_TEXT),
    IntakeQuestion(
        "How many hours a week can you give your part?",
        _Q.CHOICE,
        ("1-2", "2-3", "3-5", "More than 5"),
    ),
    IntakeQuestion("Have you worked with a coach before?", _Q.YES_NO),
    IntakeQuestion("When would you like the first session?", _Q.DATE),
    IntakeQuestion("Anything I should know before we meet?", _Q.SHORT_TEXT),
)
AUDIT_INTAKE = (
    IntakeQuestion("Your business in one sentence", _Q.SHORT_TEXT),
    IntakeQuestion("Who are your best customers, and why do they choose you?", _Q.LONG_TEXT),
    IntakeQuestion(
        "Where do most new customers find you?",
        _Q.CHOICE,
        ("Word of mouth", "Search", "Social media", "Walk-in", "Other"),
    ),
    IntakeQuestion("Do you have brand guidelines today?", _Q.YES_NO),
    IntakeQuestion("Date of your next launch or busy season", _Q.DATE),
)
MANUSCRIPT_INTAKE = (
    IntakeQuestion("Working title", _Q.SHORT_TEXT),
    IntakeQuestion("What is the book about, in a paragraph?", _Q.LONG_TEXT),
    IntakeQuestion(
        "Genre", _Q.CHOICE, ("Literary fiction", "Genre fiction", "Memoir", "Non-fiction")
    ),
    IntakeQuestion("Has anyone else edited this draft?", _Q.YES_NO),
    IntakeQuestion("Your submission or publication deadline", _Q.DATE),
)
