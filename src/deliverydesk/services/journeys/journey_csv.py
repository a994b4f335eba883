"""Journeys already in progress from a CSV file: client, e-mail, offer, start date and the
phase or step the client has reached, one journey a row. Previewed row by row and
imported all or nothing, like the client import (services/clients/client_csv.py reads the file:
encodings, separators, quoting, the header's words, the client's own checks).

Each sound row enrols its client (a new one, or the client already here with the same
e-mail, or the same name where either has none) from the start date, with the steps
before the place reached done and brought in (services/journeys/under_way.py): nothing earlier
counts as late. A client already on that offer, or a row repeating an earlier one, is a
duplicate and skipped. The template (journeys_template) names the columns, with example
rows (example.com addresses) that the import refuses until they are replaced.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from deliverydesk.model.entities import Client, Journey
from deliverydesk.model.rules.enums import JourneyStatus
from deliverydesk.model.rules.under_way import Reached
from deliverydesk.services.changes import Aspect, Changes, Result
from deliverydesk.services.clients.client_csv import (
    CLIENT_ALIASES,
    CsvPreview,
    CsvRow,
    RowStatus,
    client_row,
    read_csv_file,
    read_table,
    refuse_problems,
)
from deliverydesk.services.clients.client_lookup import fold
from deliverydesk.services.clients.clients import START_WINDOW, enrol_in
from deliverydesk.services.context import Context
from deliverydesk.services.data import backups
from deliverydesk.services.data.csv_out import csv_bytes, spreadsheet_safe
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.journeys.under_way import PlannedPhase, offer_plan, planned_reach
from deliverydesk.services.offers.offer_design import offer_list
from deliverydesk.services.offers.offer_file import write_atomically
from deliverydesk.services.practice.practice import work_calendar
from deliverydesk.wording import Names, Note, RefusalCode, Term

TEMPLATE_HEADERS = ("Client", "E-mail", "Offer", "Start date", "Current phase or step")
ALIASES = {
    **CLIENT_ALIASES,
    "offer": {"offer", "offer name", "programme", "program", "package", "service"},
    "start": {"start", "start date", "started", "started on", "start on", "began"},
    "reached": {
        "current phase or step",
        "current step or phase",
        "current phase",
        "current step",
        "phase or step",
        "phase",
        "step",
        "now at",
        "reached",
    },
}
EXAMPLE_DOMAIN = "example.com"  # reserved for examples (RFC 2606): never a real client's
_EXAMPLE_EMAIL = re.compile(rf"^client\d+@{re.escape(EXAMPLE_DOMAIN)}$", re.IGNORECASE)
_EXAMPLE_NAME = re.compile(r"^example client \d+$", re.IGNORECASE)
_SPLIT = re.compile(r"\s*[/>:›]\s*")  # "Phase / Step", "Phase > Step", "Phase: Step"


@dataclass(frozen=True, slots=True)
class JourneyCsvRow(CsvRow):
    """A row of the file: its client (`values`), and the journey it asks for."""

    offer: str = ""  # as written
    start: str = ""
    place: str = ""  # the phase or step reached, as written ("" for the start)
    offer_id: int | None = None
    start_on: date | None = None
    reached: Reached | None = None
    client_id: int | None = None  # the client already here it enrols
    same_client_as: int | None = None  # an earlier row's number adding the same new client


@dataclass(frozen=True)
class JourneyImport:
    preview: CsvPreview
    journey_ids: tuple[int, ...]  # in file order
    client_ids: tuple[int, ...]  # the clients added (those already here are not listed)
    backup: backups.BackupInfo | None


# -- reading -----------------------------------------------------------------------------------


def parse_journeys(ctx: Context, data: bytes, encoding: str = "utf-8") -> CsvPreview:
    """Every row checked on its own against the practice's offers (duplicates: later)."""
    table = read_table(data, encoding, ALIASES)
    missing = [
        words
        for field, words in (("offer", "Offer"), ("start", "Start date"))
        if field not in table.columns
    ]
    if missing:
        raise InvalidInput(
            RefusalCode.CSV_COLUMNS_MISSING,
            missing=Names(missing),
            columns=", ".join(TEMPLATE_HEADERS),
        )
    offers = _Offers(ctx)
    rows = tuple(
        _row(number, cells, table.columns, table.width, offers, ctx.clock.today())
        for number, cells in table.rows
    )
    return CsvPreview(rows, table.named(), table.ignored, table.delimiter)


