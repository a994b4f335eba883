"""Testimonials: what clients said with their permission to be quoted, newest first, and
its exports (plain text to paste, CSV, a branded one-page PDF of quotes).

A testimonial is a feedback record with testimonial permission and words; a withdrawn
enrolment's and an archived client's are left out (neither is a client any more)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select

from deliverydesk.model.entities import Client, Feedback, Journey
from deliverydesk.model.rules.enums import JourneyStatus
from deliverydesk.model.rules.text_rules import without_bidi_controls
from deliverydesk.services.context import Context
from deliverydesk.services.data.csv_out import csv_bytes
from deliverydesk.services.offers.offer_file import write_atomically
from deliverydesk.wording import Words

CSV_HEADERS = ("received_on", "client", "company", "offer", "score", "words")


class QuotesFormat(StrEnum):
    TEXT = "text"
    CSV = "csv"
    PDF = "pdf"


@dataclass(frozen=True, slots=True)
class Testimonial:
    feedback_id: int
    journey_id: int
    client_id: int
    client_name: str
    company: str
    offer_name: str
    received_on: date
    score: int | None
    words: str

    @property
    def attribution(self) -> str:
        """ "Ana Souza, Acme" (the company when there is one)."""
        return f"{self.client_name}, {self.company}" if self.company else self.client_name


def testimonials(ctx: Context) -> tuple[Testimonial, ...]:
    with ctx.db.engine.connect() as connection:
        rows = connection.execute(
            select(
                Feedback.id,
                Journey.id,
                Client.id,
                Client.name,
                Client.company,
                Journey.offer_name,
                Feedback.received_on,
                Feedback.score,
                Feedback.words,
            )
            .join(Journey, Journey.id == Feedback.journey_id)
            .join(Client, Client.id == Journey.client_id)
            .where(
                Feedback.testimonial_ok,
                Feedback.words != "",
                Journey.status != JourneyStatus.WITHDRAWN,
                Client.archived.is_(False),
            )
            .order_by(Feedback.received_on.desc(), Feedback.id.desc())
        ).all()
    return tuple(
        Testimonial(
            fid,
            jid,
            cid,
            without_bidi_controls(name),
            without_bidi_controls(company),
            offer,
            day,
            score,
            words,
        )  # fmt: skip
        for fid, jid, cid, name, company, offer, day, score, words in rows
    )


def quotes_text(quotes: tuple[Testimonial, ...], words: Words) -> str:
    """Each quote in typographic quotes, then who said it and when: ready to paste."""
    return "\n\n".join(
        f"“{q.words}”\n— {q.attribution} ({q.offer_name}, {words.long_date(q.received_on)})"
        for q in quotes
    ) + ("\n" if quotes else "")


def quotes_csv(quotes: tuple[Testimonial, ...], *, spreadsheet: bool = True) -> bytes:
    return csv_bytes(
        CSV_HEADERS,
        (
            (q.received_on.isoformat(), q.client_name, q.company, q.offer_name, q.score, q.words)
            for q in quotes
        ),
        spreadsheet=spreadsheet,
    )


def export_testimonials(
    ctx: Context, path: Path, kind: QuotesFormat, words: Words
) -> tuple[int, tuple[str, ...]]:
    """Write every testimonial to `path` as `kind`; how many, and what the person should
    be told (a logo left out of the PDF). Refused in plain words: a data file as `path`,
    a folder that cannot be written (offer_file.write_atomically)."""
    quotes = testimonials(ctx)
    notes: list[str] = []
    if kind is QuotesFormat.TEXT:
        data = quotes_text(quotes, words).encode("utf-8")
    elif kind is QuotesFormat.CSV:
        data = quotes_csv(quotes)
    else:
        data = testimonials_pdf(ctx, quotes, words, notes)
    write_atomically(path, data)
    return len(quotes), tuple(notes)


def testimonials_pdf(
    ctx: Context, quotes: tuple[Testimonial, ...], words: Words, notes: list[str] | None = None
) -> bytes:
    from deliverydesk.reports.testimonials import Quote, quotes_pdf
    from deliverydesk.services.paper.report_data import brand

    return quotes_pdf(
        brand(ctx),
        [
            Quote(q.words, q.attribution, q.offer_name, words.long_date(q.received_on))
            for q in quotes
        ],
        ctx.clock.today(),
        notes,
    )
