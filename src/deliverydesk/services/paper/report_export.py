"""Exporting the client's paper: read the data, make the PDF, write it atomically; one
client at a time, or progress reports for every active client into a folder.

Before anything is written, the characters no bundled font can print are found
(`missing_characters`), so the window or the command line can say so instead of letting a
box appear on the page. File names built from client names are made safe everywhere.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import multiprocessing.util
import os
import re
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any

from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.offers.offer_file import write_atomically
from deliverydesk.services.worker_life import Lifeline, start_worker, work
from deliverydesk.staging import (
    note_leftover,
    process_staging,
    staging_if_possible,
    staging_token,
)
from deliverydesk.wording import RefusalCode

QUIET_TRACKER = "ignore::UserWarning:multiprocessing.resource_tracker"
CHUNK = 50  # at most this many progress reports between two progress reports
# Loaded once by the fork server, so each worker starts with them (see worker_context):
# what opening the workspace and making a report import, about a second of a fresh
# process's start.
WORKER_PRELOAD = (
    "deliverydesk.services.context",
    "deliverydesk.services.paper.report_export",
    "deliverydesk.services.worker_life",
    "deliverydesk.services.paper.report_data",
    "deliverydesk.services.paper.report_packs",
    "deliverydesk.store.recovery",
    "alembic.config",
    "alembic.runtime.migration",
    "alembic.script",
    "deliverydesk.reports.progress_report",
    "deliverydesk.reports.checklist",
    "deliverydesk.reports.onboarding_pack",
    "deliverydesk.reports.intake_form",
)


class DocumentKind(StrEnum):
    PROGRESS = "progress"
    ONBOARDING = "onboarding"
    CHECKLIST = "checklist"
    INTAKE = "intake"


@dataclass(frozen=True)
class Exported:
    path: Path
    notes: tuple[str, ...] = ()  # what the person should be told (a logo left out...)
    missing: tuple[str, ...] = ()  # characters printed as boxes: no bundled font has them


def document_data(
    ctx: Context,
    kind: DocumentKind,
    *,
    client_id: int | None = None,
    offer_id: int | None = None,
    since: date | None = None,
    note: str = "",
) -> Any:
    """The values one document prints (reports/data.py)."""
    from deliverydesk.services.paper import report_data, report_packs

    if kind is DocumentKind.PROGRESS:
        if client_id is None:
            raise InvalidInput(RefusalCode.PROGRESS_REPORT_NEEDS_CLIENT)
        return report_data.progress_report(ctx, client_id, since=since, note=note)
    if kind is DocumentKind.ONBOARDING:
        return report_packs.onboarding_pack(ctx, client_id=client_id, offer_id=offer_id)
    if kind is DocumentKind.CHECKLIST:
        return report_packs.checklist(ctx, client_id=client_id, offer_id=offer_id)
    return report_packs.intake_form(ctx, client_id=client_id, offer_id=offer_id)


def render(kind: DocumentKind, values: Any, notes: list[str] | None = None) -> bytes:
    """The PDF's bytes for `values` (as document_data returned them)."""
    from deliverydesk.reports.checklist import checklist_pdf
    from deliverydesk.reports.intake_form import intake_form_pdf
    from deliverydesk.reports.onboarding_pack import onboarding_pack_pdf
    from deliverydesk.reports.progress_report import progress_report_pdf

    builders: dict[DocumentKind, Callable[..., bytes]] = {
        DocumentKind.PROGRESS: progress_report_pdf,
        DocumentKind.ONBOARDING: onboarding_pack_pdf,
        DocumentKind.CHECKLIST: checklist_pdf,
        DocumentKind.INTAKE: intake_form_pdf,
    }
    return builders[kind](values, notes)


