"""One client's run through one offer: a snapshot of the design with real dates.

Editing an offer never rewrites a journey; the journey keeps its own phases and steps.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from deliverydesk.model.entities.base import Base, UtcDateTime, enum_type
from deliverydesk.model.entities.client import Client
from deliverydesk.model.entities.offer import StepDesign
from deliverydesk.model.rules.enums import JourneyStatus, Owner


class Journey(Base):
    __tablename__ = "journey"
    __table_args__ = (
        CheckConstraint("current_position >= 0", name="current_position_nonnegative"),
        CheckConstraint("steps_done >= 0 AND steps_done <= steps_total", name="steps_done_range"),
        Index("ix_journey_offer_status", "offer_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    offer_id: Mapped[int | None] = mapped_column(ForeignKey("offer.id", ondelete="SET NULL"))
    offer_revision: Mapped[int] = mapped_column(default=1)
    offer_name: Mapped[str] = mapped_column(String(200))
    status: Mapped[JourneyStatus] = mapped_column(
        enum_type(JourneyStatus), default=JourneyStatus.ACTIVE
    )
    start_on: Mapped[date]
    planned_end_on: Mapped[date]
    ended_on: Mapped[date | None] = mapped_column(default=None)
    paused_on: Mapped[date | None] = mapped_column(default=None)
    end_reason: Mapped[str] = mapped_column(Text, default="")  # why paused or cancelled
    # When a paused journey is planned to resume: Today and the calendar remind from then.
    resume_on: Mapped[date | None] = mapped_column(default=None)
    # The right-fit answers at enrolment: {"answers": {criterion: bool}, "score": int}
    fit: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    current_position: Mapped[int] = mapped_column(default=0)
    # The offer's price when the client enrolled, in minor units of `currency` (migration 0014).
    price_minor: Mapped[int | None] = mapped_column(default=None)
    currency: Mapped[str] = mapped_column(String(3), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)

    # Summary kept in step with the steps by the services, in the same transaction,
    # so the board reads one row per card instead of aggregating every step.
    steps_total: Mapped[int] = mapped_column(default=0)
    steps_done: Mapped[int] = mapped_column(default=0)
    next_step_id: Mapped[int | None] = mapped_column(default=None)
    next_step_title: Mapped[str] = mapped_column(String(300), default="")
    next_step_due: Mapped[date | None] = mapped_column(default=None)
    next_step_owner: Mapped[Owner | None] = mapped_column(enum_type(Owner), default=None)
    phase_count: Mapped[int] = mapped_column(default=0)
    feedback_due: Mapped[bool] = mapped_column(default=False)
    # The open step due first for each owner (me, client, third party): health and the
    # "overdue" badges compare these with today, so the board never scans steps.
    first_open_me_title: Mapped[str] = mapped_column(String(300), default="")
    first_open_me_due: Mapped[date | None] = mapped_column(default=None)
    first_open_client_title: Mapped[str] = mapped_column(String(300), default="")
    first_open_client_due: Mapped[date | None] = mapped_column(default=None)
    first_open_third_party_title: Mapped[str] = mapped_column(String(300), default="")
    first_open_third_party_due: Mapped[date | None] = mapped_column(default=None)

    client: Mapped[Client] = relationship(back_populates="journeys")
    phases: Mapped[list[JourneyPhase]] = relationship(
        back_populates="journey", order_by="JourneyPhase.position", cascade="all, delete-orphan"
    )


class JourneyPhase(Base):
    __tablename__ = "journey_phase"
    __table_args__ = (
        Index("ix_journey_phase_position", "journey_id", "position", unique=True),
        # The dashboard's time in each phase reads the phases left in its window, and
        # those running, from this index alone (migration 0015).
        Index(
            "ix_journey_phase_left",
            "completed_on",
            "offer_phase_id",
            "position",
            "started_on",
            "planned_start_on",
            "planned_end_on",
            "journey_id",
            "name",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    journey_id: Mapped[int] = mapped_column(ForeignKey("journey.id", ondelete="CASCADE"))
    position: Mapped[int]
    name: Mapped[str] = mapped_column(String(200))
    offer_phase_id: Mapped[int | None] = mapped_column(
        ForeignKey("offer_phase.id", ondelete="SET NULL"), index=True
    )
    planned_start_on: Mapped[date]
    planned_end_on: Mapped[date]
    started_on: Mapped[date | None] = mapped_column(default=None)
    completed_on: Mapped[date | None] = mapped_column(default=None)

    journey: Mapped[Journey] = relationship(back_populates="phases")
    steps: Mapped[list[JourneyStep]] = relationship(
        back_populates="phase", order_by="JourneyStep.position", cascade="all, delete-orphan"
    )


class JourneyStep(StepDesign, Base):
    __tablename__ = "journey_step"
    __table_args__ = (
        Index("ix_journey_step_journey", "journey_id", "position"),
        # Only open steps are ever asked "are you overdue?": keep that index small. It
        # also covers the weekly load (owner, effort, start: migration 0006; a session's
        # length: 0011).
        Index(
            "ix_journey_step_open_due",
            "due_on",
            "journey_id",
            "owner",
            "effort_minutes",
            "start_on",
            "session_minutes",  # a session's length counts instead (migration 0011)
            sqlite_where=text("completed_on IS NULL"),
        ),
        # The few steps brought in, by phase: the dashboard leaves their phases out of the
        # bottleneck with one lookup in a near-empty index (migration 0009).
        Index("ix_journey_step_brought_in", "phase_id", sqlite_where=text("brought_in")),
        # Only invoice steps, by journey, with what the money pane reads (migration 0014).
        Index(
            "ix_journey_step_invoice",
            "journey_id",
            "amount_minor",
            "completed_on",
            "paid_on",
            sqlite_where=text("kind = 'invoice'"),
        ),
        # The steps that take effort, narrow: revenue per hour of delivery (0014).
        Index(
            "ix_journey_step_effort",
            "journey_id",
            "effort_minutes",
            "completed_on",
            sqlite_where=text("effort_minutes > 0"),
        ),
        # The dashboard's on-time rate counts ranges of this one (owner, touchpoint, due
        # date, done by then), and its checkpoints kept are found by phase in the other;
        # each holds every column its statement tests, so the table is not read (0015).
        Index(
            "ix_journey_step_done_due",
            "owner",
            "is_touchpoint",
            "due_on",
            "completed_on",
            "brought_in",
            sqlite_where=text("completed_on IS NOT NULL AND NOT brought_in"),
        ),
        Index(
            "ix_journey_step_checkpoint",
            "phase_id",
            "is_checkpoint",
            "brought_in",
            "completed_on",
            "title",
            sqlite_where=text("is_checkpoint AND NOT brought_in"),
        ),
        # "Is the current phase open?", asked of every card and client-list row: one seek.
        Index("ix_journey_step_open_phase", "phase_id", sqlite_where=text("completed_on IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    journey_id: Mapped[int] = mapped_column(ForeignKey("journey.id", ondelete="CASCADE"))
    phase_id: Mapped[int] = mapped_column(
        ForeignKey("journey_phase.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]  # order within the whole journey
    offer_step_id: Mapped[int | None] = mapped_column(
        ForeignKey("offer_step.id", ondelete="SET NULL"), index=True
    )
    start_on: Mapped[date]
    due_on: Mapped[date]
    completed_on: Mapped[date | None] = mapped_column(default=None)
    # Done before DeliveryDesk knew the journey (enrolled already under way): its date is
    # what the practitioner said, so it never counts as on time or late (migration 0009).
    brought_in: Mapped[bool] = mapped_column(default=False)
    # A session's start as wall time on its due date in the practice's time zone (None =
    # no time set): "10:00" stays 10:00 across a DST change, as the practitioner meant it
    # (migration 0011).
    session_time: Mapped[time | None] = mapped_column(default=None)
    # An invoice step is invoiced when ticked (completed_on) and paid on this day (0014).
    paid_on: Mapped[date | None] = mapped_column(default=None)

    phase: Mapped[JourneyPhase] = relationship(back_populates="steps")
    journey: Mapped[Journey] = relationship()
