"""What the practitioner sells and the journey designed to deliver it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from deliverydesk.model.entities.base import Base, UtcDateTime, enum_type
from deliverydesk.model.rules.enums import Owner, StandardTier, StepKind


class Offer(Base):
    __tablename__ = "offer"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    promise: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    # Bumped on every design change; a journey records the revision it was snapshotted from.
    revision: Mapped[int] = mapped_column(default=1)
    capacity_note: Mapped[str] = mapped_column(Text, default="")
    duration_weeks: Mapped[int] = mapped_column(default=0)  # typical duration; 0 = not said
    # The price as an amount in minor units and its currency (model/rules/money.py); `price`
    # is a note beside it ("+ VAT"), or the text an older price could not be read from.
    price_minor: Mapped[int | None] = mapped_column(default=None)
    currency: Mapped[str] = mapped_column(String(3), default="")
    price: Mapped[str] = mapped_column(String(60), default="")  # as the practitioner writes it
    boundaries: Mapped[str] = mapped_column(Text, default="")  # and communication rules
    welcome_template: Mapped[str] = mapped_column(Text, default="")
    # {"criteria": [{"text": str, "weight": int}], "threshold": int}
    right_fit: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # The intake form's questions: [{"text": str, "kind": QuestionKind, "choices": [str]}]
    intake_questions: Mapped[list[Any]] = mapped_column(JSON, default=list)
    # The message sent with each document, {"progress": str, ...}: only those written
    # (model/rules/document_messages.py; migration 0010).
    document_messages: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    archived: Mapped[bool] = mapped_column(default=False)
    position: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)

    phases: Mapped[list[OfferPhase]] = relationship(
        back_populates="offer", order_by="OfferPhase.position", cascade="all, delete-orphan"
    )
    standards: Mapped[list[DeliveryStandard]] = relationship(
        back_populates="offer", order_by="DeliveryStandard.position", cascade="all, delete-orphan"
    )


class OfferPhase(Base):
    __tablename__ = "offer_phase"
    __table_args__ = (CheckConstraint("planned_days >= 1", name="planned_days_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offer.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    planned_days: Mapped[int] = mapped_column(default=5)  # working days

    offer: Mapped[Offer] = relationship(back_populates="phases")
    steps: Mapped[list[OfferStep]] = relationship(
        back_populates="phase", order_by="OfferStep.position", cascade="all, delete-orphan"
    )


class StepDesign:
    """Columns shared by a designed step and its snapshot in a client's journey."""

    title: Mapped[str] = mapped_column(String(300))
    # What the client reads for this step (a nudge, their documents); "" reads a phrase
    # of its kind (wording.py), never the practitioner's own title.
    client_wording: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[StepKind] = mapped_column(enum_type(StepKind), default=StepKind.TASK)
    owner: Mapped[Owner] = mapped_column(enum_type(Owner), default=Owner.ME)
    effort_minutes: Mapped[int] = mapped_column(default=0)
    # A session's length in minutes (0 = not said): the offer's default, copied into each
    # journey; where set, capacity counts it as the session's effort (migration 0011).
    session_minutes: Mapped[int] = mapped_column(default=0)
    is_milestone: Mapped[bool] = mapped_column(default=False)
    is_checkpoint: Mapped[bool] = mapped_column(default=False)
    is_touchpoint: Mapped[bool] = mapped_column(default=False)
    message_template: Mapped[str] = mapped_column(Text, default="")
    failure_point: Mapped[str] = mapped_column(Text, default="")
    recovery_protocol: Mapped[str] = mapped_column(Text, default="")
    client_facing: Mapped[bool] = mapped_column(default=True)
    resource_link: Mapped[str] = mapped_column(String(2000), default="")
    # What an invoice step invoices, in minor units of the offer's (the journey's) currency.
    amount_minor: Mapped[int | None] = mapped_column(default=None)


class OfferStep(StepDesign, Base):
    __tablename__ = "offer_step"
    __table_args__ = (
        CheckConstraint("offset_days >= 0", name="offset_days_nonnegative"),
        CheckConstraint("duration_days >= 1", name="duration_days_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    phase_id: Mapped[int] = mapped_column(
        ForeignKey("offer_phase.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    # Working days after the phase starts, and how many working days the step takes.
    offset_days: Mapped[int] = mapped_column(default=0)
    duration_days: Mapped[int] = mapped_column(default=1)

    phase: Mapped[OfferPhase] = relationship(back_populates="steps")


class DeliveryStandard(Base):
    """A promise about how the work is delivered ("reply within one working day")."""

    __tablename__ = "delivery_standard"

    id: Mapped[int] = mapped_column(primary_key=True)
    offer_id: Mapped[int | None] = mapped_column(
        ForeignKey("offer.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    promise: Mapped[str] = mapped_column(Text)
    tier: Mapped[StandardTier] = mapped_column(
        enum_type(StandardTier), default=StandardTier.EXPECTED
    )

    target: Mapped[str] = mapped_column(String(300), default="")  # "reply within 1 working day"

    offer: Mapped[Offer | None] = relationship(back_populates="standards")


class OfferRevision(Base):
    """An offer's design as it was saved: journeys enrolled from it keep their own copy,
    and the list of revisions shows how the offer changed."""

    __tablename__ = "offer_revision"
    __table_args__ = (UniqueConstraint("offer_id", "revision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offer.id", ondelete="CASCADE"))
    revision: Mapped[int]
    saved_at: Mapped[datetime] = mapped_column(UtcDateTime)
    design: Mapped[dict[str, Any]] = mapped_column(JSON)
