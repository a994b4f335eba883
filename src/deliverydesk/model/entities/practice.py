"""The practice: who delivers, their brand and their capacity."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from deliverydesk.model.entities.base import Base, UtcDateTime

DEFAULT_WORKING_DAYS = "12345"  # ISO weekdays, Monday = 1
# 32 random bytes as hex, drawn by SQLite for each new practice row (migration 0007 gave
# every existing practice its own the same way).
NEW_FORM_SECRET = text("(lower(hex(randomblob(32))))")


class Practice(Base):
    __tablename__ = "practice"
    __table_args__ = (
        CheckConstraint("weekly_hours >= 0 AND weekly_hours <= 168", name="weekly_hours_range"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    owner_name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    weekly_hours: Mapped[float] = mapped_column(default=30.0)
    working_days: Mapped[str] = mapped_column(String(7), default=DEFAULT_WORKING_DAYS)
    brand_color: Mapped[str] = mapped_column(String(9), default="#2F6F73")
    accent_color: Mapped[str] = mapped_column(String(9), default="#E0A458")
    logo_path: Mapped[str | None] = mapped_column(Text, default=None)
    # The brand on the client's paper (migration 0005).
    tagline: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    footer_text: Mapped[str] = mapped_column(String(300), default="")
    signature: Mapped[str] = mapped_column(String(200), default="")  # under letters
    font_family: Mapped[str] = mapped_column(String(60), default="")  # "" = the default
    page_size: Mapped[str] = mapped_column(String(10), default="")  # "", "A4" or "Letter"
    closed_dates: Mapped[list[Any]] = mapped_column(JSON, default=list)  # ISO dates
    # Capacity (migration 0012): my own hours per ISO weekday ({"1": 6.0, ...}; empty: the
    # weekly hours shared evenly over the working days), and time off, which takes hours
    # away without moving due dates: [{"first": ISO date, "last": ISO date, "reason": str}].
    day_hours: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    time_off: Mapped[list[Any]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # Signs the intake forms this practice sends (services/paper/intake.py): random, never shown,
    # so no other practice, however alike, can make or accept its forms.
    form_secret: Mapped[str] = mapped_column(String(64), server_default=NEW_FORM_SECRET)
    # The practice's IANA time zone ("Europe/Berlin"); "" = the system's (migration 0011).
    time_zone: Mapped[str] = mapped_column(String(64), default="")
    # Minutes before a session its calendar event reminds (0 = no alarm).
    session_alarm_minutes: Mapped[int] = mapped_column(default=15)

    @property
    def weekdays(self) -> frozenset[int]:
        return frozenset(int(ch) for ch in self.working_days if ch.isdigit())
