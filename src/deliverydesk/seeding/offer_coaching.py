"""Demo offer: the 12-week coaching programme (pure data, working days Mon-Thu)."""

from __future__ import annotations

from deliverydesk.model.rules.enums import StepKind
from deliverydesk.model.rules.offer_design import OfferSpec, PhaseSpec, StandardSpec, StepSpec
from deliverydesk.seeding.offer_parts import (
    BOUNDARIES,
    CLIENT,
    COACHING_INTAKE,
    EXPECTED,
    ME,
    ORDER_WINNING,
    REPLY_IN_A_DAY,
    RIGHT_FIT,
    THIRD,
)

COACHING = OfferSpec(
    name="12-Week Clarity Coaching",
    promise=(
        "From scattered and overcommitted to a clear twelve-month direction, a weekly "
        "rhythm you actually keep, and the confidence to say no to what does not fit."
    ),
    description=(
        "<Sessions> one-to-one sessions over <weeks> weeks, with short homework between them and a "
        "written progress report at the midpoint and at the end."
    ),
    capacity_note="About an hour a week per client; up to 12 at once.",
    duration_weeks=12,
    boundaries=BOUNDARIES,
    right_fit=RIGHT_FIT,
    welcome_template=(
        "Hi {client_first_name},\n\nWelcome to {offer}. I am glad you are here. Your "
        "first step is {step}, by {due_date}; everything else follows from "
        "there.\n\n{practice_name}"
    ),
    intake_questions=COACHING_INTAKE,
    standards=(
        REPLY_IN_A_DAY,
        StandardSpec("Session notes within 2 days", EXPECTED, "2 working days"),
        StandardSpec("Sessions start on time, every time", EXPECTED, "on time"),
        StandardSpec(
            "A check-in every other week, even when nothing is due", ORDER_WINNING, "every 2 weeks"
        ),
        StandardSpec("Every session opens with last week's win", ORDER_WINNING),
    ),
    phases=(
        PhaseSpec(
            "Onboarding",
            4,
            description="Paperwork out of the way, the map in hand, the first win booked.",
            steps=(
                StepSpec(
                    "Welcome message and programme map",
                    StepKind.MESSAGE,
                    ME,
                    effort_minutes=10,
                    is_touchpoint=True,
                    message_template=(
                        "Hi {client_first_name},\n\nWelcome to Clarity Coaching! Your "
                        "programme map is attached: <weeks> weeks, <phases> phases, and you will "
                        "always know which one you are in.\n\nYour first step: {next_step}.\n\n"
                        "Any question, just reply; I answer within one working day.\n\n"
                        "Warmly,\n{practice_name}"
                    ),
                    failure_point=(
                        "The welcome lands in a spam folder and the client spends the first "
                        "week wondering whether anything has started."
                    ),
                    recovery_protocol=(
                        "If the intake form has not been opened by day 2, send a two-line "
                        "text and confirm the email address."
                    ),
                ),
                StepSpec(
                    "Deposit invoice",
                    StepKind.INVOICE,
                    ME,
                    effort_minutes=5,
                    failure_point="Invoice unpaid while sessions are already being booked.",
                    recovery_protocol=(
                        "Friendly reminder on day 3; hold the kick-off slot for five working "
                        "days, then release it and offer the next start date."
                    ),
                ),
                StepSpec(
                    "Welcome pack and workbook",
                    StepKind.RESOURCE,
                    ME,
                    offset_days=1,
                    effort_minutes=10,
                ),
                StepSpec(
                    "Intake form received",
                    StepKind.FORM,
                    CLIENT,
                    duration_days=3,
                    is_checkpoint=True,
                    description=(
                        "<Questions> questions on goals, energy, constraints and past tries."
                    ),
                    failure_point=(
                        "The client postpones the questionnaire because it feels like "
                        "homework before anything has started."
                    ),
                    recovery_protocol=(
                        "Offer to fill it in together in the first 20 minutes of the "
                        "kick-off; never start the strategy work without it."
                    ),
                ),
                StepSpec(
                    "Book all <sessions> sessions",
                    StepKind.TASK,
                    CLIENT,
                    offset_days=1,
                    duration_days=2,
                    description="Through the booking link in the welcome pack.",
                    failure_point="Sessions booked one at a time, then weeks get skipped.",
                    recovery_protocol="Book the remaining sessions together at the kick-off.",
                ),
                StepSpec(
                    "Kick-off session",
                    StepKind.SESSION,
                    ME,
                    offset_days=3,
                    effort_minutes=75,
                    session_minutes=75,
                    is_milestone=True,
                    description="The promise, the map, how we work together, a first quick win.",
                ),
            ),
        ),
        PhaseSpec(
            "Discovery",
            8,
            description="Where you are now, and what you want instead.",
            steps=(
                StepSpec(
                    "Session notes: kick-off",
                    StepKind.MESSAGE,
                    ME,
                    duration_days=2,
                    effort_minutes=15,
                    is_touchpoint=True,
                    message_template=(
                        "Hi {client_first_name},\n\nHere are the notes from our kick-off, "
                        "with the one thing you said you would try this week.\n\nNext up: "
                        "{next_step}.\n\n{practice_name}"
                    ),
                ),
                StepSpec(
                    "Values and energy audit",
                    StepKind.HOMEWORK,
                    CLIENT,
                    duration_days=4,
                    description="Ten minutes a day noting what gives and what drains energy.",
                    failure_point="Skipped in a busy week; session 2 has nothing to work from.",
                    recovery_protocol=(
                        "Send the one-page version (three questions, five minutes) and do "
                        "the rest live."
                    ),
                ),
                StepSpec(
                    "Strengths profile report",
                    StepKind.RESOURCE,
                    THIRD,
                    offset_days=1,
                    duration_days=3,
                    description="From the psychometric assessment provider.",
                    failure_point="The provider's report arrives late and session 3 runs blind.",
                    recovery_protocol=(
                        "Chase the provider on day 2; if it is still missing, run session 3 "
                        "on the values audit and review the profile in session 4."
                    ),
                ),
                StepSpec(
                    "Coaching session 2: where you are now",
                    StepKind.SESSION,
                    ME,
                    offset_days=4,
                    effort_minutes=50,
                    session_minutes=50,
                ),
                StepSpec(
                    "Coaching session 3: what you want instead",
                    StepKind.SESSION,
                    ME,
                    offset_days=7,
                    effort_minutes=50,
                    session_minutes=50,
                ),
                StepSpec(
                    "Direction statement agreed",
                    StepKind.REVIEW,
                    ME,
                    offset_days=7,
                    effort_minutes=20,
                    is_milestone=True,
                    is_checkpoint=True,
                    description="One paragraph you would be proud to read in a year.",
                ),
            ),
        ),
        PhaseSpec(
            "Strategy",
            12,
            description="Turn your direction into a 90-day plan you believe in.",
            steps=(
                StepSpec(
                    "Draft 90-day plan",
                    StepKind.DELIVERABLE,
                    ME,
                    duration_days=3,
                    effort_minutes=60,
                ),
                StepSpec(
                    "Coaching session 4: stress-test the plan",
                    StepKind.SESSION,
                    ME,
                    offset_days=4,
                    effort_minutes=50,
                    session_minutes=50,
                ),
                StepSpec(
                    "Mark up the plan: keep, cut, change",
                    StepKind.HOMEWORK,
                    CLIENT,
                    offset_days=4,
                    duration_days=3,
                    failure_point="The client agrees to everything in the room, then stalls.",
                    recovery_protocol="Ask for the three cuts first; no plan is done without them.",
                ),
                StepSpec("Midpoint invoice", StepKind.INVOICE, ME, offset_days=8, effort_minutes=5),
                StepSpec(
                    "Midpoint pulse survey",
                    StepKind.SURVEY,
                    CLIENT,
                    offset_days=8,
                    duration_days=2,
                    failure_point="Survey ignored; doubts only surface at the end.",
                    recovery_protocol="Ask the three questions live at the start of session 5.",
                ),
                StepSpec(
                    "90-day plan signed off",
                    StepKind.REVIEW,
                    CLIENT,
                    offset_days=10,
                    duration_days=2,
                    is_milestone=True,
                    is_checkpoint=True,
                ),
            ),
        ),
        PhaseSpec(
            "Momentum",
            18,
            description="Weekly rhythm, small experiments, visible wins.",
            steps=(
                StepSpec(
                    "Coaching session 5",
                    StepKind.SESSION,
                    ME,
                    effort_minutes=50,
                    session_minutes=50,
                ),
                StepSpec(
                    "Coaching session 6",
                    StepKind.SESSION,
                    ME,
                    offset_days=4,
                    effort_minutes=50,
                    session_minutes=50,
                ),
                StepSpec(
                    "Progress check-in",
                    StepKind.MESSAGE,
                    ME,
                    offset_days=6,
                    effort_minutes=10,
                    is_touchpoint=True,
                    message_template=(
                        "Hi {client_first_name},\n\nA quick check-in from {practice_name}: you "
                        "are halfway through Momentum, and the plan is holding.\n\nNext up: "
                        "{next_step}. Anything getting in the way? Reply and tell me."
                    ),
                ),
                StepSpec(
                    "Coaching session 7",
                    StepKind.SESSION,
                    ME,
                    offset_days=8,
                    effort_minutes=50,
                    session_minutes=50,
                ),
                StepSpec(
                    "Weekly wins log",
                    StepKind.HOMEWORK,
                    CLIENT,
                    duration_days=14,
                    description="Three wins a week, however small, in the shared workbook.",
                    failure_point="The log stops after week one; progress stops feeling visible.",
                    recovery_protocol=(
                        "Send the 'three wins' prompt on Thursday; celebrate the smallest "
                        "one at the next session."
                    ),
                ),
                StepSpec(
                    "Boundaries experiment",
                    StepKind.HOMEWORK,
                    CLIENT,
                    offset_days=9,
                    duration_days=5,
                    description="Say no to one request a week, and write down what happened.",
                ),
                StepSpec(
                    "Coaching session 8: one month of the new rhythm",
                    StepKind.SESSION,
                    ME,
                    offset_days=13,
                    effort_minutes=50,
                    session_minutes=50,
                    is_milestone=True,
                ),
            ),
        ),
        PhaseSpec(
            "Integration & Offboarding",
            6,
            description="Make the change stick without me, then celebrate it.",
            steps=(
                StepSpec(
                    "Coaching session 9: what stays",
                    StepKind.SESSION,
                    ME,
                    effort_minutes=50,
                    session_minutes=50,
                ),
                StepSpec(
                    "Closing survey",
                    StepKind.SURVEY,
                    CLIENT,
                    offset_days=1,
                    duration_days=3,
                ),
                StepSpec(
                    "Final progress report",
                    StepKind.DELIVERABLE,
                    ME,
                    offset_days=2,
                    duration_days=2,
                    effort_minutes=60,
                    is_milestone=True,
                ),
                StepSpec(
                    "Coaching session 10: graduation",
                    StepKind.SESSION,
                    ME,
                    offset_days=4,
                    effort_minutes=60,
                    session_minutes=60,
                    is_milestone=True,
                ),
                StepSpec("Final invoice", StepKind.INVOICE, ME, offset_days=5, effort_minutes=5),
                StepSpec(
                    "Alumni invite and referral ask",
                    StepKind.MESSAGE,
                    ME,
                    offset_days=5,
                    effort_minutes=10,
                    is_touchpoint=True,
                    message_template=(
                        "Hi {client_first_name},\n\n<Weeks> weeks ago you wanted a clear "
                        "direction; you now have one, and a rhythm to keep it. Thank you for "
                        "the work you put in.\n\nIf someone you know is where you were, I "
                        "would be glad to talk to them.\n\n{practice_name}"
                    ),
                ),
            ),
        ),
    ),
)
