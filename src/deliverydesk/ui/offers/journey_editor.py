"""Phases and steps in one editor: the tree on the left, the selected item's fields on the
right. Add, rename, reorder (drag and drop, or Ctrl+Up/Down) and delete are draft edits,
each one undoable step."""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.model.rules.offer_design import PhaseSpec, StepSpec
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.offers import draft_edits as edits
from deliverydesk.ui.offers.draft_edits import Path
from deliverydesk.ui.offers.journey_tree_model import (
    DAYS,
    EFFORT,
    KIND,
    OWNER,
    TITLE,
    JourneyTreeModel,
)
from deliverydesk.ui.offers.list_actions import list_action, tool_row
from deliverydesk.ui.offers.offer_draft import OfferDraft
from deliverydesk.ui.offers.step_form import PhaseForm, Preview, StepForm

NOTHING, PHASE, STEP = range(3)


class _RoomyRows(QStyledItemDelegate):
    """Rows a little taller than the text, easier to hit and to drag."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        size.setHeight(max(size.height(), int(option.fontMetrics.height() * 1.75)))
        return size


class JourneyEditor(QWidget):
    """Signals:
    focus_requested(): the editor wants its tab shown (a problem was picked elsewhere).
    """

    focus_requested = Signal()

    def __init__(self, draft: OfferDraft, preview: Preview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.model = JourneyTreeModel(draft, self)
        self.tree = self._build_tree()
        self.phase_form = PhaseForm()
        self.step_form = StepForm(preview)
        self.hint = QLabel(
            tr(
                "Select a phase or a step to edit it. Add phases from onboarding to "
                "offboarding, each with the steps a client goes through."
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.forms = QStackedWidget()
        for widget in (self.hint, self.phase_form, self.step_form):
            self.forms.addWidget(widget)
        side = QScrollArea()
        side.setWidgetResizable(True)
        side.setFrameShape(QScrollArea.Shape.NoFrame)
        side.setWidget(self.forms)
        side.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 22)
        self.side = side

        self._build_actions()
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        # The buttons are the list's context menu, in the same order.
        column.addLayout(tool_row(self.tree.actions()))
        column.addWidget(self.tree, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(side)
        # The titles are what a person reads: the tree takes two thirds, the form the rest.
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.setFocusProxy(self.tree)  # opening the tab lands in the tree
        self._generation = 0  # a new selection starts a new undo step for typing
        draft.selection = self.current_path
        draft.changed.connect(self.follow_draft)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._selection_moved())
        self.phase_form.edited.connect(self._phase_edited)
        self.step_form.edited.connect(self._step_edited)

    def _build_tree(self) -> QTreeView:
        tree = QTreeView()
        tree.setModel(self.model)
        tree.setItemDelegate(_RoomyRows(tree))
        tree.setAccessibleName(tr("Phases and steps"))
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        tree.setDropIndicatorShown(True)
        tree.setUniformRowHeights(True)
        tree.setAllColumnsShowFocus(True)
        tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        tree.setAlternatingRowColors(True)
        header = tree.header()
        header.setAccessibleName(tr("Phase and step columns"))
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        em = self.fontMetrics().horizontalAdvance("M")
        # The short columns as wide as their words ("Third party", "1 h 15 min"), read
        # whole; the titles take the rest (an offer has dozens of steps: cheap to measure).
        for column in (KIND, OWNER, DAYS, EFFORT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(em * 3)
        return tree

    def _build_actions(self) -> None:
        self.add_phase_action = list_action(
            self, tr("Add phase"), "Ctrl+Shift+P", self.add_phase, tr("Add a phase after this one")
        )
        self.add_step_action = list_action(
            self, tr("Add step"), "Ctrl+Shift+N", self.add_step, tr("Add a step after this one")
        )
        self.move_up_action = list_action(
            self, tr("Move up"), "Ctrl+Up", lambda: self.nudge(-1), tr("Move the selection up")
        )
        self.move_down_action = list_action(
            self, tr("Move down"), "Ctrl+Down", lambda: self.nudge(1), tr("Move the selection down")
        )
        self.delete_action = list_action(
            self, tr("Delete"), "Delete", self.delete_selected, tr("Delete the phase or step")
        )
        for made in (self.add_phase_action, self.add_step_action):
            made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(made)
        # Moving and deleting act on the tree's selection, so only while the tree has focus
        # (in a text field, Delete and Ctrl+Up/Down keep their usual meaning).
        for made in (self.move_up_action, self.move_down_action, self.delete_action):
            made.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.tree.addAction(made)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.tree.insertActions(self.move_up_action, [self.add_phase_action, self.add_step_action])

    # -- selection ---------------------------------------------------------------------------
    def current_path(self) -> Path | None:
        return self.model.path_of(self.tree.currentIndex())

    def select(self, path: Path | None) -> None:
        index = self.model.index_of(path)
        if not index.isValid():
            self.tree.setCurrentIndex(index)
            self._show_forms()
            return
        if index.parent().isValid():
            self.tree.expand(index.parent())
        self.tree.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.tree.scrollTo(index)

    def focus_item(self, path: Path, field: str = "") -> None:
        """Select an item and put the cursor in one of its fields (or the tree)."""
        self.focus_requested.emit()
        self.select(path)
        form = self.phase_form if len(path) == 1 else self.step_form
        if not (field and form.focus_field(field)):
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def _selection_moved(self) -> None:
        self._generation += 1
        self._show_forms()
        self.side.verticalScrollBar().setValue(0)  # a new item's form starts at its top

    def follow_draft(self, select: Path | None) -> None:
        """The draft changed: show it, keeping or moving the selection."""
        before = self.current_path()
        rebuilt = self.model.follow()
        if rebuilt:
            self.tree.expandAll()
        if select is not None:
            self.select(select)
        elif rebuilt:
            self.select(_nearest(self.model, before))
        self._show_forms()
        self._update_actions()

    def _show_forms(self) -> None:
        path = self.current_path()
        item = edits.item_at(self.model.spec, path or ())
        problems = self.model.problems_at(path) if path else []
        if isinstance(item, PhaseSpec):
            self.phase_form.show_phase(item, problems)
            self.forms.setCurrentIndex(PHASE)
        elif isinstance(item, StepSpec) and path is not None:
            phase = self.model.spec.phases[path[0]]
            self.step_form.currency = self.model.spec.currency  # the amount's units
            self.step_form.show_step(item, phase.name, problems)
            self.forms.setCurrentIndex(STEP)
        else:
            self.forms.setCurrentIndex(NOTHING)
        self._update_actions()

    def _update_actions(self) -> None:
        path = self.current_path()
        spec = self.model.spec
        self.add_step_action.setEnabled(bool(spec.phases))
        self.delete_action.setEnabled(path is not None)
        self.move_up_action.setEnabled(path is not None and edits.nudge(spec, path, -1) is not None)
        self.move_down_action.setEnabled(
            path is not None and edits.nudge(spec, path, 1) is not None
        )

    # -- edits -------------------------------------------------------------------------------
    def add_phase(self) -> None:
        spec, path = edits.add_phase(self.draft.spec, tr("New phase"), self.current_path())
        self.draft.edit(spec, tr("Add phase"), select=path)
        self._start_naming("name")

    def add_step(self) -> None:
        made = edits.add_step(self.draft.spec, tr("New step"), self.current_path())
        if made is None:
            return
        spec, path = made
        self.draft.edit(spec, tr("Add step"), select=path)
        self._start_naming("title")

    def _start_naming(self, field: str) -> None:
        """A new item's name is selected in its form, ready to be typed over."""
        form = self.phase_form if field == "name" else self.step_form
        form.focus_field(field)
        widget = form.fields[field]
        select_all = getattr(widget, "selectAll", None)
        if select_all is not None:
            select_all()

    def nudge(self, delta: int) -> None:
        path = self.current_path()
        moved = edits.nudge(self.draft.spec, path, delta) if path else None
        if moved is None:
            return
        spec, target = moved
        what = tr("Move phase") if len(target) == 1 else tr("Move step")
        self.draft.edit(spec, what, select=target)

    def delete_selected(self) -> None:
        path = self.current_path()
        if path is None:
            return
        phase = self.draft.spec.phases[path[0]] if len(path) == 1 else None
        if phase is not None and phase.steps and not self.confirm_delete_phase(phase):
            return
        spec, near = edits.remove(self.draft.spec, path)
        what = tr("Delete phase") if len(path) == 1 else tr("Delete step")
        self.draft.edit(spec, what, select=near if near is not None else ())

    def confirm_delete_phase(self, phase: PhaseSpec) -> bool:
        """A phase with steps goes only when the person says so (its steps go with it)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("Delete phase"))
        box.setTextFormat(Qt.TextFormat.PlainText)  # the phase's name as typed
        box.setText(
            tr("Delete the phase '{name}' and the steps in it ({count})?").format(
                name=phase.name, count=len(phase.steps)
            )
        )
        box.setInformativeText(tr("Ctrl+Z in the editor brings it back until you save."))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(tr("Delete phase"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _phase_edited(self, field: str, value: object) -> None:
        path = self.current_path()
        if path is None or len(path) != 1:
            return
        spec = edits.update_phase(self.draft.spec, path[0], **{field: value})
        merge = ("phase", path, field, self._generation)
        self.draft.edit(spec, tr("Edit phase"), select=path, merge=merge)

    def _step_edited(self, field: str, value: object) -> None:
        path = self.current_path()
        if path is None or len(path) != 2:
            return
        spec = edits.update_step(self.draft.spec, path, **{field: value})
        merge = ("step", path, field, self._generation)
        self.draft.edit(spec, tr("Edit step"), select=path, merge=merge)


def _nearest(model: JourneyTreeModel, path: Path | None) -> Path | None:
    """The item now at `path`, or the closest one still there."""
    if not path or not model.spec.phases:
        return None
    p = min(path[0], len(model.spec.phases) - 1)
    if len(path) == 1:
        return (p,)
    steps = model.spec.phases[p].steps
    return (p, min(path[1], len(steps) - 1)) if steps else (p,)
