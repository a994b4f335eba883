"""Sending the client their paper: the system's mail composer opened with the document
made and a drafted message (a fake xdg-email on PATH records what it was given), the
fallback when no composer is there, the send logged as a contact that the dashboard and
the next progress report count from; Windows' MAPI and macOS' Mail through their
argument builders."""

from __future__ import annotations

import ctypes
from datetime import date
from pathlib import Path

import pytest

from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.journeys.detail import journey_detail
from deliverydesk.services.journeys.journeys import complete_step
from deliverydesk.services.journeys.lifecycle import pause
from deliverydesk.services.paper import report_data
from deliverydesk.services.paper.mail_composer import (
    MAPI_DIALOG,
    MAPI_TO,
    MailDraft,
    MapiRecipDescW,
    mac_mail_args,
    mapi_call,
)
from deliverydesk.services.paper.report_export import DocumentKind, make_document
from deliverydesk.services.paper.send import send_document, send_progress_reports
from deliverydesk.services.views.dashboard import Part, dashboard
from deliverydesk.wording import ENGLISH, RefusalCode
from tests.fake_composer import option, recorded
from tests.unit.reports_support import enrol, practice, reader

NAME = "Zoë “Zee” O'Brien-Łukasiewicz"  # quotes, an apostrophe, letters beyond Latin-1


def test_the_composer_gets_the_report_made_the_address_and_the_drafted_message(
    ctx: Context, composer: Path
) -> None:
    practice(ctx)
    client = enrol(ctx, NAME, email="zoe@example.org").client_id

    sent = send_document(ctx, client).value

    [args] = recorded(composer)
    attached = Path(option(args, "--attach"))
    assert attached == sent.path and attached.is_file()
    assert attached.read_bytes()[:5] == b"%PDF-"
    assert NAME in reader(attached.read_bytes()).pages[0].extract_text()  # the client's report
    assert args[-1] == "zoe@example.org"
    subject = option(args, "--subject")
    assert subject == f"Clarity Sprint {NAME[:40]}: your progress report, {NAME}"
    body = option(args, "--body")
    assert body.startswith("Hi Zoë,\n\n")
    assert body.rstrip().endswith("North Star Coaching")
    assert "{" not in body  # every placeholder filled
    assert "--utf8" in args
    assert sent.opened


def test_the_preview_s_document_is_the_one_attached_note_and_all(
    ctx: Context, composer: Path
) -> None:
    practice(ctx)
    client = enrol(ctx, NAME, email="zoe@example.org").client_id
    document = make_document(
        ctx, DocumentKind.PROGRESS, client_id=client, note="Proud of you, Zoë."
    )

    sent = send_document(ctx, client, document).value

    [args] = recorded(composer)
    assert Path(option(args, "--attach")).read_bytes() == document.pdf
    assert sent.path.name == document.file_name


def test_a_client_with_no_address_gets_a_draft_to_address(ctx: Context, composer: Path) -> None:
    practice(ctx)
    client = enrol(ctx, "Ana Souza").client_id

    send_document(ctx, client, kind=DocumentKind.CHECKLIST)

    [args] = recorded(composer)
    assert args[-2:] == ["--body", args[-1]]  # the body last: no address after it
    assert option(args, "--subject").endswith(": your checklist")
    assert Path(option(args, "--attach")).name == "Checklist - Ana Souza.pdf"


