"""The Offers screen: every offer with its clients and whether it can enrol, the actions
that make, copy, archive, export and import offers, and each offer's editor.

Every action that changes offers is one command on the window's undo stack. The list is
read when the screen is shown; the editor is built the first time an offer is opened.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.seeding.offer_templates import TEMPLATES, OfferTemplate
from deliverydesk.services.changes import Aspect, Result
from deliverydesk.services.errors import InvalidInput, RefusalCode
from deliverydesk.services.offers.offer_design import OfferListRow
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.failures import told, warn
from deliverydesk.ui.core.refresh import Refresher
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.look.typography import make_heading
from deliverydesk.ui.offers.offer_commands import ArchiveOfferCommand, CreateOfferCommand
from deliverydesk.ui.offers.offer_editor import OfferEditor
from deliverydesk.ui.offers.offer_list_model import NAME, OfferListModel
from deliverydesk.ui.offers.offer_list_parts import (
    FILE_FILTER,
    FirstOfferState,
    action_button,
    file_name_for,
    offer_table,
)
from deliverydesk.ui.widgets.paper.documents_menu import add_offer_documents

LIST, EDITOR = 0, 1


class OffersPage(QWidget):
    """Signals:
    enrol_requested(int): "Enrol a client…" was chosen in offer `offer_id`'s editor.
    """

    enrol_requested = Signal(int)

    def __init__(
        self,
        workspace: Workspace,
        events: AppEvents,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._events = events
        self.undo_stack = undo_stack
        self._editor: OfferEditor | None = None
        self._folder = Path.home()  # where the last offer file was saved or opened
        self.model = OfferListModel(self)
        self.table = offer_table(self.model)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self._build_actions()
        self.empty = FirstOfferState(self.template_menu)
        self.scratch_button = self.empty.scratch_button
        self.empty_template_button = self.empty.template_button
        self.scratch_button.clicked.connect(self.new_offer)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)

        self.show_archived = QCheckBox(tr("Show &archived"))
        self.show_archived.toggled.connect(self._toggle_archived)
        self.count = QLabel()
        self.notice = QLabel()
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.list_view = list_view = QWidget()
        layout = QVBoxLayout(list_view)
        top = QHBoxLayout()
        title = QLabel(tr("Offers"))
        make_heading(title, 1.5)
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.count)
        layout.addLayout(top)
        layout.addLayout(self._tool_row())
        layout.addWidget(self.notice)
        layout.addWidget(self.list_stack, 1)
        for action in self.list_actions:
            # Live while the list shows (Ctrl+5, then Ctrl+Shift+N), wherever the focus is.
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            list_view.addAction(action)

        self.pages = QStackedWidget()
        self.pages.addWidget(list_view)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self.table.activated.connect(self.open_index)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        self.refresher = Refresher(  # read when first shown, not at start
            self,
            events,
            Aspect.OFFER | Aspect.JOURNEY,
            lambda _changes: self.reload(),
            showing=lambda: self.isVisible() and self.pages.currentWidget() is self.list_view,
            stale=True,
        )

    # -- building ----------------------------------------------------------------------------
    def _build_actions(self) -> None:
        def action(words: str, keys: str, slot: Callable[[], object], tip: str) -> QAction:
            made = QAction(words, self)
            if keys:
                made.setShortcut(QKeySequence(keys))
                shown = made.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                tip = f"{tip} ({shown})"
            made.setToolTip(tip)
            made.triggered.connect(lambda _checked=False: slot())
            return made

        self.open_action = action(tr("Open"), "", self.open_current, tr("Edit the offer (Enter)"))
        self.new_action = action(
            tr("New offer"), "Ctrl+Shift+N", self.new_offer, tr("Design a new offer from scratch")
        )
        self.template_menu = QMenu(tr("New from a template"), self)
        for template in TEMPLATES:
            made = self.template_menu.addAction(template.name)
            made.setToolTip(template.promise)
            made.triggered.connect(lambda _c=False, t=template: self.new_from_template(t))
        self.template_action = action(
            tr("New from a template"),
            "Ctrl+Shift+T",
            self._pop_template_menu,
            tr("Start from one of the built-in offers"),
        )
        self.template_action.setMenu(self.template_menu)
        self.duplicate_action = action(
            tr("Duplicate"), "Ctrl+D", self.duplicate_current, tr("Copy the selected offer")
        )
        self.archive_action = action(
            tr("Archive"),
            "Ctrl+Shift+A",
            self.toggle_archive_current,
            tr("Archive the offer: no new enrolments; clients under way carry on"),
        )
        self.export_action = action(
            tr("Export…"), "Ctrl+Shift+E", self.export_current, tr("Save the offer to a file")
        )
        self.import_action = action(
            tr("Import…"), "Ctrl+Shift+I", self.import_file, tr("Add an offer from a file")
        )
        self.list_actions = (
            self.new_action,
            self.template_action,
            self.duplicate_action,
            self.archive_action,
            self.export_action,
            self.import_action,
        )

    def _tool_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for made in self.list_actions:
            if made is self.template_action:
                button = self.template_button = QPushButton(made.text())
                button.setToolTip(made.toolTip())
                button.setMenu(self.template_menu)
            else:
                button = action_button(made)
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.show_archived)
        return row

    # -- the editor --------------------------------------------------------------------------
    @property
    def editor(self) -> OfferEditor:
        if self._editor is None:
            editor = OfferEditor(self._ws, self._events, self.undo_stack)
            editor.back_requested.connect(self.show_list)
            editor.enrol_requested.connect(self.enrol_requested)
            self.pages.addWidget(editor)
            self._editor = editor
        return self._editor

    def open_offer(self, offer_id: int) -> None:
        editor = self.editor
        self.pages.setCurrentWidget(editor)
        editor.open_offer(offer_id)
        if editor.offer_id == offer_id:
            editor.tabs.currentWidget().setFocus(Qt.FocusReason.OtherFocusReason)

    def editing(self) -> bool:
        return self._editor is not None and self.pages.currentWidget() is self._editor

    def settle_unsaved(self) -> bool:
        """True when the window may close: no unsaved design, or the person saved or
        discarded it (asked)."""
        return self._editor is None or self._editor.settle_unsaved()

    def show_list(self) -> None:
        selected = self._editor.offer_id if self._editor else None
        self.pages.setCurrentWidget(self.list_view)
        self.refresher.catch_up()
        if selected is not None:
            self.select_offer(selected)
        self.table.setFocus()

    # -- reading -----------------------------------------------------------------------------
    def reload(self) -> None:
        current = self.current_row()
        self.refresher.settle()
        self.model.set_rows(self._ws.offers.offer_list())
        if current is not None:
            self.select_offer(current.id)
        if self.table.currentIndex().row() < 0 and self.model.rowCount():
            self.table.selectRow(0)
        self._update_visibility()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # the refresher caught up before
        if self._editor is None:
            # Built while the person reads the list, so the first opening is as quick as
            # the next ones; never at the window's start.
            QTimer.singleShot(0, self, lambda: self.editor)

    def _update_visibility(self) -> None:
        total, archived = self.model.total, self.model.archived_count
        self.list_stack.setCurrentWidget(self.table if total else self.empty)
        if not total:
            self.count.setText("")
        elif archived and not self.model.show_archived:
            self.count.setText(
                tr("{n} offers, {a} archived (hidden)").format(n=total, a=archived)
                if total != 1
                else tr("1 offer, archived (hidden)")
            )
        else:
            self.count.setText(tr("1 offer") if total == 1 else tr("{n} offers").format(n=total))
        self._update_actions()

    def current_row(self) -> OfferListRow | None:
        row = self.table.currentIndex().row()
        return self.model.row_at(row) if 0 <= row < self.model.rowCount() else None

    def select_offer(self, offer_id: int) -> bool:
        row = self.model.row_of(offer_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, NAME))
        return True

    def _update_actions(self) -> None:
        row = self.current_row()
        for made in (self.duplicate_action, self.archive_action, self.export_action):
            made.setEnabled(row is not None)
        self.open_action.setEnabled(row is not None)
        archived = row is not None and row.archived
        self.archive_action.setText(tr("Bring back") if archived else tr("Archive"))

    def _toggle_archived(self, shown: bool) -> None:
        current = self.current_row()
        self.model.set_show_archived(shown)
        kept = current is not None and self.select_offer(current.id)
        if not kept and self.model.rowCount():
            self.table.selectRow(0)
        self._update_visibility()

    def _context_menu(self, at: QPoint) -> None:
        index = self.table.indexAt(at)
        if index.isValid():
            self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addSeparator()
        for made in self.list_actions:
            menu.addAction(made)
        if (row := self.current_row()) is not None:
            menu.addSeparator()  # the offer's paper, as templates
            add_offer_documents(menu, self, self._ws, row.id, self._events)
        menu.popup(self.table.viewport().mapToGlobal(at))

    def _pop_template_menu(self) -> None:
        button = self.template_button if self.list_stack.currentWidget() is self.table else None
        anchor = button or self.empty_template_button
        self.template_menu.popup(anchor.mapToGlobal(QPoint(0, anchor.height())))

    # -- actions -----------------------------------------------------------------------------
    def open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_offer(self.model.row_at(index.row()).id)

    def open_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.open_offer(row.id)

    def _create(
        self, words: str, create: Callable[[], Result[int]], refused: str, open_it: bool = False
    ) -> int | None:
        command = CreateOfferCommand(self._ws, self._events, words, create)
        self.undo_stack.push(command)
        if command.error is not None or command.offer_id is None:
            self._warn(refused, command.error or InvalidInput(RefusalCode.NOTHING_MADE))
            return None
        offer_id = command.offer_id
        self.reload()
        self.select_offer(offer_id)
        if open_it:
            self.open_offer(offer_id)
            self.editor.start_naming()
        return offer_id

    def new_offer(self) -> int | None:
        return self._create(
            tr("New offer"),
            self._ws.offers.create_blank_offer,
            tr("No offer was made"),
            open_it=True,
        )

    def new_from_template(self, template: OfferTemplate) -> int | None:
        return self._create(
            tr("New offer from '{name}'").format(name=template.name),
            lambda: self._ws.offers.add_offer(template.spec),
            tr("No offer was made"),
            open_it=True,  # into the designer, as a new offer from scratch
        )

    def duplicate_current(self) -> int | None:
        row = self.current_row()
        if row is None:
            return None
        offer_id = row.id
        return self._create(
            tr("Duplicate '{name}'").format(name=row.name),
            lambda: self._ws.offers.duplicate_offer(offer_id),
            tr("The offer was not copied"),
        )

    def toggle_archive_current(self) -> None:
        row = self.current_row()
        if row is None:
            return
        archive = not row.archived
        words = (tr("Archive '{name}'") if archive else tr("Bring back '{name}'")).format(
            name=row.name
        )
        at = self.table.currentIndex().row()
        command = ArchiveOfferCommand(self._ws, self._events, words, row.id, archive)
        self.undo_stack.push(command)
        if command.error is not None:
            self._warn(tr("Nothing changed"), command.error)
            return
        self.reload()
        if not self.select_offer(row.id) and self.model.rowCount():
            self.table.selectRow(min(at, self.model.rowCount() - 1))

    def export_current(self) -> Path | None:
        row = self.current_row()
        if row is None:
            return None
        chosen, _filter = QFileDialog.getSaveFileName(
            self, tr("Export offer"), str(self._folder / file_name_for(row.name)), tr(FILE_FILTER)
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".json":
            path = path.with_name(path.name + ".json")
        try:
            written = self._ws.offers.export_offer(row.id, path)
        except Exception as error:  # a refusal as written, anything else in plain words
            self._warn(tr("The offer was not exported"), told(error, self._ws.folder, "Export"))
            return None
        self._folder = written.parent
        self._tell(tr("Saved '{name}' to {path}").format(name=row.name, path=written))
        return written

    def import_file(self) -> int | None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, tr("Import an offer"), str(self._folder), tr(FILE_FILTER)
        )
        if not chosen:
            return None
        path = Path(chosen)
        self._folder = path.parent
        offer_id = self._create(
            tr("Import '{file}'").format(file=path.name),
            lambda: self._ws.offers.import_offer(path),
            tr("This file cannot be imported"),
        )
        if offer_id is not None:
            row = self.model.find(offer_id)
            self._tell(tr("Imported '{name}'").format(name=row.name if row else path.name))
        return offer_id

    def _tell(self, words: str) -> None:
        self.notice.setText(words)
        self.notice.show()

    def _warn(self, title: str, error: Exception) -> None:
        warn(self, title, error)
