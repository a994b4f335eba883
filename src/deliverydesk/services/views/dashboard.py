"""The dashboard: how the practice keeps its promises, in a few figures and their parts.

Every figure is counted from the records over one window (the last WINDOW_DAYS days,
today included) and carries the counts behind it, so a screen can say "164 of 200" and
never shows a number it cannot explain. Each is aggregated in SQL, a handful of rows per
query: at 5,000 clients of 30 steps the whole dashboard reads in tens of milliseconds.

- On time: steps due in the window done by their due date. A step due today and still
  open is not late yet and not counted; an open step due earlier in an active journey is
  late. Split by who had to act (me, the client, a third party).
- Integrity: the self check of seed 000 ("does delivery match what was promised?") as
  parts, each a share with its counts; the score is their plain average out of 10
  (seed 002's "rate yourself 1-10"), over the parts that have anything to count.
- Bottleneck: per offer phase, the median days clients spent in it against the days
  planned; the phase most over plan is the bottleneck.
- Feedback and referrals: from the feedback records (score 0-10, testimonial, referral
  asked and given), and the follow-ups after completion answered and still waiting.
- Capacity: the next CAPACITY_WEEKS weeks' booked hours against the weekly hours, the
  same table the timeline's capacity strip draws (services/clients/capacity.py's booked load).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import Connection, text

from deliverydesk.model.rules.calendar import WorkCalendar, week_start
from deliverydesk.model.rules.enums import Owner
from deliverydesk.model.rules.timeline import shift_working_days
from deliverydesk.services.context import Context
from deliverydesk.services.practice.practice import work_calendar
from deliverydesk.services.views.follow_ups import FOLLOW_UP_DAYS, LAPSE_DAYS
from deliverydesk.services.views.timeline import CapacityStrip, capacity_strip
from deliverydesk.wording import N_

WINDOW_DAYS = 90  # "the last 90 days", today included
CAPACITY_WEEKS = 12  # this week and the eleven after it
RECOMMEND_SCORE = 9  # a 9 or a 10 out of 10: would recommend you (as in a promoter score)


@dataclass(frozen=True, slots=True)
class Ratio:
    """`hits` of `total`: a share that always shows its counts."""

    hits: int
    total: int

    @property
    def share(self) -> float | None:
        """0.0 to 1.0; None when there is nothing to count."""
        return self.hits / self.total if self.total else None

    @property
    def percent(self) -> int | None:
        """Whole percent, rounded down: 100 only when every one counts."""
        return self.hits * 100 // self.total if self.total else None


NONE = Ratio(0, 0)


@dataclass(frozen=True, slots=True)
class OnTime:
    """Steps due in the window done by their due date, in all and per owner."""

    steps: Ratio
    mine: Ratio
    client: Ratio
    third_party: Ratio


class Part(StrEnum):
    """The integrity score's parts, in the order of seed 000's quick self check."""

    ON_TIME = "on_time"  # my steps done by their due date: what I said, when I said
    CHECKPOINTS = "checkpoints"  # phases left with their checkpoints done: the way I said
    INFORMED = "informed"  # reassurance touchpoints done on time: clients know where they are
    CAPACITY = "capacity"  # coming weeks within my weekly hours: capacity matches demand
    FRICTION = "friction"  # friction logged and resolved: friction handled
    RECOMMEND = "recommend"  # feedback scored 9 or 10: clients would refer others


# Each part's name, for the screen and the paper (translated where shown).
PART_NAMES = {
    Part.ON_TIME: N_("Promises kept on time"),
    Part.CHECKPOINTS: N_("Checkpoints honoured"),
    Part.INFORMED: N_("Clients kept informed"),
    Part.CAPACITY: N_("Load within capacity"),
    Part.FRICTION: N_("Friction resolved"),
    Part.RECOMMEND: N_("Clients who would recommend you"),
}


@dataclass(frozen=True, slots=True)
class IntegrityPart:
    part: Part
    ratio: Ratio


@dataclass(frozen=True, slots=True)
class Integrity:
    parts: tuple[IntegrityPart, ...]  # every Part, in its order

    @property
    def counted(self) -> tuple[IntegrityPart, ...]:
        """The parts with something to count; the others stay out of the score."""
        return tuple(p for p in self.parts if p.ratio.total)

    @property
    def score(self) -> float | None:
        """The average of the counted parts' shares, out of 10; None with none counted."""
        shares = [p.ratio.share for p in self.counted if p.ratio.share is not None]
        return sum(shares) / len(shares) * 10 if shares else None

    @property
    def weakest(self) -> IntegrityPart | None:
        """The counted part with the lowest share (the first in order on a tie)."""
        counted = self.counted
        return min(counted, key=lambda p: p.ratio.hits / p.ratio.total) if counted else None

    def ratio(self, part: Part) -> Ratio:
        return next(p.ratio for p in self.parts if p.part is part)


