"""The demo practice's 25 clients and how each one's journey has gone so far.

Pure data: demo.py enrols each client and replays their story through the services.
Start dates are counted in working days before today, so the picture is the same whichever
day the demo is created.
"""

from __future__ import annotations

from dataclasses import dataclass

from deliverydesk.model.rules.enums import FrictionKind, Severity

RIGHT_FIT_QUESTIONS = (
    "Has 2-3 hours a week for their part",
    "Ready to hear honest feedback",
    "Budget agreed and paid on time",
    "Clear on the outcome they want",
)


@dataclass(frozen=True)
class FrictionSeed:
    """An incident on the step titled `step`; no recovery means it is still open."""

    step: str
    description: str
    kind: FrictionKind = FrictionKind.DELAY
    severity: Severity = Severity.MEDIUM
    recovery: str = ""
    days_to_resolve: int = 3  # working days


@dataclass(frozen=True)
class FeedbackSeed:
    score: int
    words: str
    testimonial_ok: bool = False
    referral_asked: bool = False
    referral_given: bool = False


@dataclass(frozen=True)
class Story:
    """How the journey went. The replay does every step due before today, except:

    slip: working days late the client usually is with their own steps.
    left_open: the title of one step still not done past its due date.
    stalled_at: the title of the client's step where they went quiet: it, their later
        steps and sessions stay open, and the journey cannot leave that phase.
    feedback_pending: the latest passed checkpoint's feedback is not in yet.
    notes: (working days ago, text) written in the journey's notes.
    """

    slip: int = 0
    left_open: str = ""
    stalled_at: str = ""
    completed: bool = False
    friction: tuple[FrictionSeed, ...] = ()
    feedback_pending: bool = False
    notes: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class ClientSeed:
    name: str
    company: str
    email: str
    phone: str
    offer: str  # a key of demo_offers.OFFERS
    started: int  # working days before today
    right_fit: tuple[bool, bool, bool, bool] = (True, True, True, True)
    notes: str = ""
    story: Story = Story()


# What clients said as each checkpoint passed (and in closing surveys), handed out in turn
# per offer; once a pool runs out, the client gave a score without words.
FEEDBACK: dict[tuple[str, str], tuple[FeedbackSeed, ...]] = {
    ("coaching", "Intake form received"): (
        FeedbackSeed(9, "Clear from the first email. I knew exactly what to do and when."),
        FeedbackSeed(10, "The easiest start I have had with any coach.", testimonial_ok=True),
        FeedbackSeed(
            8, "The welcome pack made it feel real. The questionnaire took longer than I thought."
        ),
        FeedbackSeed(7, "Fine, though I would have liked all the session dates sooner."),
    ),
    ("coaching", "Direction statement agreed"): (
        FeedbackSeed(
            9, "Reading the direction statement out loud was a moment. It sounds like me."
        ),
        FeedbackSeed(10, "I finally have words for what I want.", testimonial_ok=True),
        FeedbackSeed(8, "Discovery was uncomfortable in a good way."),
        FeedbackSeed(8, "Good sessions. I need to protect the time for the homework better."),
    ),
    ("coaching", "90-day plan signed off"): (
        FeedbackSeed(
            9,
            "For the first time in years I know what I am saying no to. "
            "The plan feels like mine, not a template.",
            testimonial_ok=True,
        ),
        FeedbackSeed(10, "Worth every minute. My team has noticed the difference.", True),
        FeedbackSeed(
            8,
            "The values audit was harder than I expected, and more useful. I always know "
            "what comes next, which matters more than I thought.",
        ),
        FeedbackSeed(
            7,
            "Sessions are the calmest hour of my week. I would like a bit more challenge on "
            "the money side of the plan.",
        ),
    ),
    ("coaching", "Closing survey"): (
        FeedbackSeed(
            10,
            "I came in scattered and I am leaving with a plan I actually follow. I have "
            "already told two friends about you.",
            testimonial_ok=True,
            referral_asked=True,
            referral_given=True,
        ),
    ),
    ("brand", "Brand questionnaire received"): (
        FeedbackSeed(9, "Straightforward, and the kick-off call covered what the form did not."),
        FeedbackSeed(8, "The access checklist saved us a lot of back and forth."),
        FeedbackSeed(7, "A lot of questions up front, but I can see why now."),
    ),
    ("brand", "Audit findings signed off"): (
        FeedbackSeed(
            9,
            "Blunt and exactly what we needed. Every finding came with who fixes it.",
            testimonial_ok=True,
        ),
        FeedbackSeed(8, "Ranking the fixes together was the most useful hour of the audit."),
    ),
    ("brand", "Closing survey"): (
        FeedbackSeed(
            9,
            "The fix list is pinned on the office wall and we have done four of the ten "
            "already. I have sent you our sister firm.",
            testimonial_ok=True,
            referral_asked=True,
            referral_given=True,
        ),
    ),
    ("manuscript", "Manuscript and author questionnaire received"): (
        FeedbackSeed(9, "I felt the manuscript was in safe hands from day one."),
        FeedbackSeed(8, "The style guide answered questions I did not know I had."),
        FeedbackSeed(
            7, "I was not sure what the freeze date meant at first, but it has kept me honest."
        ),
    ),
    ("manuscript", "Revision plan agreed"): (
        FeedbackSeed(
            9,
            "The editorial letter was the first time anyone explained why chapter 3 was not "
            "working. Worth the fee on its own.",
            testimonial_ok=True,
        ),
        FeedbackSeed(
            6,
            "Tough feedback, kindly delivered. The letter felt like a lot until the call; "
            "the call made it make sense.",
        ),
        FeedbackSeed(
            8,
            "Clear plan, kind notes, and I always know what you need from me next.",
            referral_asked=True,
        ),
    ),
    ("manuscript", "Revised manuscript received"): (
        FeedbackSeed(8, "The weekly notes kept me sane while the book was out of my hands."),
        FeedbackSeed(9, "Chapter by chapter it got better, and I could see it happen."),
    ),
}
# Scores of clients who answered the pulse with a number only.
SCORE_ONLY = (9, 8, 10, 9, 7, 8)

