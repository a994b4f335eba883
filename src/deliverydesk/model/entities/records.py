"""What happens along a journey: notes, friction, feedback and the activity log."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column

from deliverydesk.model.entities.base import Base, UtcDateTime, enum_type
from deliverydesk.model.rules.enums import ActivityKind, FrictionKind, Severity


class Note(Base):
    __tablename__ = "note"

    id: Mapped[int] = mapped_column(primary_key=True)
    journey_id: Mapped[int] = mapped_column(
        ForeignKey("journey.id", ondelete="CASCADE"), index=True
    )
    written_at: Mapped[datetime] = mapped_column(UtcDateTime)
    text: Mapped[str] = mapped_column(Text)


class Friction(Base):
    """An incident on a journey (delay, confusion, complaint) and how it was recovered."""

    __tablename__ = "friction"

    id: Mapped[int] = mapped_column(primary_key=True)
    journey_id: Mapped[int] = mapped_column(
        ForeignKey("journey.id", ondelete="CASCADE"), index=True
    )
    step_id: Mapped[int | None] = mapped_column(
        ForeignKey("journey_step.id", ondelete="SET NULL"), index=True
    )
    occurred_on: Mapped[date]
    kind: Mapped[FrictionKind] = mapped_column(enum_type(FrictionKind), default=FrictionKind.DELAY)
    severity: Mapped[Severity] = mapped_column(enum_type(Severity), default=Severity.MEDIUM)
    description: Mapped[str] = mapped_column(Text)
    recovery: Mapped[str] = mapped_column(Text, default="")
    resolved_on: Mapped[date | None] = mapped_column(default=None)


class Feedback(Base):
    """What the client said at a checkpoint."""

    __tablename__ = "feedback"
    __table_args__ = (
        CheckConstraint("score IS NULL OR (score >= 0 AND score <= 10)", name="score_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    journey_id: Mapped[int] = mapped_column(
        ForeignKey("journey.id", ondelete="CASCADE"), index=True
    )
    step_id: Mapped[int | None] = mapped_column(
        ForeignKey("journey_step.id", ondelete="SET NULL"), index=True
    )
    received_on: Mapped[date]
    score: Mapped[int | None] = mapped_column(default=None)
    words: Mapped[str] = mapped_column(Text, default="")
    testimonial_ok: Mapped[bool] = mapped_column(default=False)
    referral_asked: Mapped[bool] = mapped_column(default=False)
    referral_given: Mapped[bool] = mapped_column(default=False)
    referral_name: Mapped[str] = mapped_column(Text, default="")  # who they referred
    # The answer to the follow-up asked after the journey completed (services/journeys/
    # follow_up.py): the follow-up is due until one such record is on the journey.
    follow_up: Mapped[bool] = mapped_column(default=False)


class Activity(Base):
    """Append-only: the database refuses updates and deletes (see the initial migration)."""

    __tablename__ = "activity"
    __table_args__ = (Index("ix_activity_journey_at", "journey_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    journey_id: Mapped[int | None] = mapped_column(ForeignKey("journey.id"))
    kind: Mapped[ActivityKind] = mapped_column(enum_type(ActivityKind))
    # Values for the words ui/ and reports/ build: step title, phases, a reason.
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