@dataclass(frozen=True, slots=True)
class PhaseWait:
    """One offer phase: the median days clients spent in it against the days planned.

    Days are calendar days from the day a client entered the phase (the day the previous
    phase was left) to the day they left it, or to today while they are still in it (a
    client who entered today has spent 0 days); the plan counts the same way, from the
    previous phase's planned end.
    """

    offer_id: int | None
    offer_name: str
    phase_name: str
    position: int
    clients: int  # phases counted: left in the window, or running now
    spent_days: int  # median
    planned_days: int  # median
    running: int = 0  # of `clients`, those still in the phase (their days are so far)

    @property
    def over_days(self) -> int:
        """Days longer than planned (negative: shorter)."""
        return self.spent_days - self.planned_days


@dataclass(frozen=True, slots=True)
class FeedbackSummary:
    """Feedback received in the window."""

    records: int
    scored: int  # records with a score
    average: float | None  # of the scores, 0 to 10
    recommend: int  # scores of RECOMMEND_SCORE or more
    testimonials: int  # the client said their words may be quoted
    referrals_asked: int
    referrals_given: int
    follow_ups_answered: int = 0  # follow-ups after completion answered in the window
    follow_ups_waiting: int = 0  # due by today, not answered, not lapsed (as Today lists)


@dataclass(frozen=True, slots=True)
class Dashboard:
    today: date
    since: date  # the window's first day
    offers: int  # offers not archived
    journeys: int  # every journey ever begun (undone enrolments aside)
    active: int  # journeys running now
    capacity: CapacityStrip
    on_time: OnTime
    integrity: Integrity
    phases: tuple[PhaseWait, ...]  # most over plan first
    feedback: FeedbackSummary

    @property
    def is_new(self) -> bool:
        """No client has begun a journey yet: nothing to measure."""
        return self.journeys == 0

    @property
    def bottleneck(self) -> PhaseWait | None:
        """The phase where clients wait longest against plan; None when none runs over."""
        return self.phases[0] if self.phases and self.phases[0].over_days > 0 else None


def dashboard(ctx: Context, since: date | None = None, until: date | None = None) -> Dashboard:
    """The figures over the last WINDOW_DAYS days; or over `since` to `until` (a period
    for the Practice review), counted as if `until` were today."""
    today = until or ctx.clock.today()
    since = since or today - timedelta(days=WINDOW_DAYS - 1)
    window = {"since": since.isoformat(), "today": today.isoformat()}
    strip = capacity_strip(ctx, week_start(today) + timedelta(weeks=CAPACITY_WEEKS - 1))
    calendar = work_calendar(ctx)
    with ctx.db.engine.connect() as connection:
        offers, journeys, active = connection.execute(_COUNTS).one()
        on_time, touchpoints = _on_time(_step_counts(connection, window))
        sent = int(connection.execute(_SENT, window).scalar_one())
        checkpoints = Ratio(*connection.execute(_CHECKPOINTS, window).one())
        friction = Ratio(*connection.execute(_FRICTION, window).one())
        feedback = FeedbackSummary(*connection.execute(_FEEDBACK, window).one())
        phases = _phase_waits(connection, window, today, calendar)
    # A document sent to a client is one more time they were kept informed, on time.
    informed = Ratio(touchpoints.hits + sent, touchpoints.total + sent)
    # With no journey running nothing is booked: there is no load to judge.
    weeks = strip.weeks if active else ()
    integrity = Integrity(
        (
            IntegrityPart(Part.ON_TIME, on_time.mine),
            IntegrityPart(Part.CHECKPOINTS, checkpoints),
            IntegrityPart(Part.INFORMED, informed),
            IntegrityPart(Part.CAPACITY, Ratio(sum(not w.over for w in weeks), len(weeks))),
            IntegrityPart(Part.FRICTION, friction),
            IntegrityPart(Part.RECOMMEND, Ratio(feedback.recommend, feedback.scored)),
        )
    )
    return Dashboard(
        today, since, offers, journeys, active, strip, on_time, integrity, phases, feedback
    )


