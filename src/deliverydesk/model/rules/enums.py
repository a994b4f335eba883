"""Closed vocabularies of the domain. deliverydesk/wording.py turns these codes into words."""

from __future__ import annotations

from enum import StrEnum


class StepKind(StrEnum):
    SESSION = "session"
    TASK = "task"
    FORM = "form"
    MESSAGE = "message"
    RESOURCE = "resource"
    HOMEWORK = "homework"
    DELIVERABLE = "deliverable"
    INVOICE = "invoice"
    SURVEY = "survey"
    REVIEW = "review"


class Owner(StrEnum):
    """Who must act for a step to move: the practitioner, the client or a third party."""

    ME = "me"
    CLIENT = "client"
    THIRD_PARTY = "third_party"


class QuestionKind(StrEnum):
    """How an intake question is answered on the fillable form."""

    SHORT_TEXT = "short_text"
    LONG_TEXT = "long_text"
    CHOICE = "choice"  # one of the question's choices
    DATE = "date"
    YES_NO = "yes_no"


class StandardTier(StrEnum):
    EXPECTED = "expected"
    ORDER_WINNING = "order_winning"


class JourneyStatus(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    ARCHIVED = "archived"  # an ended journey put away: hidden from lists
    # An enrolment taken back (undone) before anything happened. The row stays only because
    # the append-only activity log refers to it; no list, board or count shows it.
    WITHDRAWN = "withdrawn"

    @property
    def listed(self) -> bool:
        """Shown in client lists (archived journeys and undone enrolments are not)."""
        return self not in (JourneyStatus.ARCHIVED, JourneyStatus.WITHDRAWN)


class PhaseStatus(StrEnum):
    DONE = "done"
    SKIPPED = "skipped"  # left behind with steps still open (a checkpoint overridden)
    CURRENT = "current"
    UPCOMING = "upcoming"
    STOPPED = "stopped"  # where a cancelled journey stopped
    NOT_REACHED = "not_reached"  # after where a cancelled journey stopped


class Health(StrEnum):
    """A running journey's verdict, or the state of one that is not running."""

    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    PAUSED = "paused"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class FrictionKind(StrEnum):
    """A friction's category. The first six are offered; COMPLAINT and MISSED_HANDOFF are
    kept so records written before the categories settled still read."""

    DELAY = "delay"
    CONFUSION = "confusion"
    QUALITY = "quality"
    COMMUNICATION = "communication"
    PAYMENT = "payment"
    OTHER = "other"
    COMPLAINT = "complaint"
    MISSED_HANDOFF = "missed_handoff"


# The categories a person chooses from, in the order they are offered.
FRICTION_CATEGORIES = (
    FrictionKind.DELAY,
    FrictionKind.CONFUSION,
    FrictionKind.QUALITY,
    FrictionKind.COMMUNICATION,
    FrictionKind.PAYMENT,
    FrictionKind.OTHER,
)


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class ActivityKind(StrEnum):
    ENROLLED = "enrolled"
    STEP_COMPLETED = "step_completed"
    STEP_REOPENED = "step_reopened"
    DUE_DATE_CHANGED = "due_date_changed"
    PHASE_MOVED = "phase_moved"
    CHECKPOINT_OVERRIDDEN = "checkpoint_overridden"
    NOTE_ADDED = "note_added"
    NOTE_REMOVED = "note_removed"
    FRICTION_LOGGED = "friction_logged"
    FRICTION_RESOLVED = "friction_resolved"
    FRICTION_REOPENED = "friction_reopened"
    FRICTION_REMOVED = "friction_removed"  # taken back (the undo of logging it)
    FEEDBACK_RECORDED = "feedback_recorded"
    FEEDBACK_CHANGED = "feedback_changed"
    FEEDBACK_REMOVED = "feedback_removed"  # deleted, or taken back (the undo of recording it)
    ENROLMENT_UNDONE = "enrolment_undone"
    JOURNEY_PAUSED = "journey_paused"
    JOURNEY_RESUMED = "journey_resumed"
    JOURNEY_COMPLETED = "journey_completed"
    JOURNEY_CANCELLED = "journey_cancelled"
    JOURNEY_ARCHIVED = "journey_archived"
    JOURNEY_RESTORED = "journey_restored"  # an undo put the journey back as it was
    CLIENT_UPDATED = "client_updated"
    STEPS_RESCHEDULED = "steps_rescheduled"  # working days or closed dates changed
    OFFER_APPLIED = "offer_applied"  # the journey brought up to a newer revision of its offer
    STEPS_SHIFTED = "steps_shifted"  # a step rescheduled took the later steps of its phase along
    SESSION_TIMED = "session_timed"  # a session given a time (or its time taken off)
    NUDGE_SENT = "nudge_sent"  # a reminder or update drafted for the client: the last contact
    DOCUMENT_SENT = "document_sent"  # a document mailed to the client: a contact, kept informed
    INTAKE_RECEIVED = "intake_received"  # the client's filled intake form imported
    CLIENT_ARCHIVED = "client_archived"  # put in the trash (with their ended journeys)
    CLIENT_RESTORED = "client_restored"  # taken back out of the trash
    # Enrolled already under way: the steps before where the client had got to were done
    # before DeliveryDesk knew them (brought in, not worked today, never counted late).
    STEPS_BROUGHT_IN = "steps_brought_in"
    INVOICE_PAID = "invoice_paid"  # an invoice step's invoice paid, on a day
    INVOICE_UNPAID = "invoice_unpaid"  # marked paid by mistake: open again
