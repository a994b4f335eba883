"""The people and companies a practice serves."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, CheckConstraint, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from deliverydesk.model.entities.base import Base, UtcDateTime

if TYPE_CHECKING:
    from deliverydesk.model.entities.journey import Journey


class Client(Base):
    __tablename__ = "client"
    __table_args__ = (CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(10_000))
    company: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # Answers to the right-fit checklist: question -> yes/no.
    right_fit: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # The intake form as the client filled it in: {"offer_id": int, "received_on": ISO date,
    # "answers": [{"question": str, "answer": str}]}, the latest form imported.
    intake: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    archived: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)

    journeys: Mapped[list[Journey]] = relationship(back_populates="client")