_COUNTS = text(
    """
SELECT (SELECT count(*) FROM offer WHERE NOT archived),
       (SELECT count(*) FROM journey WHERE status != 'withdrawn'),
       (SELECT count(*) FROM journey WHERE status = 'active')
"""
)

# Steps due in the window: done ones from any journey begun (a cancelled client's steps
# done before they left count) unless brought in (done before DeliveryDesk: their day is
# only what was said), open ones only once late and while their journey runs.
# The done ones are counted per owner and touchpoint in ranges of one index
# (ix_journey_step_done_due, 0015): all of them, and those done by their due date, one
# day of the window at a time (due that day, done by that day: a range, no step read).
_KINDS = ", ".join(f"('{owner.value}', {touchpoint})" for owner in Owner for touchpoint in (0, 1))
_DONE = text(
    f"""
WITH RECURSIVE day(on_) AS (
    SELECT :since UNION ALL SELECT date(on_, '+1 day') FROM day WHERE on_ < :today
),
kind(owner, touchpoint) AS (VALUES {_KINDS})
SELECT kind.owner, kind.touchpoint,
       (SELECT count(*) FROM journey_step AS s
        WHERE s.owner = kind.owner AND s.is_touchpoint = kind.touchpoint
          AND s.due_on BETWEEN :since AND :today
          AND s.completed_on IS NOT NULL AND NOT s.brought_in),
       (SELECT sum((SELECT count(*) FROM journey_step AS s
                    WHERE s.owner = kind.owner AND s.is_touchpoint = kind.touchpoint
                      AND s.due_on = day.on_ AND s.completed_on <= day.on_
                      AND s.completed_on IS NOT NULL AND NOT s.brought_in))
        FROM day)
FROM kind
"""
)
# The withdrawn journeys' share of those, taken off: a few journeys, read journey first
# (CROSS JOIN keeps that order; the other way reads every done step).
_DONE_WITHDRAWN = text(
    """
SELECT s.owner, s.is_touchpoint, count(*), count(*) FILTER (WHERE s.completed_on <= s.due_on)
FROM journey AS j
CROSS JOIN journey_step AS s ON s.journey_id = j.id
WHERE j.status = 'withdrawn' AND s.due_on BETWEEN :since AND :today
  AND s.completed_on IS NOT NULL AND NOT s.brought_in
GROUP BY 1, 2
"""
)
# Open steps late in the window, in running journeys (the open steps' index).
_LATE = text(
    """
SELECT s.owner, s.is_touchpoint, count(*), 0
FROM journey_step AS s
WHERE s.completed_on IS NULL AND s.due_on >= :since AND s.due_on < :today
  AND (SELECT status FROM journey WHERE id = s.journey_id) = 'active'
GROUP BY 1, 2
"""
)