def _cell(cells: list[str], columns: dict[str, list[int]], name: str) -> str:
    """A value as typed; the ' a spreadsheet-safe file put before a formula start is
    dropped (the template writes offer and phase names so)."""
    positions = columns.get(name, [])
    value = cells[positions[0]].strip() if positions and positions[0] < len(cells) else ""
    unquoted = value[1:]
    return unquoted if value.startswith("'") and spreadsheet_safe(unquoted) == value else value


def _row(
    number: int,
    cells: list[str],
    columns: dict[str, list[int]],
    width: int,
    offers: _Offers,
    today: date,
) -> JourneyCsvRow:
    client = client_row(number, cells, columns, width)
    offer, start, place = (_cell(cells, columns, f) for f in ("offer", "start", "reached"))
    row = JourneyCsvRow(
        client.number, client.values, client.status, client.why, offer, start, place
    )
    if client.status is RowStatus.ERROR:
        return row
    try:
        if _EXAMPLE_EMAIL.match(client.values.email) or _EXAMPLE_NAME.match(client.values.name):
            raise InvalidInput(RefusalCode.CSV_TEMPLATE_EXAMPLE_ROW)
        offer_id, plan_of = offers.find(offer)
        start_on = parse_day(start, today)
        reached = find_place(plan_of(start_on), place, offer)
        if reached.anything_done and start_on > today:
            raise InvalidInput(RefusalCode.CSV_DONE_BEFORE_START)
    except InvalidInput as error:
        return replace(row, status=RowStatus.ERROR, why=Note.of(error))
    return replace(row, offer_id=offer_id, start_on=start_on, reached=reached)


