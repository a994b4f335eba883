"""The open practice as the window sees it: use cases, never an engine or a session.

Widgets hold a Workspace. Each method is one use case (services/*) run against the open
database; mutations return `Result` or `Changes`, which the window's runner
(ui/runner.py) announces on the event bus. A restore or a practice import replaces the
database under the same workspace: views then reload on `Changes.all()`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path

from deliverydesk.model.clock import Clock, SystemClock
from deliverydesk.model.enums import Owner
from deliverydesk.model.fit import RightFit
from deliverydesk.model.offer_design import OfferSpec
from deliverydesk.model.under_way import Reached
from deliverydesk.progress import Tracker
from deliverydesk.services import (
    backups,
    brand,
    calendar_export,
    capacity,
    client_csv,
    client_journeys,
    client_lookup,
    clients,
    detail,
    intake,
    journey_csv,
    journeys,
    lifecycle,
    nudge,
    offer_apply,
    offer_file,
    offer_revisions,
    practice,
    practice_file,
    queries,
    report_export,
    reschedule,
    startup,
    timeline,
    trash,
    under_way,
)
from deliverydesk.services import offer_design as designs
from deliverydesk.services import practice_settings as settings
from deliverydesk.services import today as due_now
from deliverydesk.services.changes import Aspect, Changes, Result
from deliverydesk.services.context import Context, open_workspace
from deliverydesk.services.dashboard import Dashboard
from deliverydesk.services.rows import JourneyRow, OfferSummary
from deliverydesk.store.integrity import IntegrityReport
from deliverydesk.store.restore import Restored
from deliverydesk.wording import ENGLISH, Note, Words


class Workspace:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    @classmethod
    def open(cls, data_dir: Path, clock: Clock | None = None) -> Workspace:
        """Open the practice in `data_dir`; DatabaseError carries a message for the person."""
        return cls(open_workspace(data_dir, clock or SystemClock()))

    # -- the workspace itself ----------------------------------------------------------------
    @property
    def clock(self) -> Clock:
        return self._ctx.clock

    def today(self) -> date:
        return self._ctx.clock.today()

    @property
    def path(self) -> Path:
        """The database file."""
        return self._ctx.path

    @property
    def folder(self) -> Path:
        return self._ctx.path.parent

    @property
    def read_only(self) -> bool:
        """Open for reading only (the file or its folder is read-only): every change is
        refused with `read_only_reason`."""
        return bool(self._ctx.read_only)

    @property
    def read_only_reason(self) -> Note | None:
        """Why the practice can only be read, to be worded (None when it can be changed)."""
        return self._ctx.why_read_only

    def folder_warning(self) -> str:
        """Why the data folder (a cloud-sync folder, a network drive) is a risky home for
        the data file, in plain words; "" when it is not."""
        return startup.data_folder_warning(self.folder)

    def check(self) -> IntegrityReport:
        return self._ctx.check()

    def for_job(self) -> Workspace:
        """The open practice for work on another thread of this process (ui/jobs.py).

        The same database, never a second opening of it: its engine is thread-safe and each
        transaction takes a connection of its own, and opening again would run more than
        SQLite on a file this process holds locks on (docs/data-safety.md). The window
        closes it, never the job."""
        return Workspace(Context(self._ctx.db, self._ctx.clock))

    def seeding_context(self) -> Context:
        """The context the demo's seeding (seeding/, above the use cases) builds in."""
        return self._ctx

    def close(self) -> None:
        self._ctx.close()

    # -- reading -----------------------------------------------------------------------------
    def practice(self) -> practice.PracticeInfo | None:
        return practice.get_practice(self._ctx)

    def offer_summaries(self) -> list[OfferSummary]:
        return queries.offer_summaries(self._ctx)

    def board_rows(self, offer_id: int | None = None) -> list[JourneyRow]:
        return queries.board_rows(self._ctx, offer_id)

    def client_rows(self) -> list[JourneyRow]:
        return queries.client_rows(self._ctx)

    def rows_for_journeys(self, journey_ids: Iterable[int]) -> list[JourneyRow]:
        return queries.rows_for_journeys(self._ctx, journey_ids)

    def rows_for_clients(self, client_ids: Iterable[int]) -> list[JourneyRow]:
        return queries.rows_for_clients(self._ctx, client_ids)

    def journey_detail(self, journey_id: int) -> detail.JourneyDetail:
        return detail.journey_detail(self._ctx, journey_id)

    def journeys_of_client(self, client_id: int) -> list[client_journeys.ClientJourney]:
        return client_journeys.client_journeys(self._ctx, client_id)

    def refresh_journey_detail(
        self, shown: detail.JourneyDetail, aspects: Aspect
    ) -> detail.JourneyDetail:
        """`shown` after a change of `aspects`: reads only what such a change can alter."""
        return detail.refresh_detail(self._ctx, shown, aspects)

    # -- changing ----------------------------------------------------------------------------
    def create_practice(
        self, name: str, weekly_hours: float, working_days: frozenset[int], owner_name: str = ""
    ) -> Changes:
        return practice.create_practice(self._ctx, name, weekly_hours, working_days, owner_name)

    def complete_step(
        self, step_id: int, on: date | None = None, *, undo: bool = False
    ) -> Result[journeys.StepDone]:
        return journeys.complete_step(self._ctx, step_id, on, undo=undo)

    def reopen_step(
        self,
        step_id: int,
        *,
        expected: date | None = None,
        moved: journeys.PhaseMove | None = None,
    ) -> Result[date]:
        return journeys.reopen_step(self._ctx, step_id, expected=expected, moved=moved)

    def set_due_date(
        self, step_id: int, due_on: date, *, expected: date | None = None
    ) -> Result[date]:
        return journeys.set_due_date(self._ctx, step_id, due_on, expected=expected)

    def move_to_phase(
        self, journey_id: int, position: int, *, override: bool = False
    ) -> Result[journeys.PhaseMove | None]:
        return journeys.move_to_phase(self._ctx, journey_id, position, override=override)

    def restore_phase_state(
        self,
        journey_id: int,
        state: journeys.PhaseState,
        *,
        expected: journeys.PhaseState | None = None,
    ) -> Changes:
        return journeys.restore_phase_state(self._ctx, journey_id, state, expected=expected)

    def add_note(self, journey_id: int, text: str) -> Result[int]:
        return journeys.add_note(self._ctx, journey_id, text)

    def remove_note(self, note_id: int) -> Changes:
        return journeys.remove_note(self._ctx, note_id)

    # -- clients -----------------------------------------------------------------------------
    def client_details(self, client_id: int) -> client_lookup.ClientDetails:
        return client_lookup.client_details(self._ctx, client_id)

    def similar_clients(
        self, name: str, exclude_id: int | None = None
    ) -> list[client_lookup.SimilarClient]:
        return client_lookup.similar_clients(self._ctx, name, exclude_id)

    def client_choices(self) -> list[client_lookup.ClientChoice]:
        return client_lookup.client_choices(self._ctx)

    def add_client(self, data: clients.ClientInput) -> Result[int]:
        return clients.add_client(self._ctx, data)

    def update_client(
        self, client_id: int, data: clients.ClientInput
    ) -> Result[clients.ClientInput]:
        return clients.update_client(self._ctx, client_id, data)

    def remove_client(self, client_id: int) -> Result[None]:
        return clients.remove_client(self._ctx, client_id)

    def restore_client(self, client_id: int) -> Result[None]:
        return clients.restore_client(self._ctx, client_id)

    # -- enrolment ---------------------------------------------------------------------------
    def offer_checklist(self, offer_id: int) -> RightFit:
        return client_lookup.offer_checklist(self._ctx, offer_id)

    def capacity_preview(self, offer_id: int, start_on: date) -> capacity.CapacityPreview:
        return capacity.capacity_preview(self._ctx, offer_id, start_on)

    def enrol_client(
        self,
        client_id: int,
        offer_id: int,
        start_on: date,
        fit_answers: Mapping[str, bool] | None = None,
        reached: Reached | None = None,
    ) -> Result[int]:
        return clients.enrol_client(self._ctx, client_id, offer_id, start_on, fit_answers, reached)

    def offer_plan(self, offer_id: int, start_on: date) -> tuple[under_way.PlannedPhase, ...]:
        return under_way.offer_plan(self._ctx, offer_id, start_on)

    def unenrol(self, journey_id: int) -> Result[None]:
        return clients.unenrol(self._ctx, journey_id)

    def reinstate_enrolment(self, journey_id: int) -> Result[int]:
        return clients.reinstate_enrolment(self._ctx, journey_id)

    # -- a journey's life --------------------------------------------------------------------
    def pause(
        self, journey_id: int, reason: str = "", resume_on: date | None = None
    ) -> Result[lifecycle.JourneyState]:
        return lifecycle.pause(self._ctx, journey_id, reason, resume_on)

    def resume(self, journey_id: int) -> Result[lifecycle.JourneyState]:
        return lifecycle.resume(self._ctx, journey_id)

    def complete(self, journey_id: int, force: bool = False) -> Result[lifecycle.JourneyState]:
        return lifecycle.complete(self._ctx, journey_id, force)

    def cancel(self, journey_id: int, reason: str = "") -> Result[lifecycle.JourneyState]:
        return lifecycle.cancel(self._ctx, journey_id, reason)

    def archive(self, journey_id: int) -> Result[lifecycle.JourneyState]:
        return lifecycle.archive(self._ctx, journey_id)

    def restore_journey_state(
        self, journey_id: int, state: lifecycle.JourneyState
    ) -> Result[lifecycle.JourneyState]:
        return lifecycle.restore_journey_state(self._ctx, journey_id, state)

    def skipped_phases(self, journey_id: int) -> list[lifecycle.SkippedPhase]:
        return lifecycle.skipped_phases(self._ctx, journey_id)

    # -- practice settings -------------------------------------------------------------------
    def practice_settings(self) -> settings.PracticeSettings:
        return settings.practice_settings(self._ctx)

    def preview_reschedule(self, working_days: frozenset[int], closed: frozenset[date]) -> int:
        return settings.preview_reschedule(self._ctx, working_days, closed)

    def update_practice(self, new: settings.PracticeSettings) -> Result[settings.PracticeUndo]:
        return settings.update_practice(self._ctx, new)

    def restore_practice(self, undo: settings.PracticeUndo) -> Result[settings.PracticeUndo]:
        return settings.restore_practice(self._ctx, undo)

    # -- offers ------------------------------------------------------------------------------
    def offer_list(self) -> list[designs.OfferListRow]:
        return designs.offer_list(self._ctx)

    def offer_design(self, offer_id: int) -> designs.OfferDesign:
        return designs.offer_design(self._ctx, offer_id)

    def create_blank_offer(self) -> Result[int]:
        return designs.create_blank_offer(self._ctx)

    def add_offer(self, spec: OfferSpec, suffix: str = "") -> Result[int]:
        """A new offer from `spec` (a built-in template's, say), named apart if taken."""
        return designs.add_offer(self._ctx, spec, suffix)

    def duplicate_offer(self, offer_id: int) -> Result[int]:
        return designs.duplicate_offer(self._ctx, offer_id)

    def set_offer_archived(self, offer_id: int, archived: bool) -> Changes:
        return designs.set_offer_archived(self._ctx, offer_id, archived)

    def delete_offer(self, offer_id: int) -> Changes:
        return designs.delete_offer(self._ctx, offer_id)

    def save_offer(self, offer_id: int, spec: OfferSpec) -> Result[designs.SavedOffer]:
        return designs.save_offer(self._ctx, offer_id, spec)

    def undo_save_offer(self, saved: designs.SavedOffer) -> Result[designs.SavedOffer]:
        return designs.undo_save_offer(self._ctx, saved)

    def preview_values(self) -> dict[str, str]:
        """The sample client's values for previews (fill with model.offer_rules.fill_template)."""
        return designs.preview_values(self._ctx)

    def list_revisions(self, offer_id: int) -> list[offer_revisions.RevisionRow]:
        return offer_revisions.list_revisions(self._ctx, offer_id)

    def preview_apply(self, offer_id: int) -> list[offer_apply.JourneyDiff]:
        return offer_apply.preview_apply(self._ctx, offer_id)

    def apply_to_journeys(
        self, offer_id: int, journey_ids: Iterable[int]
    ) -> Result[offer_apply.AppliedDesign]:
        return offer_apply.apply_to_journeys(self._ctx, offer_id, journey_ids)

    def revert_apply(self, applied: offer_apply.AppliedDesign) -> Changes:
        return offer_apply.revert_apply(self._ctx, applied)

    def export_offer(self, offer_id: int, path: Path) -> Path:
        return offer_file.export_offer(self._ctx, offer_id, path)

    def import_offer(self, path: Path) -> Result[int]:
        return offer_file.import_offer(self._ctx, path)

    # -- timeline, today and the calendar ----------------------------------------------------
    def portfolio(self, journey_ids: Iterable[int] | None = None) -> list[timeline.PortfolioRow]:
        return timeline.portfolio(self._ctx, journey_ids)

    def journey_timeline(self, journey_id: int) -> timeline.JourneyTimeline:
        return timeline.journey_timeline(self._ctx, journey_id)

    def capacity_strip(self, until: date | None = None) -> timeline.CapacityStrip:
        return timeline.capacity_strip(self._ctx, until)

    def today_list(self, journey_ids: Iterable[int] | None = None) -> due_now.TodayList:
        return due_now.today_list(self._ctx, journey_ids)

    def resume_reminders(self) -> list[due_now.PausedRow]:
        return due_now.resume_reminders(self._ctx)

    def overdue_by_journey(
        self, journey_ids: Iterable[int] | None = None
    ) -> dict[int, dict[Owner, int]]:
        return due_now.overdue_by_journey(self._ctx, journey_ids)

    def reschedule_step(
        self, step_id: int, due_on: date, *, shift_rest: bool = False
    ) -> Result[reschedule.Rescheduled]:
        return reschedule.reschedule_step(self._ctx, step_id, due_on, shift_rest=shift_rest)

    def restore_step_dates(
        self, rescheduled: reschedule.Rescheduled
    ) -> Result[reschedule.Rescheduled]:
        return reschedule.restore_step_dates(self._ctx, rescheduled)

    def nudge_draft(self, step_id: int, words: Words = ENGLISH) -> nudge.NudgeDraft:
        return nudge.nudge_draft(self._ctx, step_id, words)

    def record_nudge(self, step_id: int, channel: nudge.NudgeChannel) -> Changes:
        return nudge.record_nudge(self._ctx, step_id, channel)

    def export_calendar(
        self, path: Path, words: Words = ENGLISH, tracker: Tracker | None = None
    ) -> int:
        """Every open step of the active journeys to an .ics file (a job in
        ui/today/calendar_export.py runs it off the window's thread)."""
        return calendar_export.export_calendar(self._ctx, path, words, tracker)

    # -- backups and restore -----------------------------------------------------------------
    @property
    def backups_folder(self) -> Path:
        return backups.backups_folder(self.folder)

    def backup_list(self) -> list[backups.BackupInfo]:
        return backups.list_backups(self.folder)

    def back_up(self, label: str = backups.MANUAL) -> backups.BackupInfo:
        return backups.back_up(self._ctx, label)

    def back_up_automatically(self) -> backups.BackupInfo:
        """A backup labelled automatic (the window's, every 30 minutes of changes)."""
        return backups.back_up(self._ctx, backups.AUTO)

    def back_up_if_due(self) -> backups.BackupInfo | None:
        """A backup when the last is a day old (the window's start), else None."""
        return backups.back_up_if_due(self._ctx)

    def restore_backup(self, source: Path) -> Result[Restored]:
        """Replace the practice with the backup `source`, then reopen on it (services/
        backups.restore_in_place says what a failure leaves)."""
        return backups.restore_in_place(self._ctx, source)

    # -- owning the data: files in and out, the trash ----------------------------------------
    def export_practice(self, path: Path) -> practice_file.PracticeFileSummary:
        return practice_file.export_practice(self._ctx, path)

    def replace_practice(self, path: Path) -> Result[Restored]:
        """Put the practice in the file at `path` in place of the open one, which is kept
        as a backup (the value's `kept`: restoring it undoes this). A file that cannot be
        used raises InvalidInput and changes nothing."""
        return practice_file.replace_practice(self._ctx, path)

    def build_practice(self, path: Path, folder: Path) -> Path:
        """replace_practice's first step, for a job: the practice file at `path` built into
        a new database in the empty `folder`; restore_backup swaps it in."""
        return practice_file.build_database(path, folder, self._ctx.clock)

    def import_clients_csv(
        self, path: Path, encoding: str = "utf-8"
    ) -> Result[client_csv.CsvImport]:
        return client_csv.import_clients(self._ctx, path, encoding)

    def import_journeys_csv(
        self, path: Path, encoding: str = "utf-8"
    ) -> Result[journey_csv.JourneyImport]:
        return journey_csv.import_journeys(self._ctx, path, encoding)

    def preview_clients_csv(self, path: Path, encoding: str = "utf-8") -> client_csv.CsvPreview:
        return client_csv.preview_clients(self._ctx, path, encoding)

    def preview_journeys_csv(self, path: Path, encoding: str = "utf-8") -> client_csv.CsvPreview:
        return journey_csv.preview_journeys(self._ctx, path, encoding)

    def journeys_template(self, path: Path) -> int:
        return journey_csv.journeys_template(self._ctx, path)

    def export_clients_csv(self, path: Path, *, spreadsheet: bool = False) -> int:
        return client_csv.export_clients(self._ctx, path, spreadsheet=spreadsheet)

    def archive_client(self, client_id: int) -> Result[int]:
        return trash.archive_client(self._ctx, client_id)

    def restore_from_trash(self, client_id: int) -> Result[int]:
        return trash.restore_from_trash(self._ctx, client_id)

    def trashed_clients(self) -> list[trash.TrashedClient]:
        return trash.trashed_clients(self._ctx)

    def empty_trash(self) -> Result[int]:
        return trash.empty_trash(self._ctx)

    # -- the client's paper: documents, batch export ------------------------------------------
    def make_document(
        self,
        kind: report_export.DocumentKind,
        *,
        client_id: int | None = None,
        offer_id: int | None = None,
        note: str = "",
    ) -> report_export.Document:
        """A progress report, onboarding pack, checklist or intake form, in memory for the
        preview (for a client, or for an offer as a template)."""
        return report_export.make_document(
            self._ctx, kind, client_id=client_id, offer_id=offer_id, note=note
        )

    def save_document(self, document: report_export.Document, path: Path) -> report_export.Exported:
        return report_export.save_document(document, path)

    def export_progress_batch(
        self,
        folder: Path,
        client_ids: Sequence[int] | None = None,
        *,
        workers: int = 1,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[report_export.Exported]:
        """Progress reports for `client_ids` (default: every active client) into `folder`."""
        return report_export.export_progress_batch(
            self._ctx, folder, client_ids, workers=workers, progress=progress, cancelled=cancelled
        )

    def report_clients(self) -> list[tuple[int, str]]:
        """Every client with an active journey (id, name): the batch's default."""
        from deliverydesk.services.report_packs import active_clients

        return active_clients(self._ctx)

    # -- the client's paper: brand ------------------------------------------------------------
    def brand_settings(self) -> brand.BrandSettings:
        return brand.brand_settings(self._ctx)

    def update_brand(self, settings: brand.BrandSettings) -> Result[brand.BrandSettings]:
        """Save the brand; the value is the settings before (update_brand with them undoes)."""
        return brand.update_brand(self._ctx, settings)

    def import_logo(self, path: Path) -> str:
        """Check a PNG or JPEG and copy it into the data folder: the stored path, for
        BrandSettings.logo_path. InvalidInput says why a file cannot be used."""
        return brand.import_logo(self._ctx, path)

    def logo_file(self, stored: str | None) -> Path | None:
        """Where a stored logo is on disk (None for none, or one pointing outside)."""
        return brand.logo_path(self._ctx, stored)

    def brand_sample(self, settings: brand.BrandSettings) -> bytes:
        """A one-page sample PDF drawn with unsaved `settings`, for the live preview."""
        return brand.sample_page(self._ctx, settings)

    # -- the client's paper: intake forms -----------------------------------------------------
    def intake_form_address(self, path: Path) -> intake.FormAddress:
        """The client and offer a filled intake form names (InvalidInput: not one, or altered)."""
        return intake.form_address(self._ctx, path)

    def read_filled_form(self, path: Path, client_id: int) -> intake.FilledForm:
        return intake.read_filled_form(self._ctx, path, client_id)

    def save_intake_answers(
        self, client_id: int, form: intake.FilledForm
    ) -> Result[intake.SavedIntake]:
        return intake.save_intake_answers(self._ctx, client_id, form)

    def restore_intake(
        self,
        client_id: int,
        saved: intake.SavedIntake,
        *,
        expected: Mapping[str, object] | None = None,
    ) -> Result[None]:
        return intake.restore_intake(self._ctx, client_id, saved, expected=expected)

    def intake_record(self, client_id: int) -> intake.IntakeRecord:
        return intake.intake_record(self._ctx, client_id)

    # -- the dashboard -----------------------------------------------------------------------
    def dashboard(self) -> Dashboard:
        """Capacity by week, on-time rate, integrity and its parts, time per phase against
        plan, feedback and referrals (services/dashboard.py says how each is counted)."""
        from deliverydesk.services.dashboard import dashboard

        return dashboard(self._ctx)