def _step_counts(connection: Connection, window: dict[str, str]) -> tuple[int, ...]:
    """On time and due, in all, mine, the client's and the touchpoints' (8 counts)."""
    counts = [0] * 8  # hits and totals: all, mine, client, touchpoints
    for sign, statement in ((1, _DONE), (-1, _DONE_WITHDRAWN), (1, _LATE)):
        for owner, touchpoint, total, hits in connection.execute(statement, window):
            places = (0, {Owner.ME: 2, Owner.CLIENT: 4}.get(Owner(owner)))
            for place in (*places, 6 if touchpoint else None):
                if place is not None:
                    counts[place] += sign * (hits or 0)
                    counts[place + 1] += sign * total
    return tuple(counts)


# Documents sent to clients in the window (the activity log's instants are UTC).
_SENT = text(
    """
SELECT count(*) FROM activity
WHERE kind = 'document_sent' AND date(at) BETWEEN :since AND :today
"""
)


def _on_time(values: Sequence[int]) -> tuple[OnTime, Ratio]:
    """On time in all and per owner, and for the reassurance touchpoints."""
    steps, mine, client, touchpoints = (Ratio(values[i], values[i + 1]) for i in range(0, 8, 2))
    third_party = Ratio(
        steps.hits - mine.hits - client.hits, steps.total - mine.total - client.total
    )
    return OnTime(steps, mine, client, third_party), touchpoints


# Checkpoint steps of the phases left in the window: kept when done by the day their
# phase was left and never overridden. A move past an open checkpoint did not keep it,
# even when the step is ticked later that day or marked done on an earlier date: the
# activity log names each checkpoint an override went past. One brought in was kept
# before DeliveryDesk knew: not counted either way.
_CHECKPOINTS = text(
    """
WITH overridden AS MATERIALIZED (
    SELECT a.journey_id, c.value AS title
    FROM activity AS a, json_each(a.detail, '$.checkpoints') AS c
    WHERE a.kind = 'checkpoint_overridden'
)
SELECT count(*) FILTER (
           WHERE s.completed_on <= p.completed_on
             AND NOT EXISTS (
                 SELECT 1 FROM overridden AS o
                 WHERE o.journey_id = p.journey_id AND o.title = s.title)),
       count(*)
FROM journey_phase AS p
CROSS JOIN journey_step AS s ON s.phase_id = p.id
WHERE p.completed_on BETWEEN :since AND :today AND s.is_checkpoint AND NOT s.brought_in
  AND p.journey_id NOT IN (SELECT id FROM journey WHERE status = 'withdrawn')
"""
)

_FRICTION = text(
    """
SELECT count(*) FILTER (WHERE f.resolved_on IS NOT NULL), count(*)
FROM friction AS f
WHERE f.occurred_on BETWEEN :since AND :today
  AND f.journey_id NOT IN (SELECT id FROM journey WHERE status = 'withdrawn')
"""
)

_FEEDBACK = text(
    f"""
SELECT count(*), count(f.score), avg(f.score),
       count(*) FILTER (WHERE f.score >= {RECOMMEND_SCORE}),
       count(*) FILTER (WHERE f.testimonial_ok),
       count(*) FILTER (WHERE f.referral_asked),
       count(*) FILTER (WHERE f.referral_given),
       count(*) FILTER (WHERE f.follow_up),
       (SELECT count(*) FROM journey AS j JOIN client AS c ON c.id = j.client_id
        WHERE j.status = 'completed' AND NOT c.archived
          AND j.ended_on BETWEEN date(:today, '-{FOLLOW_UP_DAYS + LAPSE_DAYS} days')
                             AND date(:today, '-{FOLLOW_UP_DAYS} days')
          AND NOT EXISTS (SELECT 1 FROM feedback AS a WHERE a.journey_id = j.id AND a.follow_up))
FROM feedback AS f
WHERE f.received_on BETWEEN :since AND :today
  AND f.journey_id NOT IN (SELECT id FROM journey WHERE status = 'withdrawn')
"""
)