COACHING_CLIENTS = (
    ClientSeed(
        "Zoë Müller",
        "Müller & Rahn Architekten",
        "zoe.mueller@example.com",
        "+49 30 5555 0142",
        "coaching",
        44,
        notes="Wants to step back from day-to-day project work without losing the studio.",
    ),
    ClientSeed(
        "Marcus Bell",
        "Bell Outdoor Education",
        "marcus@example.org",
        "+44 7700 900114",
        "coaching",
        56,
        story=Story(
            completed=True,
            notes=((30, "Marcus said no to the second summer camp. First time ever, he says."),),
        ),
    ),
    ClientSeed(
        "Siobhán Ó Briain",
        "Ó Briain Physiotherapy",
        "siobhan@example.com",
        "+353 85 555 0198",
        "coaching",
        38,
        notes="Referred by Marcus Bell.",
    ),
    ClientSeed(
        "Rafael Gutiérrez",
        "Gutiérrez Roasters",
        "rafael.gutierrez@example.com",
        "+34 600 555 021",
        "coaching",
        42,
        right_fit=(False, True, True, True),
        story=Story(
            left_open="Weekly wins log",
            notes=(
                (
                    3,
                    "Second roastery opening slipped and Rafael is stretched. Offered to "
                    "swap the wins log for a two-minute voice note each Thursday.",
                ),
            ),
        ),
    ),
    ClientSeed(
        "Priya Raghunathan",
        "Lotus Lane Yoga",
        "priya@example.org",
        "+44 7700 900342",
        "coaching",
        23,
        story=Story(left_open="Midpoint pulse survey"),
    ),
    ClientSeed(
        "Hannah Lindqvist",
        "Nordvik Consulting",
        "hannah.lindqvist@example.com",
        "+46 70 555 01 77",
        "coaching",
        24,
        right_fit=(False, True, True, True),
        story=Story(
            stalled_at="Mark up the plan: keep, cut, change",
            feedback_pending=True,
            notes=(
                (
                    4,
                    "No mark-up of the plan and no reply to two emails. Her role changed in "
                    "the restructure; sent a short, no-pressure note offering a two-week pause.",
                ),
            ),
        ),
    ),
    ClientSeed(
        "Daniel Osei",
        "Osei Family Dental",
        "daniel.osei@example.com",
        "+44 7700 900587",
        "coaching",
        16,
    ),
    ClientSeed(
        "Elif Yılmaz",
        "Yılmaz Tekstil",
        "elif@example.com",
        "+90 532 555 0163",
        "coaching",
        12,
        story=Story(
            friction=(
                FrictionSeed(
                    "Strengths profile report",
                    "The assessment provider's strengths report did not arrive before "
                    "session 3; Elif asked whether she had done something wrong.",
                    FrictionKind.MISSED_HANDOFF,
                    Severity.MEDIUM,
                    recovery=(
                        "Told Elif the same day it was the provider's delay, not hers. Ran "
                        "session 3 on the values audit; chased the provider, report came two "
                        "days later and we reviewed it in session 4."
                    ),
                    days_to_resolve=2,
                ),
            ),
        ),
    ),
    ClientSeed(
        "Chidi Eze",
        "Eze Logistics",
        "chidi.eze@example.org",
        "+234 803 555 0119",
        "coaching",
        5,
        story=Story(feedback_pending=True),
    ),
    ClientSeed(
        "Дарья Соколова",
        "Sokolova Translation",
        "darya.sokolova@example.com",
        "+372 5555 0146",
        "coaching",
        8,
        story=Story(slip=1),
    ),
    ClientSeed(
        "Samuel Whitaker",
        "Whitaker Interiors",
        "sam@example.org",
        "+44 7700 900931",
        "coaching",
        1,
        notes="Heard about the programme from Siobhán Ó Briain.",
    ),
)

