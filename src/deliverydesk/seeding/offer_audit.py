"""Demo offer: the brand audit (pure data, working days Mon-Thu)."""

from __future__ import annotations

from deliverydesk.model.rules.enums import StepKind
from deliverydesk.model.rules.offer_design import OfferSpec, PhaseSpec, StandardSpec, StepSpec
from deliverydesk.seeding.offer_parts import (
    AUDIT_INTAKE,
    BOUNDARIES,
    CLIENT,
    EXPECTED,
    ME,
    ORDER_WINNING,
    REPLY_IN_A_DAY,
    RIGHT_FIT,
    THIRD,
)

BRAND_AUDIT = OfferSpec(
    name="Brand Audit",
    promise=(
        "In <weeks> weeks, know exactly what your brand says today, where it leaks trust, and "
        "the ten fixes that matter most, in the order to make them."
    ),
    description="Interviews, a full audit of what customers see, and a prioritised fix list.",
    capacity_note="About 2.5 hours a week per audit; up to 6 at once.",
    duration_weeks=6,
    boundaries=BOUNDARIES,
    right_fit=RIGHT_FIT,
    welcome_template=(
        "Hi {client_first_name},\n\nWelcome to your {offer}! Over the next <weeks> weeks we "
        "find out what your brand says today and the fixes that matter most. First: "
        "{step}, by {due_date}.\n\n{practice_name}"
    ),
    intake_questions=AUDIT_INTAKE,
    standards=(
        REPLY_IN_A_DAY,
        StandardSpec(
            "Final report delivered on the date promised at kick-off",
            EXPECTED,
            "on the kick-off date",
        ),
        StandardSpec("Every finding comes with a fix and who does it", ORDER_WINNING),
        StandardSpec(
            "A written update every Thursday during the audit", ORDER_WINNING, "every Thursday"
        ),
    ),
    phases=(
        PhaseSpec(
            "Onboarding",
            3,
            steps=(
                StepSpec(
                    "Signed proposal and deposit invoice", StepKind.INVOICE, ME, effort_minutes=10
                ),
                StepSpec(
                    "Brand questionnaire received",
                    StepKind.FORM,
                    CLIENT,
                    duration_days=3,
                    is_checkpoint=True,
                    failure_point="Answers are one-liners and the interviews start from zero.",
                    recovery_protocol=(
                        "Walk through the <questions> key questions on the kick-off call."
                    ),
                ),
                StepSpec(
                    "Access to website, analytics and brand files",
                    StepKind.TASK,
                    CLIENT,
                    duration_days=3,
                    failure_point="Logins trickle in one at a time; the audit starts half-blind.",
                    recovery_protocol=(
                        "Send the access checklist as one shared form; a 15-minute screen "
                        "share to add me as a user."
                    ),
                ),
                StepSpec(
                    "Kick-off call",
                    StepKind.SESSION,
                    ME,
                    offset_days=2,
                    effort_minutes=60,
                    session_minutes=60,
                    is_milestone=True,
                ),
            ),
        ),
        PhaseSpec(
            "Discovery",
            6,
            steps=(
                StepSpec(
                    "Send the customer perception survey",
                    StepKind.TASK,
                    CLIENT,
                    duration_days=2,
                    description="To twenty customers, using the link and email I draft.",
                ),
                StepSpec(
                    "Stakeholder interviews (up to four)",
                    StepKind.SESSION,
                    ME,
                    duration_days=4,
                    effort_minutes=120,
                    session_minutes=120,
                ),
                StepSpec(
                    "Competitor scan: five brands",
                    StepKind.TASK,
                    ME,
                    offset_days=1,
                    duration_days=3,
                    effort_minutes=90,
                    client_facing=False,
                ),
                StepSpec(
                    "Audit scorecard", StepKind.RESOURCE, ME, offset_days=4, effort_minutes=15
                ),
                StepSpec(
                    "Discovery update",
                    StepKind.MESSAGE,
                    ME,
                    offset_days=5,
                    effort_minutes=15,
                    is_touchpoint=True,
                    message_template=(
                        "Hi {client_first_name},\n\nDiscovery is done: the interviews are in "
                        "and your customers have had their say. Next: {next_step}.\n\n"
                        "{practice_name}"
                    ),
                ),
            ),
        ),
        PhaseSpec(
            "Audit",
            8,
            steps=(
                StepSpec(
                    "Website, social and sales-deck audit",
                    StepKind.TASK,
                    ME,
                    duration_days=4,
                    effort_minutes=120,
                    client_facing=False,
                ),
                StepSpec(
                    "Halfway update: three early findings",
                    StepKind.MESSAGE,
                    ME,
                    offset_days=4,
                    effort_minutes=15,
                    is_touchpoint=True,
                    message_template=(
                        "Hi {client_first_name},\n\nHalfway through the audit, three things "
                        "stand out already (below). The full picture comes with "
                        "{next_step}.\n\n{practice_name}"
                    ),
                ),
                StepSpec(
                    "Visual identity review",
                    StepKind.DELIVERABLE,
                    THIRD,
                    duration_days=5,
                    description="The designer reviews logo, type, colour and templates.",
                    failure_point="The designer's notes arrive late; the findings slip with them.",
                    recovery_protocol=(
                        "Book the designer's slot at kick-off; chase on day 3; if still late, "
                        "send the findings without visual notes and add them as an appendix."
                    ),
                ),
                StepSpec(
                    "Messaging and tone-of-voice audit",
                    StepKind.TASK,
                    ME,
                    offset_days=3,
                    duration_days=3,
                    effort_minutes=90,
                    client_facing=False,
                ),
                StepSpec(
                    "Audit findings draft",
                    StepKind.DELIVERABLE,
                    ME,
                    offset_days=6,
                    duration_days=2,
                    effort_minutes=120,
                    is_milestone=True,
                ),
            ),
        ),
        PhaseSpec(
            "Findings & Recommendations",
            5,
            steps=(
                StepSpec(
                    "Findings presentation",
                    StepKind.SESSION,
                    ME,
                    effort_minutes=60,
                    session_minutes=60,
                    is_milestone=True,
                ),
                StepSpec(
                    "Rank the recommendations",
                    StepKind.HOMEWORK,
                    CLIENT,
                    offset_days=1,
                    duration_days=2,
                    failure_point="Every fix is 'top priority' and nothing gets started.",
                    recovery_protocol="Ask for a top three only; I rank the rest and explain why.",
                ),
                StepSpec("Balance invoice", StepKind.INVOICE, ME, offset_days=3, effort_minutes=5),
                StepSpec(
                    "Audit findings signed off",
                    StepKind.REVIEW,
                    CLIENT,
                    offset_days=3,
                    duration_days=2,
                    is_checkpoint=True,
                ),
            ),
        ),
        PhaseSpec(
            "Handover & Offboarding",
            3,
            steps=(
                StepSpec(
                    "Final report and 90-day fix list",
                    StepKind.DELIVERABLE,
                    ME,
                    duration_days=2,
                    effort_minutes=90,
                    is_milestone=True,
                ),
                StepSpec(
                    "Handover call with the client's team",
                    StepKind.SESSION,
                    ME,
                    offset_days=1,
                    effort_minutes=45,
                    session_minutes=45,
                ),
                StepSpec("Closing survey", StepKind.SURVEY, CLIENT, offset_days=1, duration_days=2),
                StepSpec(
                    "30-day follow-up booked",
                    StepKind.MESSAGE,
                    ME,
                    offset_days=2,
                    effort_minutes=10,
                    is_touchpoint=True,
                    message_template=(
                        "Hi {client_first_name},\n\nYour fix list is in good hands. I have "
                        "pencilled in a 30-minute follow-up in a month to see what moved.\n\n"
                        "{practice_name}"
                    ),
                ),
            ),
        ),
    ),
)
