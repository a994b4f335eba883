"""What every page of the client's paper carries: real dates (fixed only under
SOURCE_DATE_EPOCH), a running header on one line with room under it, type sizes from the
brief's scale, and a journey map that says when the running phase slips."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from deliverydesk.reports.checklist import checklist_pdf
from deliverydesk.reports.onboarding_pack import onboarding_pack_pdf
from deliverydesk.reports.progress_report import progress_report_pdf
from deliverydesk.reports.theme import MARGIN_TOP
from deliverydesk.services.context import Context
from deliverydesk.services.journeys.detail import journey_detail
from deliverydesk.services.journeys.journeys import complete_step
from deliverydesk.services.paper import report_data, report_packs
from tests.unit.reports_support import enrol, practice, reader, text, text_runs

SCALE = {8.5, 10.0, 12.0, 15.0, 22.0, 34.0}  # the brief's type scale, in points


@pytest.fixture
def late(ctx: Context) -> tuple[Context, int]:
    """Ana, whose first phase was due to end on 4 Nov: today (23 Nov) it runs late."""
    practice(ctx)
    enrolled = enrol(ctx, "Ana Souza " + "Lindqvist-Oyelaran " * 12, company="Souza Studio")
    steps = {
        s.title: s.id for p in journey_detail(ctx, enrolled.journey_id).phases for s in p.steps
    }
    complete_step(ctx, steps["Welcome call"], on=date(2026, 11, 2))
    return ctx, enrolled.client_id


def _documents(ctx: Context, client_id: int) -> list[bytes]:
    return [
        progress_report_pdf(report_data.progress_report(ctx, client_id, note="Well done. " * 400)),
        onboarding_pack_pdf(report_packs.onboarding_pack(ctx, client_id=client_id)),
        checklist_pdf(report_packs.checklist(ctx, client_id=client_id)),
    ]


def test_a_pdf_says_when_it_was_made_unless_a_reproducible_build_fixes_the_date(
    late: tuple[Context, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, client_id = late
    values = report_data.progress_report(ctx, client_id)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    made = reader(progress_report_pdf(values)).metadata
    assert made is not None and made.creation_date is not None
    assert abs(made.creation_date - datetime.now(UTC)) < timedelta(days=1)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")
    first, second = progress_report_pdf(values), progress_report_pdf(values)
    assert first == second
    fixed = reader(first).metadata
    assert fixed is not None and fixed.creation_date == datetime.fromtimestamp(1764000000, UTC)


def test_the_running_header_is_one_clipped_line_with_room_above_the_body(
    late: tuple[Context, int],
) -> None:
    ctx, client_id = late
    long_ones = [pdf for pdf in _documents(ctx, client_id) if len(reader(pdf).pages) > 1]
    assert len(long_ones) >= 2
    for pdf in long_ones:
        height = float(reader(pdf).pages[1].mediabox.height)
        runs = sorted(text_runs(pdf, 1), key=lambda run: -run[2])
        header, body = runs[0], runs[1]
        assert header[0].startswith("North Star Coaching · ") and header[0].endswith("…")
        assert header[2] > height - MARGIN_TOP  # in the top margin, on one line
        assert header[2] - body[2] >= 10 * 2.83  # a clear band of white before the body


def _type_sizes(pdf: bytes) -> set[float]:
    sizes: set[float] = set()

    def visit(shown: str, cm: object, tm: list[float], font: object, size: float) -> None:
        if shown.strip():
            sizes.add(round(size * tm[3], 1))

    for page in reader(pdf).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def test_every_size_of_type_is_on_the_briefs_scale(late: tuple[Context, int]) -> None:
    ctx, client_id = late
    for pdf in _documents(ctx, client_id):
        sizes = _type_sizes(pdf)
        assert sizes <= SCALE, sorted(sizes - SCALE)


def test_the_map_says_how_late_the_running_phase_is_and_when_the_next_ones_may_start(
    late: tuple[Context, int],
) -> None:
    ctx, client_id = late
    values = report_data.progress_report(ctx, client_id)
    words = text(progress_report_pdf(values))
    end = values.journey_map.phases[0].planned_end_on
    over = (values.today - end).days
    assert over > 0
    assert f"{end.day} Nov · {over} days over" in words
    start = values.journey_map.phases[1].planned_start_on + timedelta(days=over)
    assert f"Likely from {start.day} {start:%b}" in words
    steps = values.journey_map
    assert f"{steps.steps_done} of your {steps.steps_total} steps done" in words
    # On its last planned day the phase is on time: the map keeps the plan.
    on_time = replace(values, today=values.journey_map.phases[0].planned_end_on)
    words = text(progress_report_pdf(on_time))
    assert "days over" not in words and "Likely from" not in words
