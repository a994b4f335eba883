"""A document's preview: its pages as they will print, with Export…, Print… and Open folder.

The document is made in memory (Workspace.paper.make_document, 20–60 ms: on the UI thread is
fine for one), shown with QtPdf's QPdfView, saved with Workspace.paper.save_document (a temporary
file, then a rename) and printed by drawing each page onto the printer (printing.py).
What the person should know about it (characters no font has, a logo left out) is said
above the pages before they export. A progress report takes an optional personal note;
the preview is made again with it.

Given the window's AppEvents, the preview follows the data while it is open: a change to
its client (or one of their journeys, or the offer they are on), its offer, or the
practice's name and brand makes the document again a moment later, on the same page, at
the same zoom, with the note as typed. A client deleted or put in the trash meanwhile
keeps the last document, and the message bar says so.

A client's document has Send to client… beside Export: the document as shown (note and
all) goes to the mail program with a drafted message (ui/widgets/paper/sending.py), and the
send is logged as a contact.

For tests (and scripts) every button has a path that asks nothing: `export_to(path)`,
`print_to(printer)`, `update_preview()`, `refresh()`, `send()`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QLocale,
    QMargins,
    QObject,
    QPoint,
    Qt,
    QTime,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QDesktopServices,
    QGuiApplication,
    QKeySequence,
    QPalette,
    QShortcut,
)
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.services.changes import Changes
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.paper.report_export import Document, DocumentKind
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.failures import in_words
from deliverydesk.ui.core.runner import Runner
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.widgets.notice import Notice
from deliverydesk.ui.widgets.paper.last_folder import last_folder, remember_folder
from deliverydesk.ui.widgets.paper.pdf_pages import PdfPages
from deliverydesk.ui.widgets.paper.printing import PrintFailed, prepare_printer, print_pages
from deliverydesk.ui.widgets.paper.sending import (
    SendToClient,
    fallback_words,
    opened_words,
    runner_for,
)
from deliverydesk.ui.widgets.paper.subject import Subject
from deliverydesk.ui.widgets.paper.zoom import can_step, shown_zoom, step_zoom

if TYPE_CHECKING:
    from deliverydesk.services.paper.send import Sent

NOTE_PAUSE_MS = 1500  # typing stopped this long: the note goes into the preview
REFRESH_PAUSE_MS = 300  # a change often comes with others (an undo macro): one re-make


def missing_line(missing: tuple[str, ...]) -> str:
    """Named with their code too: the window's own font may lack them as well."""
    from deliverydesk.reports.fonts import describe_missing  # loaded with the document

    return tr("These characters have no font and would print as boxes: {chars}").format(
        chars=describe_missing(list(missing))
    )