class _Offers:
    """The practice's offers by folded name, and their plans, each read once."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx
        self._rows = [row for row in offer_list(ctx) if not row.archived]
        self._plans: dict[tuple[int, date], tuple[PlannedPhase, ...]] = {}

    def find(self, name: str) -> tuple[int, Callable[[date], tuple[PlannedPhase, ...]]]:
        if not name:
            raise InvalidInput(RefusalCode.CSV_OFFER_MISSING)
        found = [row for row in self._rows if fold(row.name) == fold(name)]
        if not found:
            names = ", ".join(row.name for row in self._rows) or Term("none yet")
            raise InvalidInput(RefusalCode.CSV_OFFER_UNKNOWN, name=name, names=names)
        if len(found) > 1:
            raise InvalidInput(RefusalCode.CSV_OFFER_AMBIGUOUS, count=len(found), name=name)
        offer = found[0]
        if not offer.is_valid:
            raise InvalidInput(
                RefusalCode.CSV_OFFER_NOT_READY, offer=offer.name, problem=offer.problem
            )

        def plan(start_on: date) -> tuple[PlannedPhase, ...]:
            key = (offer.id, start_on)
            if key not in self._plans:
                self._plans[key] = offer_plan(self._ctx, offer.id, start_on)
            return self._plans[key]

        return offer.id, plan


_DAY_FIRST = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")  # 14.09.2026
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")  # 14/09/2026 or 9/14/2026


def parse_day(written: str, today: date) -> date:
    """A start date as a spreadsheet may write it: 2026-09-14, 14.09.2026, or 14/09/2026
    and 9/14/2026 when only one reading is a date; another is refused in plain words."""
    if not written:
        raise InvalidInput(RefusalCode.CSV_START_MISSING)
    day: date | None = None
    try:
        day = date.fromisoformat(written)
    except ValueError:
        if match := _DAY_FIRST.match(written):
            day = _date(int(match[3]), int(match[2]), int(match[1]))
        elif match := _SLASHED.match(written):
            first, second, year = int(match[1]), int(match[2]), int(match[3])
            readings = {d for d in (_date(year, second, first), _date(year, first, second)) if d}
            if len(readings) > 1:
                raise InvalidInput(
                    RefusalCode.CSV_DATE_AMBIGUOUS,
                    written=written,
                    first=first,
                    first_month=_month(second),
                    second=second,
                    second_month=_month(first),
                    year=min(readings).isoformat()[:4],
                ) from None
            day = readings.pop() if readings else None
    if day is None:
        raise InvalidInput(RefusalCode.CSV_DATE_UNREADABLE, written=written)
    if abs(day - today) > START_WINDOW:
        raise InvalidInput(RefusalCode.CSV_DATE_TOO_FAR, day=day.isoformat())
    return day


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month(number: int) -> str:
    names = "January February March April May June July August September October November"
    return (names + " December").split()[number - 1] if 1 <= number <= 12 else str(number)


def find_place(plan: Sequence[PlannedPhase], written: str, offer: str) -> Reached:
    """The place named by a phase's name, a step's title (one that only one phase has), or
    "Phase / Step"; the start when nothing is written."""
    if not written:
        return Reached(0)
    wanted = fold(written)
    for position, phase in enumerate(plan):
        if fold(phase.name) == wanted:
            return Reached(position)
    steps = [
        Reached(position, index)
        for position, phase in enumerate(plan)
        for index, step in enumerate(phase.steps)
        if fold(step.title) == wanted
    ]
    if len(steps) == 1:
        return steps[0]
    if len(steps) > 1:
        phases = ", ".join(f"'{plan[s.phase].name} / {written}'" for s in steps)
        raise InvalidInput(RefusalCode.CSV_STEP_IN_SEVERAL_PHASES, written=written, phases=phases)
    parts = _SPLIT.split(written, maxsplit=1)
    if len(parts) == 2:
        for position, phase in enumerate(plan):
            if fold(phase.name) == fold(parts[0]):
                for index, step in enumerate(phase.steps):
                    if fold(step.title) == fold(parts[1]):
                        return Reached(position, index)
    names = ", ".join(phase.name for phase in plan)
    raise InvalidInput(RefusalCode.CSV_PLACE_UNKNOWN, written=written, offer=offer, names=names)


# -- duplicates, preview and import ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Known:
    client_id: int
    name: str
    email: str
    running: frozenset[int]  # offers with an active or paused journey


def _known(ctx: Context) -> list[_Known]:
    with ctx.db.engine.connect() as connection:
        clients = connection.execute(
            select(Client.id, Client.name, Client.email).where(Client.archived.is_(False))
        ).all()
        running = connection.execute(
            select(Journey.client_id, Journey.offer_id).where(
                Journey.status.in_([JourneyStatus.ACTIVE, JourneyStatus.PAUSED])
            )
        ).all()
    offers: dict[int, set[int]] = {}
    for client_id, offer_id in running:
        if offer_id is not None:
            offers.setdefault(client_id, set()).add(offer_id)
    return [_Known(i, n, e, frozenset(offers.get(i, ()))) for i, n, e in clients]


def mark_journey_duplicates(parsed: CsvPreview, known: Sequence[_Known]) -> CsvPreview:
    """Each sound row's client found among those here (or earlier rows); a client already
    on the row's offer, or a row repeating an earlier one, is a duplicate."""
    by_email: dict[str, _Known] = {}
    by_name: dict[str, list[_Known]] = {}
    for client in known:
        if client.email:
            by_email.setdefault(fold(client.email), client)
        by_name.setdefault(fold(client.name), []).append(client)
    earlier: dict[str, tuple[int, set[int | None]]] = {}  # who -> (first row, offers)
    rows: list[CsvRow] = []
    for row in parsed.rows:
        if not isinstance(row, JourneyCsvRow) or row.status is not RowStatus.NEW:
            rows.append(row)
            continue
        email, name = fold(row.values.email), fold(row.values.name)
        here = by_email.get(email) if email else None
        if here is None:
            alike = [c for c in by_name.get(name, []) if not email or not c.email]
            here = alike[0] if len(alike) == 1 else None
        who = f"client {here.client_id}" if here else (f"e-mail {email}" if email else name)
        first, offers = earlier.get(who, (row.number, set()))
        if row.offer_id in offers:
            why = Note(RefusalCode.CSV_REPEATS_ROW, row=first)
            rows.append(replace(row, status=RowStatus.DUPLICATE, why=why))
            continue
        if here is not None and row.offer_id in here.running:
            why = Note(RefusalCode.CSV_CLIENT_ALREADY_ON_OFFER, client=here.name, offer=row.offer)
            rows.append(replace(row, status=RowStatus.DUPLICATE, why=why))
            continue
        offers.add(row.offer_id)
        earlier[who] = (first, offers)
        if here is not None:
            note = Note(RefusalCode.CSV_ENROLS_CLIENT, client=here.name)
            rows.append(replace(row, client_id=here.client_id, why=note))
        elif first != row.number:
            note = Note(RefusalCode.CSV_CLIENT_OF_EARLIER_ROW, row=first)
            rows.append(replace(row, same_client_as=first, why=note))
        else:
            rows.append(row)
    return replace(parsed, rows=tuple(rows))