# The phases clients left in the window, and the phase each running journey is in now,
# grouped by their dates: clients who started together share a row. A phase holding a
# step brought in was (partly) spent before DeliveryDesk: its days are not known. An offer phase is
# one group whatever its journeys' snapshots call it; a phase whose design was deleted
# is grouped by its offer's name and its own.
_GROUP = """
SELECT p.offer_phase_id,
       CASE WHEN p.offer_phase_id IS NULL
            THEN (SELECT offer_name FROM journey WHERE id = p.journey_id) END,
       CASE WHEN p.offer_phase_id IS NULL THEN p.name END,
       p.position, p.started_on, {end}, p.planned_start_on, p.planned_end_on, count(*)
"""
_LEFT = text(
    _GROUP.format(end="p.completed_on")
    + """
FROM journey_phase AS p
WHERE p.completed_on BETWEEN :since AND :today AND p.started_on IS NOT NULL
  AND p.journey_id NOT IN (SELECT id FROM journey WHERE status = 'withdrawn')
  AND NOT EXISTS (SELECT 1 FROM journey_step AS b WHERE b.phase_id = p.id AND b.brought_in)
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
"""
)
_RUNNING = text(
    _GROUP.format(end="NULL")
    + """
FROM journey AS j
JOIN journey_phase AS p ON p.journey_id = j.id AND p.position = j.current_position
WHERE j.status = 'active' AND p.completed_on IS NULL AND p.started_on IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM journey_step AS b WHERE b.phase_id = p.id AND b.brought_in)
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
"""
)
_DESIGNS = text(
    """
SELECT offer_phase.id, offer.id, offer.name, offer_phase.name, offer_phase.position
FROM offer_phase JOIN offer ON offer.id = offer_phase.offer_id
"""
)

type _Key = tuple[int | None, str, str, int]  # offer phase, or (offer, name, position)


def _phase_waits(
    connection: Connection, window: dict[str, str], today: date, calendar: WorkCalendar
) -> tuple[PhaseWait, ...]:
    """Days spent against days planned, per offer phase, most over plan first.

    A phase is entered on the day the previous one is left, so its days are counted from
    then to the day it is left (or today); its plan likewise from the previous phase's
    planned end, the working day before its own planned start (a first phase: from its
    planned start). A phase still running counts the days since each client entered it.
    """
    days = _Days()
    entry: dict[tuple[int, date], date] = {}
    spent: dict[_Key, list[tuple[int, int]]] = defaultdict(list)
    planned: dict[_Key, list[tuple[int, int]]] = defaultdict(list)
    running: dict[_Key, int] = defaultdict(int)
    rows = [*connection.execute(_LEFT, window), *connection.execute(_RUNNING, window)]
    for link, offer, name, position, started, left, start, end, count in rows:
        first = days[start]
        if (position, first) not in entry:
            entry[position, first] = (
                first if position == 0 else shift_working_days(calendar, first, -1)
            )
        plan = (days[end] - entry[position, first]).days
        # Running: the days since this client entered it, no more (0 if entered today).
        took = ((today if left is None else days[left]) - days[started]).days
        key: _Key = (link, offer or "", name or "", position)
        running[key] += count if left is None else 0
        spent[key].append((took, count))
        planned[key].append((plan, count))
    designs = {row[0]: row[1:] for row in connection.execute(_DESIGNS)} if spent else {}
    waits = []
    for key, spans in spent.items():
        link, offer, name, position = key
        offer_id, offer, name, position = designs.get(link, (None, offer, name, position))
        waits.append(
            PhaseWait(
                offer_id,
                offer,
                name,
                position,
                sum(count for _, count in spans),
                _median(spans),
                _median(planned[key]),
                running[key],
            )
        )
    waits.sort(key=lambda w: (-w.over_days, -w.clients, w.offer_name, w.position, w.phase_name))
    return tuple(waits)


class _Days(dict[str, date]):
    """ISO text to dates, each distinct text parsed once."""

    def __missing__(self, value: str) -> date:
        found = self[value] = date.fromisoformat(value)
        return found


def _median(counted: list[tuple[int, int]]) -> int:
    """The lower median of values given with how often each occurs."""
    counted.sort()
    middle = (sum(count for _, count in counted) - 1) // 2
    seen = 0
    for value, count in counted:
        seen += count
        if seen > middle:
            return value
    raise ValueError("no values")
