"""The demo practice's three offers, designed the way seed 000 describes a delivery journey.

Pure data: demo.py builds them through services.offers.create_offer. Durations and offsets
are working days of a Monday-to-Thursday practice (four working days a week).
"""

from __future__ import annotations

from deliverydesk.model.enums import Owner, StandardTier, StepKind
from deliverydesk.services.offers import OfferSpec, PhaseSpec, StepSpec

ME, CLIENT, THIRD = Owner.ME, Owner.CLIENT, Owner.THIRD_PARTY
EXPECTED, ORDER_WINNING = StandardTier.EXPECTED, StandardTier.ORDER_WINNING

REPLY_IN_A_DAY = ("Reply to messages within one working day", EXPECTED)

COACHING = OfferSpec(
    name="12-Week Clarity Coaching",
    promise=(
        "From scattered and overcommitted to a clear twelve-month direction, a weekly "
        "rhythm you actually keep, and the confidence to say no to what does not fit."
    ),
    description=(
        "Ten one-to-one sessions over twelve weeks, with short homework between them and a "
        "written progress report at the midpoint and at the end."
    ),
    capacity_note="About an hour a week per client; up to 12 at once.",
    standards=(
        REPLY_IN_A_DAY,
        ("Session notes within 2 days", EXPECTED),
        ("Sessions start on time, every time", EXPECTED),
        ("A check-in every other week, even when nothing is due", ORDER_WINNING),
        ("Every session opens with last week's win", ORDER_WINNING),
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
                        "programme map is attached: twelve weeks, five phases, and you will "
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
                    description="Twenty questions on goals, energy, constraints and past tries.",
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
                    "Book all ten sessions",
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
                    is_milestone=True,
                    description="The promise, the map, how we work together, a first quick win.",
                ),
            ),
        ),
        PhaseSpec(
            "Discovery",
            8,
            description="Where the client is now, and what they want instead.",
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
                ),
                StepSpec(
                    "Coaching session 3: what you want instead",
                    StepKind.SESSION,
                    ME,
                    offset_days=7,
                    effort_minutes=50,
                ),
                StepSpec(
                    "Direction statement agreed",
                    StepKind.REVIEW,
                    ME,
                    offset_days=7,
                    effort_minutes=20,
                    is_milestone=True,
                    is_checkpoint=True,
                    description="One paragraph the client would be proud to read in a year.",
                ),
            ),
        ),
        PhaseSpec(
            "Strategy",
            12,
            description="Turn the direction into a 90-day plan the client believes in.",
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
                StepSpec("Coaching session 5", StepKind.SESSION, ME, effort_minutes=50),
                StepSpec(
                    "Coaching session 6", StepKind.SESSION, ME, offset_days=4, effort_minutes=50
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
                    "Coaching session 7", StepKind.SESSION, ME, offset_days=8, effort_minutes=50
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
                    is_milestone=True,
                ),
            ),
        ),
        PhaseSpec(
            "Integration & Offboarding",
            6,
            description="Make the change stick without me, then celebrate it.",
            steps=(
                StepSpec("Coaching session 9: what stays", StepKind.SESSION, ME, effort_minutes=50),
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
                        "Hi {client_first_name},\n\nTwelve weeks ago you wanted a clear "
                        "direction; you now have one, and a rhythm to keep it. Thank you for "
                        "the work you put in.\n\nIf someone you know is where you were, I "
                        "would be glad to talk to them.\n\n{practice_name}"
                    ),
                ),
            ),
        ),
    ),
)

BRAND_AUDIT = OfferSpec(
    name="Brand Audit",
    promise=(
        "In six weeks, know exactly what your brand says today, where it leaks trust, and "
        "the ten fixes that matter most, in the order to make them."
    ),
    description="Interviews, a full audit of what customers see, and a prioritised fix list.",
    capacity_note="About 2.5 hours a week per audit; up to 6 at once.",
    standards=(
        REPLY_IN_A_DAY,
        ("Final report delivered on the date promised at kick-off", EXPECTED),
        ("Every finding comes with a fix and who does it", ORDER_WINNING),
        ("A written update every Thursday during the audit", ORDER_WINNING),
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
                    recovery_protocol="Walk through the five key questions on the kick-off call.",
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

MANUSCRIPT_EDIT = OfferSpec(
    name="Manuscript Edit",
    promise=(
        "Your non-fiction manuscript goes from a draft you are unsure of to a clean, "
        "well-structured book you are proud to send to an agent or a printer."
    ),
    description="Assessment, developmental edit, copy edit and an independent proofread.",
    capacity_note="About 2.5 hours a week per manuscript; up to 6 at once.",
    standards=(
        REPLY_IN_A_DAY,
        ("Editorial letter within 7 working days of receiving the manuscript", EXPECTED),
        ("Tracked changes explained, never just made", ORDER_WINNING),
        ("A short progress note every week the manuscript is with me", ORDER_WINNING),
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

# Keyed by the short names demo_clients uses to say which offer a client bought.
OFFERS: dict[str, OfferSpec] = {
    "coaching": COACHING,
    "brand": BRAND_AUDIT,
    "manuscript": MANUSCRIPT_EDIT,
}