BRAND_CLIENTS = (
    ClientSeed(
        "Ngozi Okafor",
        "Okafor & Partners Legal",
        "ngozi.okafor@example.com",
        "+44 7700 900256",
        "brand",
        29,
        story=Story(
            completed=True,
            friction=(
                FrictionSeed(
                    "Visual identity review",
                    "The designer's visual identity notes were three days late, which "
                    "pushed the findings draft.",
                    FrictionKind.MISSED_HANDOFF,
                    Severity.LOW,
                    recovery=(
                        "Sent the findings draft on the promised day with the visual notes as "
                        "an appendix to follow; told Ngozi why before she had to ask."
                    ),
                    days_to_resolve=3,
                ),
            ),
        ),
    ),
    ClientSeed(
        "Leila Haddad",
        "مخبز الياسمين",
        "leila.haddad@example.com",
        "+961 3 555 014",
        "brand",
        20,
        notes="Jasmine Bakery: three shops, wants one brand for all of them.",
    ),
    ClientSeed(
        "Tomasz Wiśniewski",
        "Wiśniewski Joinery",
        "tomasz@example.org",
        "+48 601 555 073",
        "brand",
        15,
        story=Story(
            left_open="Visual identity review",
            friction=(
                FrictionSeed(
                    "Visual identity review",
                    "The designer's visual identity notes are late and the findings draft "
                    "cannot go out without them; Tomasz has asked twice for a date.",
                    FrictionKind.DELAY,
                    Severity.MEDIUM,
                ),
            ),
        ),
    ),
    ClientSeed(
        "Camille Laurent",
        "Maison Laurent",
        "camille.laurent@example.com",
        "+33 6 55 55 01 88",
        "brand",
        14,
        story=Story(
            left_open="Website, social and sales-deck audit",
            notes=(
                (
                    1,
                    "Website and sales-deck audit running over: four versions of the deck "
                    "are in circulation. Told Camille the findings date still holds.",
                ),
            ),
        ),
    ),
    ClientSeed(
        "Mateo Rossi",
        "Rossi Bikes",
        "mateo@example.com",
        "+39 333 555 0117",
        "brand",
        9,
        story=Story(feedback_pending=True),
    ),
    ClientSeed(
        "Aisha Rahman",
        "Rahman Skin Studio",
        "aisha.rahman@example.org",
        "+44 7700 900468",
        "brand",
        6,
        right_fit=(True, True, True, False),
        story=Story(left_open="Send the customer perception survey"),
    ),
    ClientSeed(
        "Jonas Weber",
        "Weber Steuerberatung",
        "jonas.weber@example.com",
        "+49 89 5555 0123",
        "brand",
        2,
    ),
)

MANUSCRIPT_CLIENTS = (
    ClientSeed(
        "Kenji Watanabe",
        "Watanabe Ceramics",
        "kenji.watanabe@example.com",
        "+81 90 5555 0134",
        "manuscript",
        36,
        notes="Book: 'The Patient Kiln', a memoir about thirty years of wood firing.",
    ),
    ClientSeed(
        "Amélie Durand",
        "Durand Conseil",
        "amelie.durand@example.org",
        "+33 6 55 55 02 41",
        "manuscript",
        27,
        right_fit=(False, True, True, True),
        story=Story(
            stalled_at="Author revisions",
            notes=(
                (
                    6,
                    "Amélie is rewriting chapter 4 from scratch, which was not in the "
                    "revision plan. Asked for a 20-minute call to agree a revision budget.",
                ),
            ),
        ),
    ),
    ClientSeed(
        "Grace O'Connell",
        "",
        "grace.oconnell@example.com",
        "+353 87 555 0152",
        "manuscript",
        29,
        notes="Book: a practical guide to running community gardens.",
        story=Story(
            friction=(
                FrictionSeed(
                    "Editorial letter",
                    "Grace read the editorial letter as 'start again' and was upset; she "
                    "had not seen that most notes were small.",
                    FrictionKind.CONFUSION,
                    Severity.HIGH,
                    recovery=(
                        "Called the next morning, walked through the letter from what works "
                        "first; now the assessment call is booked before any letter is sent."
                    ),
                    days_to_resolve=1,
                ),
            ),
        ),
    ),
    ClientSeed(
        "Yuki Tanaka",
        "田中書房",
        "yuki.tanaka@example.com",
        "+81 80 5555 0178",
        "manuscript",
        20,
    ),
    ClientSeed(
        "Olusegun Adeyemi",
        "Adeyemi Leadership",
        "segun@example.org",
        "+234 802 555 0167",
        "manuscript",
        25,
        story=Story(slip=2),
    ),
    ClientSeed(
        "Sofia Costa",
        "Costa & Filhos",
        "sofia.costa@example.com",
        "+351 912 555 019",
        "manuscript",
        8,
        story=Story(feedback_pending=True),
    ),
    ClientSeed(
        "Björn Andersen",
        "",
        "bjorn.andersen@example.org",
        "+45 20 55 50 13",
        "manuscript",
        3,
        notes="Book: field notes from twenty years of sea kayaking guiding.",
    ),
)

CLIENTS: tuple[ClientSeed, ...] = COACHING_CLIENTS + BRAND_CLIENTS + MANUSCRIPT_CLIENTS