def missing_characters(values: Any) -> list[str]:
    """Characters in the document's text that no bundled font can print (emoji, CJK...)."""
    from deliverydesk.reports.fonts import missing_characters as missing

    return missing(_strings(values))


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _strings(getattr(value, field.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _strings(item)


def export_document(
    ctx: Context,
    kind: DocumentKind,
    path: Path,
    *,
    client_id: int | None = None,
    offer_id: int | None = None,
    since: date | None = None,
    note: str = "",
    tag: str = "",
) -> Exported:
    """Write one document to `path` (atomically: the old file or the new one, never half;
    `tag` names the temporary file, see write_atomically)."""
    made = make_document(ctx, kind, client_id=client_id, offer_id=offer_id, since=since, note=note)
    return save_document(made, path, tag=tag)


@dataclass(frozen=True)
class Document:
    """One document made in memory, for a preview: its bytes and what to tell the person."""

    kind: DocumentKind
    pdf: bytes
    file_name: str  # a safe suggestion: "Progress report - Zoë Müller.pdf"
    notes: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()


def make_document(
    ctx: Context,
    kind: DocumentKind,
    *,
    client_id: int | None = None,
    offer_id: int | None = None,
    since: date | None = None,
    note: str = "",
) -> Document:
    """The document as export_document would write it, kept in memory."""
    values = document_data(
        ctx, kind, client_id=client_id, offer_id=offer_id, since=since, note=note
    )
    notes: list[str] = []
    pdf = render(kind, values, notes)
    who = getattr(values, "client_name", "") or getattr(values, "offer_name", "")
    return Document(
        kind, pdf, file_name_for(kind, who), tuple(notes), tuple(missing_characters(values))
    )


def save_document(document: Document, path: Path, *, tag: str = "") -> Exported:
    """Write a document made in memory to `path`, atomically (`tag`: write_atomically)."""
    write_atomically(path, document.pdf, tag=tag)
    return Exported(path, document.notes, document.missing)


# -- file names -------------------------------------------------------------------------------

_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}
_UNSAFE = re.compile(r'[\\/:*?"<>|]+')
MAX_NAME = 80


def safe_file_name(name: str, suffix: str = ".pdf") -> str:
    """A file name from a person's name: no path separators, reserved characters, control
    or direction characters, leading dots or Windows device names; at most 80 characters
    before the suffix; "document" when nothing is left."""
    text = unicodedata.normalize("NFC", name)
    text = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp") else ch for ch in text
    )
    text = _UNSAFE.sub(" ", text)
    text = " ".join(text.split()).strip(" .")
    text = text[:MAX_NAME].rstrip(" .")
    if not text or text.split(".")[0].upper() in _RESERVED:
        text = f"{text or 'document'} file".strip()
    return text + suffix


def file_name_for(kind: DocumentKind, who: str) -> str:
    """ "Progress report - Zoë Müller.pdf" """
    words = {
        DocumentKind.PROGRESS: "Progress report",
        DocumentKind.ONBOARDING: "Welcome pack",
        DocumentKind.CHECKLIST: "Checklist",
        DocumentKind.INTAKE: "Intake form",
    }[kind]
    return safe_file_name(f"{words} - {who}")


# -- progress reports for every active client --------------------------------------------------


def export_progress_batch(
    ctx: Context,
    folder: Path,
    client_ids: Sequence[int] | None = None,
    *,
    workers: int = 1,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Exported]:
    """Progress reports for `client_ids` (default: every client with an active journey;
    given ids may be any client with a journey) into `folder`, one file each, with unique
    safe names. With `workers` > 1 the reports are made in that many processes (see
    worker_context), each opening the workspace itself. A cancel stops between reports
    (between chunks with workers); the files written so far stay, each one whole."""
    from deliverydesk.services.paper.report_packs import active_clients, client_names

    if not folder.is_dir():
        raise InvalidInput(RefusalCode.NO_FOLDER_FOR_REPORTS, folder=folder)
    clients = active_clients(ctx) if client_ids is None else client_names(ctx, client_ids)
    jobs = list(_named(clients, folder))
    # The batch's own staging folder in the data folder lists what a kill would leave
    # behind (its temporary PDFs) for the next start to sweep.
    with staging_if_possible(ctx.path.parent, "export") as staged:
        tag = f"{staging_token(staged)}-" if staged else ""
        if staged:
            note_leftover(staged, folder / f".*.{tag}*.tmp")
        return _export_batch(ctx, jobs, tag, staged, workers, progress, cancelled)


