"""Demo offer: the manuscript edit (pure data, working days Mon-Thu)."""

from __future__ import annotations

from deliverydesk.model.rules.enums import StepKind
from deliverydesk.model.rules.offer_design import OfferSpec, PhaseSpec, StandardSpec, StepSpec
from deliverydesk.seeding.offer_parts import (
    BOUNDARIES,
    CLIENT,
    EXPECTED,
    MANUSCRIPT_INTAKE,
    ME,
    ORDER_WINNING,
    REPLY_IN_A_DAY,
    RIGHT_FIT,
    THIRD,
)

MANUSCRIPT_EDIT = OfferSpec(
    name="Manuscript Edit",
    promise=(
        "Your non-fiction manuscript goes from a draft you are unsure of to a clean, "
        "well-structured book you are proud to send to an agent or a printer."
    ),
    description="Assessment, developmental edit, copy edit and an independent proofread.",
    capacity_note="About 2.5 hours a week per manuscript; up to 6 at once.",
    duration_weeks=10,
    boundaries=BOUNDARIES,
    right_fit=RIGHT_FIT,
    welcome_template=(
        "Hi {client_first_name},\n\nThank you for trusting me with your manuscript. Here "
        "is how the {offer} works, phase by phase. First: {step}, by "
        "{due_date}.\n\n{practice_name}"
    ),
    intake_questions=MANUSCRIPT_INTAKE,
    standards=(
        REPLY_IN_A_DAY,
        StandardSpec(
            "Editorial letter within 7 working days of receiving the manuscript",
            EXPECTED,
            "7 working days",
        ),
        StandardSpec("Tracked changes explained, never just made", ORDER_WINNING),
        StandardSpec(
            "A short progress note every week the manuscript is with me", ORDER_WINNING, "weekly"
        ),
    ),
    phases=(
        PhaseSpec(
            "Onboarding",
            3,
            steps=(
                StepSpec("Contract and deposit invoice", StepKind.INVOICE, ME, effort_minutes=10),
                StepSpec(
                    "Manuscript and author questionnaire received",
                    StepKind.FORM,
                    CLIENT,
                    duration_days=2,
                    is_checkpoint=True,
                    failure_point="The 'final' manuscript is still being rewritten.",
                    recovery_protocol=(
                        "Agree a freeze date; anything after it waits for the copy edit."
                    ),
                ),
                StepSpec(
                    "Editing style guide", StepKind.RESOURCE, ME, offset_days=1, effort_minutes=10
                ),
                StepSpec(
                    "Welcome call",
                    StepKind.SESSION,
                    ME,
                    offset_days=2,
                    effort_minutes=45,
                    session_minutes=45,
                    is_touchpoint=True,
                    message_template=(
                        "Hi {client_first_name},\n\nYour manuscript is safely with me. Here "
                        "is what happens next, week by week, starting with {next_step}.\n\n"
                        "{practice_name}"
                    ),
                ),
            ),
        ),
        PhaseSpec(
            "Manuscript Assessment",
            8,
            steps=(
                StepSpec(
                    "Progress note: read-through underway",
                    StepKind.MESSAGE,
                    ME,
                    offset_days=2,
                    effort_minutes=10,
                    is_touchpoint=True,
                    message_template=(
                        "Hi {client_first_name},\n\nI am halfway through your manuscript and "
                        "enjoying it. The editorial letter is next: {next_step}.\n\n"
                        "{practice_name}"
                    ),
                ),
                StepSpec(
                    "Full read-through with margin notes",
                    StepKind.TASK,
                    ME,
                    duration_days=5,
                    effort_minutes=240,
                    client_facing=False,
                ),
                StepSpec(
                    "Editorial letter",
                    StepKind.DELIVERABLE,
                    ME,
                    offset_days=5,
                    duration_days=2,
                    effort_minutes=120,
                    is_milestone=True,
                    failure_point="The letter reads as a verdict and the author goes quiet.",
                    recovery_protocol=(
                        "Lead with what works; book the assessment call before sending, so "
                        "the letter is never read alone for long."
                    ),
                ),
                StepSpec(
                    "Revision plan agreed",
                    StepKind.REVIEW,
                    CLIENT,
                    offset_days=7,
                    is_checkpoint=True,
                    description="On the assessment call: what changes, what stays, by when.",
                ),
            ),
        ),
        PhaseSpec(
            "Developmental Edit",
            14,
            steps=(
                StepSpec(
                    "Structural edit, chapters 1-8",
                    StepKind.TASK,
                    ME,
                    duration_days=5,
                    effort_minutes=180,
                ),
                StepSpec(
                    "Structural edit, chapters 9-16",
                    StepKind.TASK,
                    ME,
                    offset_days=5,
                    duration_days=4,
                    effort_minutes=150,
                ),
                StepSpec(
                    "Weekly progress note",
                    StepKind.MESSAGE,
                    ME,
                    offset_days=8,
                    effort_minutes=10,
                    is_touchpoint=True,
                    message_template=(
                        "Hi {client_first_name},\n\nThis week: chapters 9 to 16 are edited "
                        "and on their way back to you. What I need from you: {next_step}.\n\n"
                        "{practice_name}"
                    ),
                ),
                StepSpec(
                    "Midpoint pulse survey",
                    StepKind.SURVEY,
                    CLIENT,
                    offset_days=9,
                    duration_days=2,
                ),
                StepSpec(
                    "Author revisions",
                    StepKind.HOMEWORK,
                    CLIENT,
                    offset_days=4,
                    duration_days=9,
                    failure_point=(
                        "The author rewrites everything instead of what was flagged, and the "
                        "schedule doubles."
                    ),
                    recovery_protocol=(
                        "Agree a revision budget per chapter; a 20-minute call at the first "
                        "sign of a full rewrite."
                    ),
                ),
                StepSpec(
                    "Revised manuscript received",
                    StepKind.FORM,
                    CLIENT,
                    offset_days=13,
                    is_checkpoint=True,
                    is_milestone=True,
                ),
            ),
        ),
        PhaseSpec(
            "Copy Edit & Proofread",
            10,
            steps=(
                StepSpec(
                    "Line and copy edit",
                    StepKind.TASK,
                    ME,
                    duration_days=5,
                    effort_minutes=240,
                    is_milestone=True,
                ),
                StepSpec("Style sheet", StepKind.RESOURCE, ME, offset_days=4, effort_minutes=20),
                StepSpec(
                    "Author queries answered",
                    StepKind.HOMEWORK,
                    CLIENT,
                    offset_days=5,
                    duration_days=3,
                    failure_point="Queries answered one by one over two weeks.",
                    recovery_protocol="One sitting, one call: I read the queries out, we decide.",
                ),
                StepSpec(
                    "Independent proofread",
                    StepKind.DELIVERABLE,
                    THIRD,
                    offset_days=6,
                    duration_days=4,
                    description="By the proofreader, on the corrected file.",
                    failure_point=(
                        "The proofreader's slot slips because the copy edit ran over, and the "
                        "printer date is at risk."
                    ),
                    recovery_protocol=(
                        "Book the proofreader at assessment with a two-day buffer; if they "
                        "slip, tell the author the same day, with a new date."
                    ),
                ),
            ),
        ),
        PhaseSpec(
            "Production Handoff & Offboarding",
            5,
            steps=(
                StepSpec("Print-ready files to the printer", StepKind.TASK, ME, effort_minutes=45),
                StepSpec(
                    "Printer's proof",
                    StepKind.DELIVERABLE,
                    THIRD,
                    duration_days=3,
                    failure_point="The proof comes back with reflowed pages and widows.",
                    recovery_protocol="Check the proof against the style sheet within a day.",
                ),
                StepSpec(
                    "Printer proof approved",
                    StepKind.REVIEW,
                    CLIENT,
                    offset_days=3,
                    is_checkpoint=True,
                    is_milestone=True,
                ),
                StepSpec("Final invoice", StepKind.INVOICE, ME, offset_days=3, effort_minutes=5),
                StepSpec("Closing survey", StepKind.SURVEY, CLIENT, offset_days=3, duration_days=2),
                StepSpec(
                    "Thank-you note and referral ask",
                    StepKind.MESSAGE,
                    ME,
                    offset_days=4,
                    effort_minutes=10,
                    is_touchpoint=True,
                    message_template=(
                        "Hi {client_first_name},\n\nYour book is with the printer. It has "
                        "been a privilege to work on it with you.\n\nIf a writer you know "
                        "needs an editor, I would love an introduction.\n\n{practice_name}"
                    ),
                ),
            ),
        ),
    ),
)
