"""The client's paper: documents (progress reports, packs, checklists, intake forms), the
batch export, filled intake forms read back.

A room of the Workspace (`ws.paper`): each method is one use case on the open practice.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from deliverydesk.services.changes import Result
from deliverydesk.services.paper import intake, report_export
from deliverydesk.services.rooms.room import Room

if TYPE_CHECKING:
    from deliverydesk.services.paper import send


class PaperRoom(Room):
    # -- documents and the batch export ----------------------------------------------------
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

    def send_document(
        self,
        client_id: int,
        document: report_export.Document | None = None,
        *,
        kind: report_export.DocumentKind = report_export.DocumentKind.PROGRESS,
    ) -> Result[send.Sent]:
        """The client's document (`document` as made, or a new one of `kind`) opened in the
        mail composer with a drafted message, and logged as a contact."""
        from deliverydesk.services.paper import send

        return send.send_document(self._ctx, client_id, document, kind=kind)

    def send_progress_reports(
        self,
        client_ids: Sequence[int] | None = None,
        *,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Result[send.BatchSent]:
        """One mail draft with its progress report per client (default: every active one)."""
        from deliverydesk.services.paper import send

        return send.send_progress_reports(
            self._ctx, client_ids, progress=progress, cancelled=cancelled
        )

    def report_clients(self) -> list[tuple[int, str]]:
        """Every client with an active journey (id, name): the batch's default."""
        from deliverydesk.services.paper.report_packs import active_clients

        return active_clients(self._ctx)

    # -- filled intake forms ---------------------------------------------------------------
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
