"""Settings → Brand: what the client's paper carries, with a sample page beside the form
that follows every edit. Save applies the whole brand as one undoable change; Discard
changes puts the form back as stored.

Read when first shown (the fonts and the sample need reportlab, which the window does not
load at start), and again after a change made elsewhere.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.reports.data import Brand
from deliverydesk.services.changes import Aspect
from deliverydesk.services.errors import NotFound
from deliverydesk.services.practice.brand import computer_page_size, font_families
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.failures import in_words
from deliverydesk.ui.core.refresh import Refresher
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.look.typography import make_heading
from deliverydesk.ui.settings.brand_command import UpdateBrandCommand
from deliverydesk.ui.settings.brand_form import BrandForm
from deliverydesk.ui.settings.brand_preview import BrandPreview
from deliverydesk.ui.widgets.field_problem import ProblemLabel


def _native(key: QKeySequence.StandardKey) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def merged(before: Brand, after: Brand, mine: Brand) -> Brand:
    """The form after a change made elsewhere (`before` → `after`) while the person was
    editing (`mine`): what they edited stays, what they did not follows the change."""
    return dataclasses.replace(
        mine,
        **{
            f.name: getattr(after, f.name)
            for f in dataclasses.fields(Brand)
            if getattr(mine, f.name) == getattr(before, f.name)
        },
    )


class BrandPanel(QWidget):
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
        self.stored: Brand | None = None
        self._saving = False

        self.form = BrandForm(workspace)
        self.form.edited.connect(self._on_edit)
        self.form.submitted.connect(self.save)
        self.save_button = QPushButton(tr("&Save"))
        self.save_button.setDefault(True)
        self.save_button.setToolTip(
            tr("Save the brand ({keys})").format(keys=_native(QKeySequence.StandardKey.Save))
        )
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(tr("&Discard changes"))
        self.revert_button.setToolTip(tr("Put the brand back as it was last saved"))
        self.revert_button.clicked.connect(self.revert)
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.Save),
            self,
            self.save,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.problem = ProblemLabel()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(tr("Brand messages"))
        # Its line is kept while empty: "Saved." appearing shrank the form above and cut
        # the field just typed in (the signature, at the bottom) in half.
        self.status.setMinimumHeight(self.status.fontMetrics().lineSpacing())
        self.preview = BrandPreview(workspace)

        self.scroller = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(scroll, 1)
        left.addLayout(buttons)
        left.addWidget(self.problem)
        left.addWidget(self.status)
        heading = QLabel(tr("Preview"))
        make_heading(heading, 1.0)
        right = QVBoxLayout()
        right.addWidget(heading)
        right.addWidget(self.preview, 1)
        em = self.fontMetrics().height()
        self.form.setMinimumWidth(em * 22)
        row = QHBoxLayout(self)
        row.setSpacing(em)
        row.addLayout(left, 3)
        row.addLayout(right, 2)
        self.setFocusProxy(self.form.lines["name"])

        # The brand, and the practice's name it shares with Settings → Practice; its own
        # save is already shown.
        self.refresher = Refresher(
            self,
            events,
            Aspect.PRACTICE | Aspect.BRAND,
            lambda _changes: self.reload(keep_status=True),
            concerns=lambda _changes: not self._saving,
            on_show=lambda _changes: self.reload(),
            stale=True,
        )
        self._update_buttons()

    # -- showing -----------------------------------------------------------------------------
    def reload(self, keep_status: bool = False) -> None:
        """Read the brand; edits in progress are kept (a change made elsewhere fills only
        the fields the person has not touched)."""
        self.refresher.settle()
        before, mine = self.stored, self.form.values() if self.dirty else None
        try:
            self.stored = self._ws.practice.brand_settings()
        except NotFound as error:
            self.stored = None
            self.status.setText(in_words(error))
            self.form.setEnabled(False)
            self._update_buttons()
            return
        self.form.setEnabled(True)
        shown = merged(before, self.stored, mine) if before and mine else self.stored
        self.form.load(shown, font_families(), computer_page_size())
        if shown != self.stored:
            self.form.check()
        self.problem.clear()
        if not keep_status:
            self.status.clear()
        self._update_buttons()
        self.preview.show_settings(shown, at_once=True)

    @property
    def dirty(self) -> bool:
        return self.stored is not None and self.form.values() != self.stored

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self.dirty)
        self.revert_button.setEnabled(self.dirty)

    def _on_edit(self) -> None:
        self._update_buttons()
        self.status.clear()
        self.preview.show_settings(self.form.values())

    # -- saving ------------------------------------------------------------------------------
    def save(self) -> bool:
        """Check, then save the brand as one undoable change. True when saved."""
        if not self.dirty:
            return False
        self.problem.clear()
        if not self.form.check(focus=True):
            return False
        field = self.form.focusWidget()  # the field typed in last, kept in view
        command = UpdateBrandCommand(self._ws, self._events, self.form.values())
        self._saving = True
        try:
            self.undo_stack.push(command)
        finally:
            self._saving = False
        if command.error is not None:
            self.problem.say(in_words(command.error))
            return False
        self.stored = None  # what was saved is now what is stored: read it back
        self.reload()
        keys = _native(QKeySequence.StandardKey.Undo)
        self.status.setText(tr("Saved. Undo with {keys}.").format(keys=keys))
        self._keep_in_view(field)
        return True

    def _keep_in_view(self, widget: QWidget | None) -> None:
        """The field the person was in stays whole in view after the save: the window's
        message bar ("Saved the brand · Undo") takes room from the form, which cut the
        field at its bottom, the signature, in half."""
        if widget is None:
            return
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # the bar's room
        self.scroller.ensureWidgetVisible(widget)

    def revert(self) -> None:
        """Put the form back as stored (an imported logo not saved stays unused)."""
        if self.stored is None:
            return
        self.form.load(self.stored, font_families(), computer_page_size())
        self.problem.clear()
        self.status.clear()
        self._update_buttons()
        self.preview.show_settings(self.stored, at_once=True)
        self.form.lines["name"].setFocus(Qt.FocusReason.OtherFocusReason)