def _export_batch(
    ctx: Context,
    jobs: list[tuple[int, Path]],
    tag: str,
    staged: Path | None,
    workers: int,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> list[Exported]:
    done: list[Exported] = []
    today = ctx.clock.today()
    if workers <= 1 or not jobs:
        for count, (client_id, path) in enumerate(jobs, start=1):
            if cancelled and cancelled():
                break
            done.append(
                export_document(ctx, DocumentKind.PROGRESS, path, client_id=client_id, tag=tag)
            )
            if progress:
                progress(count, len(jobs))
        return done
    # Chunks of up to CHUNK reports: each worker opens the workspace once per chunk, and
    # the caller hears of progress (and can cancel) between chunks; a few chunks per
    # worker, so both work and the count moves even for a couple of dozen clients. One
    # chunk per worker is handed out at a time: a cancel waits for those alone (chunks
    # queued in the pool could not be called back).
    size = max(1, min(CHUNK, -(-len(jobs) // (workers * 4))))
    waiting = iter([jobs[i : i + size] for i in range(0, len(jobs), size)])
    context = worker_context()
    lifeline = Lifeline(context)  # the workers stop when it is cut or this process ends
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=start_worker,
        initargs=(lifeline.reader,),
    )
    # Multiprocessing's folder (the fork server's socket) stays until this process ends,
    # long after the batch: a window killed later would leave it in the system's temp.
    lifelong = process_staging(ctx.path.parent) if staged else None
    if lifelong:
        note_leftover(lifelong, Path(multiprocessing.util.get_temp_dir()))
    try:
        running: set[Future[list[Exported]]] = set()
        stopping = False
        while True:
            while not stopping and len(running) < workers:
                chunk = next(waiting, None)
                if chunk is None:
                    break
                running.add(pool.submit(_export_chunk, ctx.path.parent, today, chunk, tag))
            if not running:
                break
            finished, running = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                done.extend(future.result())  # written whole, cancelled or not: counted
            if progress:
                progress(len(done), len(jobs))
            stopping = stopping or bool(cancelled and cancelled())
    except BaseException:
        lifeline.cut()  # a stop signal, Ctrl+C or an error: the workers stop at once
        pool.shutdown(wait=True, cancel_futures=True)
        remove_temporaries(jobs[0][1].parent, tag)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # also when progress() raised
        lifeline.cut()
    return done


def remove_temporaries(folder: Path, tag: str) -> None:
    """The half-written files of the batch tagged `tag` (none without a tag: another
    program's temporary files are not ours to remove)."""
    if tag:
        for temporary in folder.glob(f".*.{tag}*.tmp"):
            temporary.unlink(missing_ok=True)


def worker_context() -> BaseContext:
    """How the batch's worker processes start. Never a plain fork: the window's process has
    threads (Qt's, the job runner's, SQLite work in flight), and a forked child inherits
    their locks in whatever state they were, which can hang it (Python 3.12+ warns of it;
    3.14 stops forking by default). A fork server is a clean single-threaded process
    started once, with the report modules loaded, that forks the workers; where there is
    none (Windows), each worker starts afresh."""
    # The resource tracker (a helper process multiprocessing starts) cleans up after a
    # killed batch but says so in Python's words on the caller's terminal; the helper
    # processes take their warning options from this list.
    if QUIET_TRACKER not in sys.warnoptions:
        sys.warnoptions.append(QUIET_TRACKER)
    if "forkserver" not in multiprocessing.get_all_start_methods() or not _socket_fits():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(WORKER_PRELOAD))
    return context


def _socket_fits() -> bool:
    """Whether the fork server's socket, which it makes in the temporary folder, has a path
    short enough for a Unix socket (107 bytes): a long TMPDIR failed every batch with
    "AF_UNIX path too long". Where it does not fit, workers start afresh instead."""
    room = 107 - len("/pymp-12345678/listener-12345678")
    return len(os.fsencode(tempfile.gettempdir())) <= room


def _named(clients: list[tuple[int, str]], folder: Path) -> Iterator[tuple[int, Path]]:
    taken: set[str] = set()
    for client_id, name in clients:
        file_name = file_name_for(DocumentKind.PROGRESS, name)
        if file_name.casefold() in taken:  # namesakes: the second gets its client number
            file_name = file_name_for(DocumentKind.PROGRESS, f"{name} ({client_id})")
        taken.add(file_name.casefold())
        yield client_id, folder / file_name


def _export_chunk(
    data_dir: Path, today: date, jobs: list[tuple[int, Path]], tag: str
) -> list[Exported]:
    """One worker process: its own workspace, its share of the reports."""
    from deliverydesk.model.rules.clock import FixedClock
    from deliverydesk.services.context import open_workspace

    # A stop signal ends the worker here, the batch's temporary files removed.
    with work(lambda: remove_temporaries(jobs[0][1].parent, tag)):
        ctx = open_workspace(data_dir, FixedClock(today))
        try:
            return [
                export_document(ctx, DocumentKind.PROGRESS, path, client_id=cid, tag=tag)
                for cid, path in jobs
            ]
        finally:
            ctx.close()