class PreviewDialog(QDialog):
    """Signals:
    exported(Path): the document was saved there.
    refreshed(): the document was made again after a change to its data.
    sent(Sent): the document went to the mail program (or, with none, was shown and its
        message copied); the send is logged.
    """

    exported = Signal(object)
    refreshed = Signal()
    sent = Signal(object)

    def __init__(
        self,
        workspace: Workspace,
        document: Document,
        *,
        client_id: int | None = None,
        offer_id: int | None = None,
        events: AppEvents | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws = workspace
        self.document = document
        self.client_id, self.offer_id = client_id, offer_id
        self.last_export: Path | None = None
        self._note_used = ""
        self.pages: PdfPages | None = None
        self._printer: QPrinter | None = None
        self._events = events
        self._send_runner: Runner | None = None
        self.sending: SendToClient | None = None
        self.subject = Subject(workspace, client_id=client_id, offer_id=offer_id)
        self.setSizeGripEnabled(True)

        self.messages = Notice("warning")  # what to know before exporting
        self.outcome = Notice("good")  # what the last export or print did
        self.view = QPdfView()
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(tr("Document preview"))
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Page Up/Down scroll it
        em = self.fontMetrics().height()
        self.view.setPageSpacing(em // 2)
        self.view.setDocumentMargins(QMargins(em // 2, em // 2, em // 2, em // 2))
        self.view.pageNavigator().currentPageChanged.connect(lambda _p: self._show_page())
        self.view.zoomFactorChanged.connect(lambda _z: self._show_zoom())
        self.view.viewport().installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.addWidget(self.messages)
        layout.addWidget(self.view, 1)
        self.note_box = self._build_note()
        layout.addWidget(self.note_box)
        layout.addWidget(self.outcome)
        layout.addLayout(self._build_buttons())
        self._build_keys()
        self.set_document(document)
        self._size_to_screen(em)
        self.view.setFocus()
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_PAUSE_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        if events is not None:
            self.subject.gone()  # learns the client's journeys
            events.changed.connect(self._changed)

    # -- building ----------------------------------------------------------------------------
    def _build_note(self) -> QWidget:
        box = QFrame()
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(
            tr("A few words for the client, printed in the report (optional)")
        )
        self.note.setAccessibleName(tr("Personal note"))
        self.note.setTabChangesFocus(True)
        lines = self.note.fontMetrics().lineSpacing()
        self.note.setFixedHeight(lines * 3 + lines // 2 + 2 * self.note.frameWidth())
        caption = QLabel(tr("Personal &note:"))
        caption.setBuddy(self.note)
        self.update_button = QPushButton(tr("&Update preview"))
        self.update_button.setAutoDefault(False)
        self.update_button.setEnabled(False)  # until the note says something new
        self.update_button.setToolTip(tr("Show the note in the preview (it also follows a pause)"))
        self.update_button.clicked.connect(self.update_preview)
        self._note_timer = QTimer(self, singleShot=True, interval=NOTE_PAUSE_MS)
        self._note_timer.timeout.connect(self.update_preview)
        self.note.textChanged.connect(self._note_typed)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(caption, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.note, 1)
        row.addWidget(self.update_button, 0, Qt.AlignmentFlag.AlignTop)
        box.setVisible(self.document.kind is DocumentKind.PROGRESS)
        return box

    def _build_buttons(self) -> QHBoxLayout:
        def tool(text: str, tip: str, slot: Callable[[], object]) -> QToolButton:
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.setAutoRaise(True)
            button.clicked.connect(lambda _checked=False: slot())
            return button

        self.zoom_out_button = tool("−", tr("Zoom out (Ctrl+-)"), self.zoom_out)
        self.zoom_in_button = tool("+", tr("Zoom in (Ctrl++)"), self.zoom_in)
        self.fit_button = tool(
            tr("Fit width"), tr("Fit the page to the width (Ctrl+0)"), self.fit_width
        )
        self.fit_button.setCheckable(True)
        self.zoom_label = QLabel()
        self.page_label = QLabel()
        self.page_label.setAccessibleName(tr("Page"))
        self.updated_label = QLabel()  # when the document last followed a change
        self.updated_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # muted
        self.open_folder_button = QPushButton(tr("Open &folder"))
        self.open_folder_button.setToolTip(tr("Show the folder of the last export"))
        self.open_folder_button.setEnabled(False)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.print_button = QPushButton(tr("&Print…"))
        self.print_button.setToolTip(tr("Print with the system's print dialog (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_document)
        self.export_button = QPushButton(tr("&Export…"))
        self.export_button.setToolTip(tr("Save the PDF in a folder you choose (Ctrl+S)"))
        self.export_button.clicked.connect(self.export)
        self.export_button.setDefault(True)
        self.send_button = QPushButton(tr("Sen&d to client…"))
        self.send_button.setToolTip(
            tr("Open a mail to the client with this document attached and a message drafted")
        )
        self.send_button.clicked.connect(lambda _checked=False: self.send())
        # A client's document, in a window that announces changes: an offer's template
        # has nobody to send to.
        self.send_button.setVisible(self.client_id is not None and self._events is not None)
        self.close_button = QPushButton(tr("Close"))
        self.close_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button):
            row.addWidget(widget)
        row.addWidget(self.fit_button)
        row.addSpacing(self.fontMetrics().height())
        row.addWidget(self.page_label)
        row.addSpacing(self.fontMetrics().height() // 2)
        row.addWidget(self.updated_label)
        row.addStretch(1)
        for button in (
            self.open_folder_button,
            self.print_button,
            self.send_button,
            self.close_button,
        ):
            button.setAutoDefault(False)  # Enter stays Export…; Space presses these
        for button in (
            self.open_folder_button,
            self.print_button,
            self.send_button,
            self.export_button,
        ):
            row.addWidget(button)
        row.addWidget(self.close_button)
        return row

    def _build_keys(self) -> None:
        for keys, slot in (
            (QKeySequence.StandardKey.Print, self.print_document),
            (QKeySequence.StandardKey.Save, self.export),
            (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
            (QKeySequence("Ctrl+="), self.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
            (QKeySequence("Ctrl+0"), self.fit_width),
        ):
            QShortcut(QKeySequence(keys), self, slot)

    def _size_to_screen(self, em: int) -> None:
        """Wide enough to read a page at about 100 %, tall enough for most of one, never
        larger than the screen."""
        wanted = self.sizeHint().expandedTo(self.minimumSizeHint())
        wanted.setWidth(max(wanted.width(), em * 58))
        wanted.setHeight(max(wanted.height(), em * 62))
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry().size()
            wanted = wanted.boundedTo(room * 0.9)
        self.resize(wanted)

    # -- the document ------------------------------------------------------------------------
    def set_document(self, document: Document) -> None:
        """Show `document` (a new one after the note changed), on the page that was shown."""
        page = self.current_page()
        old = self.pages
        self.document = document
        self.pages = PdfPages(document.pdf, self)
        self.view.setDocument(self.pages.document)
        if old is not None:
            old.deleteLater()
        if 0 < page < self.page_count():
            self.view.pageNavigator().jump(page, QPoint())
        title = document.file_name.removesuffix(".pdf")
        self.setWindowTitle(tr("{name} — preview").format(name=title))
        self.messages.set_text("\n".join(self._document_lines()), "warning")
        self._show_page()
        self._show_zoom()

    def _document_lines(self) -> list[str]:
        """What to know about the document before exporting it."""
        lines = list(self.document.notes)
        if self.document.missing:
            lines.insert(0, missing_line(self.document.missing))
        return lines

    def page_count(self) -> int:
        return self.pages.page_count() if self.pages is not None else 0

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage() if self.pages is not None else 0

    def _show_page(self) -> None:
        count = self.page_count()
        self.page_label.setText(
            tr("Page {n} of {total}").format(n=min(self.current_page() + 1, count), total=count)
        )

    # -- the note ----------------------------------------------------------------------------
    def _note_typed(self) -> None:
        self._note_timer.start()
        self.update_button.setEnabled(self.note.toPlainText() != self._note_used)

    def update_preview(self) -> bool:
        """Make the progress report again with the note as typed; False if it failed."""
        self._note_timer.stop()
        note = self.note.toPlainText()
        if note == self._note_used and self.pages is not None:
            return True
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._make(note)
        except (InvalidInput, NotFound) as error:
            self.outcome.set_text(
                tr("The preview was not made again: {why}").format(why=in_words(error)), "danger"
            )
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        return True

    def _make(self, note: str) -> None:
        """Make the document again with `note` and show it; raises what make_document does."""
        document = self._ws.paper.make_document(
            self.document.kind, client_id=self.client_id, offer_id=self.offer_id, note=note
        )
        self._note_timer.stop()
        self._note_used = note
        self.update_button.setEnabled(False)
        self.set_document(document)

    def _settle_note(self) -> bool:
        """Before exporting or printing: what is saved is what the note says now."""
        if self.note_box.isHidden() or self.note.toPlainText() == self._note_used:
            return True
        return self.update_preview()

    # -- following the data ------------------------------------------------------------------
    def refresh_pending(self) -> bool:
        """A change was announced and the document will be made again shortly."""
        return self._refresh_timer.isActive()

    def _changed(self, changes: Changes) -> None:
        if self.isVisible() and self.subject.concerns(changes):
            self._refresh_timer.start()  # again: the pause counts from the last change

    def refresh(self) -> bool:
        """Make the document again from the data as it is now, with the note as typed, on
        the same page at the same zoom; False, with the reason in the message bar, when it
        cannot be (the client is gone): the last document stays."""
        self._refresh_timer.stop()
        gone = self.subject.gone()
        if not gone:
            try:
                self._make(self.note.toPlainText())
            except (InvalidInput, NotFound) as error:
                gone = tr("The preview shows the document as it was: {why}").format(
                    why=in_words(error)
                )
        if gone:
            self.messages.set_text("\n".join([gone, *self._document_lines()]), "warning")
            return False
        at = QLocale().toString(QTime.currentTime(), QLocale.FormatType.ShortFormat)
        self.updated_label.setText(tr("Updated at {time}").format(time=at))
        self.updated_label.setToolTip(tr("The preview follows changes to its data"))
        self.refreshed.emit()
        return True

    # -- zoom --------------------------------------------------------------------------------
    def zoom(self) -> float:
        """The zoom the pages are shown at now (fit to width included)."""
        first = self.pages.page_points(0) if self.pages and self.page_count() else None
        return shown_zoom(self.view, first)

    def _set_zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        self._show_zoom()

    def zoom_in(self) -> None:
        self._set_zoom(step_zoom(self.zoom(), +1))

    def zoom_out(self) -> None:
        self._set_zoom(step_zoom(self.zoom(), -1))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._show_zoom()

    def _show_zoom(self) -> None:
        now = self.zoom()
        self.fit_button.setChecked(self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth)
        self.zoom_label.setText(f"{round(now * 100)} %")
        self.zoom_in_button.setEnabled(can_step(now, +1))
        self.zoom_out_button.setEnabled(can_step(now, -1))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._show_zoom()  # fitting the width: the zoom follows the window's width
        return super().eventFilter(watched, event)

    # -- export ------------------------------------------------------------------------------
    def export(self) -> Path | None:
        """Ask where, then save; the path saved to, or None."""
        suggested = last_folder(self.parentWidget()) / self.document.file_name
        chosen, _filter = QFileDialog.getSaveFileName(
            self, tr("Export"), str(suggested), tr("PDF documents (*.pdf)")
        )
        if not chosen:
            return None
        return self.export_to(Path(chosen))

    def export_to(self, path: Path) -> Path | None:
        """Save the document at `path` (".pdf" added if it has no such ending), whole or
        not at all; the path saved to, or None with the reason shown in the dialog."""
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        if not self._settle_note():
            return None
        try:
            self._ws.paper.save_document(self.document, path)
        except InvalidInput as error:
            self.outcome.set_text(tr("Not saved. {why}").format(why=in_words(error)), "danger")
            return None
        except OSError as error:
            why = error.strerror or str(error)
            self.outcome.set_text(
                tr("Not saved in {folder}: {why}.").format(folder=path.parent, why=why), "danger"
            )
            return None
        self.last_export = path
        remember_folder(self.parentWidget(), path.parent)
        self.open_folder_button.setEnabled(True)
        self.outcome.set_text(
            tr("Saved “{name}” in {folder}").format(name=path.name, folder=path.parent), "good"
        )
        self.exported.emit(path)
        return path

    def open_folder(self) -> bool:
        """Show the folder of the last export in the system's file manager."""
        if self.last_export is None:
            return False
        folder = self.last_export.parent
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            return True
        self.outcome.set_text(
            tr("The folder {folder} could not be opened.").format(folder=folder), "danger"
        )
        return False

    # -- send to client ----------------------------------------------------------------------
    def send(self) -> SendToClient | None:
        """The document as shown (the note as typed) to the client through the mail
        program, in the background; what came of it is said in the dialog."""
        if self.client_id is None or self._events is None or not self._settle_note():
            return None
        if self._send_runner is None:
            self._send_runner = runner_for(self._ws, self._events, self)
        self.send_button.setEnabled(False)  # one at a time
        self.outcome.set_text(tr("Opening a mail draft…"), "info")
        self.sending = SendToClient(self._send_runner, self.client_id, self.document, parent=self)
        self.sending.done.connect(self._sent)
        self.sending.refused.connect(self._send_refused)
        return self.sending

    def _sent(self, sent: Sent) -> None:
        self.send_button.setEnabled(True)
        if sent.opened:
            self.outcome.set_text(opened_words(sent), "good")
        else:
            self.outcome.set_text(fallback_words(sent), "warning")
        self.sent.emit(sent)

    def _send_refused(self, why: str) -> None:
        self.send_button.setEnabled(True)
        self.outcome.set_text(why, "danger")

    # -- print -------------------------------------------------------------------------------
    def print_document(self) -> int:
        """The system's print dialog, then the pages onto the printer chosen."""
        if not self._settle_note() or self.pages is None:
            return 0
        if self._printer is None:  # one per preview: a second print starts as the first
            self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            name = self.document.file_name.removesuffix(".pdf")
            prepare_printer(self._printer, self.pages, name)
        dialog = QPrintDialog(self._printer, self)
        dialog.setMinMax(1, self.page_count())
        chosen = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return self.print_to(self._printer) if chosen else 0

    def print_to(self, printer: QPrinter) -> int:
        """Draw the pages onto `printer` as it is set up; how many pages were printed."""
        if not self._settle_note() or self.pages is None:
            return 0
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            printed = print_pages(self.pages, printer)
        except PrintFailed:
            self.outcome.set_text(
                tr("Nothing was printed: the printer could not be started."), "danger"
            )
            return 0
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.outcome.set_text(
            tr("Sent 1 page to the printer.")
            if printed == 1
            else tr("Sent {n} pages to the printer.").format(n=printed),
            "good",
        )
        return printed