def preview_journeys(ctx: Context, path: Path, encoding: str = "utf-8") -> CsvPreview:
    """The file checked row by row, duplicates marked against the clients here."""
    parsed = parse_journeys(ctx, read_csv_file(path), encoding)
    return mark_journey_duplicates(parsed, _known(ctx))


def import_journeys(ctx: Context, path: Path, encoding: str = "utf-8") -> Result[JourneyImport]:
    """Enrol every new row's client in one transaction, after a backup. Raises
    InvalidInput, changing nothing, while any row has a problem."""
    preview = preview_journeys(ctx, path, encoding)
    refuse_problems(preview, path)
    todo = [r for r in preview.rows if isinstance(r, JourneyCsvRow) and r.status is RowStatus.NEW]
    if not todo:
        return Result(JourneyImport(preview, (), (), None), Changes())
    backup = backups.back_up(ctx, backups.BEFORE_IMPORT)
    calendar = work_calendar(ctx)
    journeys: list[int] = []
    added: dict[int, int] = {}  # row number -> the client it added
    with ctx.transaction() as session:
        for row in todo:
            client_id = row.client_id or added.get(row.same_client_as or -1)
            if client_id is None:
                client = Client(
                    name=row.values.name,
                    company=row.values.company,
                    email=row.values.email,
                    phone=row.values.phone,
                    notes=row.values.notes,
                    right_fit={},
                    created_at=ctx.clock.now(),
                )
                session.add(client)
                session.flush()
                client_id = added[row.number] = client.id
            assert row.offer_id is not None and row.start_on is not None
            journey = enrol_in(
                session, ctx, client_id, row.offer_id, row.start_on, calendar, None, row.reached
            )
            journeys.append(journey.id)
    offers = frozenset(r.offer_id for r in todo if r.offer_id is not None)
    changes = Changes(
        journeys=frozenset(journeys),
        clients=frozenset(added.values()) | frozenset(r.client_id for r in todo if r.client_id),
        offers=offers,
        aspects=Aspect.CLIENT | Aspect.JOURNEY | Aspect.STEPS | Aspect.PHASE | Aspect.CAPACITY,
    )
    done = JourneyImport(preview, tuple(journeys), tuple(added.values()), backup)
    return Result(done, changes)


# -- the template ------------------------------------------------------------------------------


def journeys_template(ctx: Context, path: Path) -> int:
    """Write a file to fill in: the columns, and one example row per offer that can take a
    client (a start four weeks back, at the phase the plan says), which the import refuses
    until replaced. The number of example rows."""
    today = ctx.clock.today()
    start = today - timedelta(weeks=4)
    rows: list[tuple[str, ...]] = []
    for row in offer_list(ctx):
        if row.archived or not row.is_valid:
            continue
        plan = offer_plan(ctx, row.id, start)
        place = planned_reach(plan, today)
        phase = plan[place.phase]
        where = phase.name if place.step == 0 else f"{phase.name} / {phase.steps[place.step].title}"
        n = len(rows) + 1
        rows.append(
            (
                f"Example client {n}",
                f"client{n}@{EXAMPLE_DOMAIN}",
                row.name,
                start.isoformat(),
                where,
            )
        )
    # Safe for the spreadsheet it is filled in (an offer named "=..." runs nothing there).
    write_atomically(path, csv_bytes(TEMPLATE_HEADERS, rows, spreadsheet=True))
    return len(rows)