def test_without_a_composer_the_file_is_kept_and_the_message_ready_to_paste(
    ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    practice(ctx)
    client = enrol(ctx, NAME, email="zoe@example.org").client_id

    sent = send_document(ctx, client).value

    assert not sent.opened
    assert sent.path.is_file() and sent.path.parent.parent.name == "sent"
    assert sent.message.startswith("To: zoe@example.org\nSubject: ")
    assert "Hi Zoë," in sent.message


def test_a_composer_that_fails_is_the_fallback_too(
    ctx: Context, composer: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    failing = composer.parent / "bin" / "xdg-email"
    failing.write_text("#!/bin/sh\nexit 3\n", encoding="utf-8")
    practice(ctx)
    client = enrol(ctx, "Ana Souza").client_id

    assert not send_document(ctx, client).value.opened


def test_a_send_is_logged_as_a_contact_on_the_client_s_page(ctx: Context, composer: Path) -> None:
    practice(ctx)
    enrolled = enrol(ctx, NAME, email="zoe@example.org")

    send_document(ctx, enrolled.client_id)

    lines = [
        ENGLISH.activity_text(a.kind, a.detail)
        for a in journey_detail(ctx, enrolled.journey_id).activity
    ]
    assert "Progress report sent" in lines


def test_sends_count_as_clients_kept_informed(ctx: Context, composer: Path) -> None:
    practice(ctx)
    client = enrol(ctx, "Ana Souza").client_id
    before = dashboard(ctx).integrity.ratio(Part.INFORMED)

    send_document(ctx, client)
    send_document(ctx, client, kind=DocumentKind.CHECKLIST)

    after = dashboard(ctx).integrity.ratio(Part.INFORMED)
    assert (after.hits, after.total) == (before.hits + 2, before.total + 2)


def test_the_next_report_s_wins_start_from_the_last_report_sent(
    ctx: Context, composer: Path
) -> None:
    practice(ctx)
    enrolled = enrol(ctx, "Ana Souza")
    steps = {
        s.title: s.id for p in journey_detail(ctx, enrolled.journey_id).phases for s in p.steps
    }
    complete_step(ctx, steps["Welcome call"], on=date(2026, 11, 2))
    assert [w.title for w in report_data.progress_report(ctx, enrolled.client_id).wins] == [
        "Welcome call"
    ]

    send_document(ctx, enrolled.client_id)  # on 23 Nov
    ctx.clock = FixedClock(date(2026, 11, 30))
    complete_step(ctx, steps["Draft the plan"], on=date(2026, 11, 27))

    report = report_data.progress_report(ctx, enrolled.client_id)
    assert [w.title for w in report.wins] == ["Draft the plan"]
    assert report.wins_since == date(2026, 11, 23)


def test_a_batch_opens_one_draft_per_active_client_with_progress(
    ctx: Context, composer: Path
) -> None:
    practice(ctx)
    ana = enrol(ctx, "Ana Souza", email="ana@example.org")
    enrol(ctx, "Bo Lind", email="bo@example.org")
    paused = enrol(ctx, "Cy Diaz", email="cy@example.org")
    pause(ctx, paused.journey_id, "travelling")
    steps: list[tuple[int, int]] = []

    outcome = send_progress_reports(ctx, progress=lambda n, total: steps.append((n, total)))

    assert [a[-1] for a in recorded(composer)] == ["ana@example.org", "bo@example.org"]
    assert [s.client_name for s in outcome.value.sent] == ["Ana Souza", "Bo Lind"]
    assert steps == [(0, 2), (1, 2), (2, 2)]
    assert ana.client_id in outcome.changes.clients
    assert not outcome.value.stopped


def test_a_stopped_batch_keeps_what_was_sent_and_opens_no_more(
    ctx: Context, composer: Path
) -> None:
    practice(ctx)
    for name in ("Ana Souza", "Bo Lind", "Cy Diaz"):
        enrol(ctx, name, email=f"{name[:2].lower()}@example.org")

    outcome = send_progress_reports(ctx, cancelled=lambda: len(recorded_or_none(composer)) >= 1)

    assert len(recorded(composer)) == 1
    assert outcome.value.stopped and len(outcome.value.sent) == 1


def recorded_or_none(calls: Path) -> list[list[str]]:
    return recorded(calls) if calls.exists() else []


def test_a_batch_with_no_active_client_is_refused_plainly(ctx: Context, composer: Path) -> None:
    practice(ctx)

    with pytest.raises(InvalidInput) as refused:
        send_progress_reports(ctx)

    assert refused.value.code is RefusalCode.NO_CLIENT_TO_SEND_TO
    assert not composer.exists()


# -- the other systems' composers, through their argument builders ---------------------------


def draft() -> MailDraft:
    return MailDraft(
        "zoe@example.org",
        f"Your progress report, {NAME}",
        'Hi Zoë,\n\nSee "attached".\n',
        Path("/data/sent/2026-11-23/Progress report - Zoë.pdf"),
    )


def test_mapi_s_message_carries_the_address_subject_body_and_file() -> None:
    call = mapi_call(draft())

    message = call.message
    assert message.lpszSubject == f"Your progress report, {NAME}"
    assert message.lpszNoteText == 'Hi Zoë,\n\nSee "attached".\n'
    assert message.nRecipCount == 1
    recipient = message.lpRecips[0]
    assert recipient.ulRecipClass == MAPI_TO
    assert recipient.lpszAddress == "SMTP:zoe@example.org"
    assert message.nFileCount == 1
    attached = message.lpFiles[0]
    assert attached.lpszPathName == "/data/sent/2026-11-23/Progress report - Zoë.pdf"
    assert attached.lpszFileName == "Progress report - Zoë.pdf"
    assert attached.nPosition == 0xFFFFFFFF
    assert call.flags & MAPI_DIALOG  # the composer is shown, never sent unseen
    assert ctypes.sizeof(MapiRecipDescW) >= 4 * 2 + ctypes.sizeof(ctypes.c_void_p) * 3


def test_mapi_without_an_address_leaves_the_recipients_empty() -> None:
    no_address = MailDraft("", "S", "B", Path("/tmp/x.pdf"))

    message = mapi_call(no_address).message

    assert message.nRecipCount == 0 and not message.lpRecips


def test_mac_mail_gets_the_values_as_arguments_never_inside_the_script() -> None:
    args = mac_mail_args(draft())

    assert args[0] == "osascript"
    script = " ".join(args[1:-4])
    assert NAME not in script and "zoe@example.org" not in script
    assert args[-4:] == [
        f"Your progress report, {NAME}",
        'Hi Zoë,\n\nSee "attached".\n',
        "zoe@example.org",
        "/data/sent/2026-11-23/Progress report - Zoë.pdf",
    ]
    assert all(a == "-e" for a in args[1:-4:2])
