"""The Board: every active client as a card in their offer's current phase."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.model.clock import Clock
from deliverydesk.model.enums import JourneyStatus
from deliverydesk.services.changes import ROW_ASPECTS, Aspect, Changes
from deliverydesk.services.rows import JourneyRow, OfferSummary
from deliverydesk.services.startup import FirstBoard
from deliverydesk.ui.board.board_index import BoardFilter, BoardIndex, Column, Quick, SortBy
from deliverydesk.ui.board.card_model import JOURNEY_ID_ROLE
from deliverydesk.ui.board.column_view import ColumnWidget, LaneWidget
from deliverydesk.ui.empty_state import EmptyState
from deliverydesk.ui.events import AppEvents
from deliverydesk.ui.icons import icon
from deliverydesk.ui.journey_words import skipped_lines
from deliverydesk.ui.text import literal_rich_text, tr
from deliverydesk.ui.typography import make_heading

if TYPE_CHECKING:
    from deliverydesk.services.workspace import Workspace

# SQLAlchemy comes in with the workspace: a start paints the board from a plain-sqlite3
# snapshot before it is loaded (services/startup.py), then `attach` hands the workspace in.

ALL_OFFERS = -1
LANE_CARDS = 3  # cards visible per column before it scrolls, with every offer stacked


def _quick_labels() -> dict[Quick, str]:
    return {
        Quick.OVERDUE: tr("Overdue"),
        Quick.WAITING_ON_CLIENT: tr("Waiting on client"),
        Quick.AT_RISK: tr("At risk"),
        Quick.FEEDBACK_DUE: tr("Feedback due"),
    }


class BoardPage(QWidget):
    """Signals:
    open_journey(int): the person asked to open this journey's client page.
    """

    open_journey = Signal(int)

    def __init__(
        self,
        workspace: Workspace | None,
        events: AppEvents,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        first: FirstBoard | None = None,
        clock: Clock | None = None,
    ) -> None:
        """Either `workspace`, or `first` (a snapshot to paint at once) and `clock` until
        the workspace is attached."""
        super().__init__(parent)
        self._ws = workspace
        self._first = first
        self._clock = workspace.clock if workspace is not None else clock
        assert self._clock is not None
        self._events = events
        self.undo_stack = undo_stack
        self.index = BoardIndex(skipped=self._skipped_lines)
        self.filter = BoardFilter()
        self.offers: list[OfferSummary] = []
        self.columns: dict[Column, ColumnWidget] = {}
        self.lanes: dict[int, LaneWidget] = {}
        self._build_toolbar()
        self.lanes_holder = QWidget()
        self.lanes_layout = QVBoxLayout(self.lanes_holder)
        self.lanes_layout.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.lanes_holder)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.no_offers = EmptyState(
            "offers",
            tr("No offers yet"),
            tr(
                "The board shows each offer's phases as columns and every active client as a "
                "card. Design your first offer in Offers, then enrol a client."
            ),
        )
        self.no_match = QWidget()
        no_match_row = QHBoxLayout(self.no_match)
        self.no_match_label = QLabel()
        clear = QPushButton(tr("Clear filters"))
        clear.clicked.connect(self.clear_filters)
        no_match_row.addWidget(self.no_match_label, 1)
        no_match_row.addWidget(clear)
        self.no_match.hide()
        self.body = QStackedWidget()
        self.body.addWidget(self.scroll)
        self.body.addWidget(self.no_offers)
        self.status = QLabel()
        self.status.setAccessibleName(tr("Board messages"))
        layout = QVBoxLayout(self)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.no_match)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.status)

        # What changed while the board was hidden, read when it shows again.
        self._stale = False
        self._pending: set[int] = set()
        self._debounce = QTimer(self, singleShot=True, interval=80)
        self._debounce.timeout.connect(self.apply_filter)
        events.changed.connect(self.on_changed)
        events.day_changed.connect(self.on_day_changed)
        self.reload()

    def _skipped_lines(self, journey_id: int) -> list[str]:
        return skipped_lines(self._ws.skipped_phases(journey_id)) if self._ws else []

    # -- toolbar -----------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        self.toolbar = QHBoxLayout()
        title = QLabel(tr("Board"))
        make_heading(title, 1.5)
        self.offer_picker = QComboBox()
        self.offer_picker.setAccessibleName(tr("Offer shown"))
        self.offer_picker.currentIndexChanged.connect(lambda _i: self.reload())
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Filter cards…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(tr("Filter cards"))
        find = self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        find.setToolTip(tr("Filter (Ctrl+F)"))
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.quick: dict[Quick, QToolButton] = {}
        self.sort_picker = QComboBox()
        self.sort_picker.setAccessibleName(tr("Sort cards by"))
        for key, label in (
            (SortBy.URGENCY, tr("Most urgent first")),
            (SortBy.NAME, tr("Name")),
            (SortBy.ENTERED, tr("Date entered the phase")),
        ):
            self.sort_picker.addItem(label, key.value)
        self.sort_picker.currentIndexChanged.connect(self._on_sort)
        self.toolbar.addWidget(title)
        self.toolbar.addWidget(self.offer_picker)
        self.toolbar.addWidget(self.search, 1)
        for quick, label in _quick_labels().items():
            button = QToolButton()
            button.setText(label)
            button.setCheckable(True)
            button.setAccessibleName(tr("Show only: {what}").format(what=label))
            button.toggled.connect(lambda _on: self.apply_filter())
            self.quick[quick] = button
            self.toolbar.addWidget(button)
        self.toolbar.addWidget(self.sort_picker)
        self._add_intake_buttons()

    def _add_intake_buttons(self) -> None:
        """Enrol… (its menu: New client…): taking on a client starts from the board too.
        The pickers may shrink below their words, so the toolbar fits a 1024-pixel window."""
        em = self.fontMetrics().horizontalAdvance("M")
        for picker in (self.offer_picker, self.sort_picker):
            picker.setMinimumWidth(em * 9)
        self.enrol_button = QToolButton()
        self.enrol_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        enrol = QAction(tr("Enrol…"), self)
        enrol.setToolTip(tr("Enrol a client in an offer; add a new client from its menu"))
        enrol.triggered.connect(self.enrol)
        self.enrol_button.setDefaultAction(enrol)
        enrol.setIconText(enrol.text())  # a button drops the "…" of its action otherwise
        menu = QMenu(self.enrol_button)
        for words, key, slot in (
            (tr("New client…"), QKeySequence.StandardKey.New, self.new_client),
            (tr("Enrol a client…"), "Ctrl+Shift+J", self.enrol),
        ):
            action = menu.addAction(words, QKeySequence(key), slot)
            # The keys are the File menu's: shown here, live there (one owner, no clash).
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.enrol_button.setMenu(menu)
        self.toolbar.addWidget(self.enrol_button)

    def new_client(self) -> object:
        """The New client dialog, then the wizard; the new card is selected once enrolled."""
        if self._ws is None:
            self.status.setText(tr("Still opening your practice; try again in a moment."))
            return None
        from deliverydesk.ui.enrol.intake import new_client  # brings SQLAlchemy: not at start

        return new_client(
            self, self._ws, self._events, self.undo_stack,
            offer_id=self.selected_offer(), on_enrolled=self.select_journey,
        )  # fmt: skip

    def enrol(self) -> object:
        if self._ws is None:
            self.status.setText(tr("Still opening your practice; try again in a moment."))
            return None
        from deliverydesk.ui.enrol.enrol_wizard import enrol

        return enrol(
            self, self._ws, self._events, self.undo_stack,
            offer_id=self.selected_offer(), on_enrolled=self.select_journey,
        )  # fmt: skip

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def clear_filters(self) -> None:
        for button in self.quick.values():
            button.blockSignals(True)
            button.setChecked(False)
            button.blockSignals(False)
        self.search.clear()
        self.apply_filter()

    def _on_sort(self) -> None:
        self.index.set_sort(SortBy(self.sort_picker.currentData()))
        self._refresh(set(self.columns))

    # -- data --------------------------------------------------------------------------------
    def selected_offer(self) -> int | None:
        data = self.offer_picker.currentData()
        return None if data in (None, ALL_OFFERS) else int(data)

    def reload(self) -> None:
        """Read offers and cards afresh and rebuild the lanes (offers or the view changed)."""
        self.offers = self._read_offers()
        self._fill_offer_picker()
        offer_id = self.selected_offer()
        shown = [o for o in self.offers if offer_id is None or o.id == offer_id]
        self.index.phase_counts = {o.id: len(o.phase_names) for o in self.offers}
        self.index.load(self._read_rows(offer_id))
        self._build_lanes(shown)
        self.body.setCurrentWidget(self.scroll if self.offers else self.no_offers)
        self._refresh(set(self.columns))

    def _read_offers(self) -> list[OfferSummary]:
        if self._ws is None:
            return self._first.offers if self._first else []
        return self._ws.offer_summaries()

    def _read_rows(self, offer_id: int | None) -> list[JourneyRow]:
        if self._ws is None:
            rows = self._first.rows if self._first else []
            return [r for r in rows if offer_id is None or r.offer_id == offer_id]
        return self._ws.board_rows(offer_id)

    def attach(self, workspace: Workspace) -> None:
        """The workspace is open: from now on the board reads and writes through it."""
        self._ws, self._first = workspace, None

    def _fill_offer_picker(self) -> None:
        current = self.offer_picker.currentData()
        self.offer_picker.blockSignals(True)
        self.offer_picker.clear()
        self.offer_picker.addItem(tr("All offers"), ALL_OFFERS)
        for offer in self.offers:
            self.offer_picker.addItem(offer.name, offer.id)
        found = self.offer_picker.findData(current if current is not None else ALL_OFFERS)
        self.offer_picker.setCurrentIndex(max(found, 0))
        self.offer_picker.blockSignals(False)

    def _build_lanes(self, offers: list[OfferSummary]) -> None:
        while self.lanes_layout.count():
            item = self.lanes_layout.takeAt(0)
            if (old := item.widget()) is not None:
                old.hide()  # deleteLater waits for the event loop; gone from view now
                old.deleteLater()
        self.columns, self.lanes = {}, {}
        stacked = len(offers) > 1
        em = self.fontMetrics().height()
        for offer in offers:
            lane = LaneWidget(offer.name)
            lane.toggle.setVisible(stacked)
            for position, name in enumerate(offer.phase_names):
                column = ColumnWidget(
                    self.index, (offer.id, position), name, self._clock.today, self.request_move
                )
                column.view.activated.connect(self._open_index)
                column.view.installEventFilter(self)
                if stacked:
                    column.view.setFixedHeight(int(em * 6.9 * LANE_CARDS + em))
                lane.columns_row.addWidget(column, 1)
                self.columns[(offer.id, position)] = column
            self.lanes[offer.id] = lane
            self.lanes_layout.addWidget(lane, 0 if stacked else 1)
        if stacked:
            self.lanes_layout.addStretch(1)

    def on_changed(self, changes: Changes) -> None:
        """Refresh the cards a change touched; while hidden, only remember which."""
        if self._ws is None:
            return
        if changes.touches(Aspect.PRACTICE) or (changes.offers and changes.touches(Aspect.OFFER)):
            self._stale = True
        elif changes.journeys and changes.touches(ROW_ASPECTS):
            self._pending |= changes.journeys
        else:
            return
        if self.isVisible():
            self._catch_up()

    def showEvent(self, event: QShowEvent) -> None:
        self._catch_up()
        super().showEvent(event)

    def _catch_up(self) -> None:
        if self._stale:
            self._stale, self._pending = False, set()
            self.reload()
        elif self._pending and self._ws is not None:
            ids, self._pending = self._pending, set()
            fresh = [
                row
                for row in self._ws.rows_for_journeys(ids)
                if row.status is JourneyStatus.ACTIVE
                and self.selected_offer() in (None, row.offer_id)
            ]
            touched = self.index.update(fresh, ids)
            self._refresh(touched & set(self.columns))

    def on_day_changed(self, _today: object = None) -> None:
        """Another day: health, "late" and due words change though no data did."""
        if self._ws is None:
            return
        self.index.load(self._read_rows(self.selected_offer()))
        self._refresh(set(self.columns))
        for widget in self.columns.values():
            widget.view.viewport().update()  # the same cards may read differently now

    def apply_filter(self) -> None:
        self._debounce.stop()
        previous = self.filter
        self.filter = BoardFilter(
            self.search.text(), frozenset(q for q, b in self.quick.items() if b.isChecked())
        )
        old, new = previous.text.strip().casefold(), self.filter.text.strip().casefold()
        narrowing = new.startswith(old) and previous.quick <= self.filter.quick
        self._refresh(set(self.columns), narrowing=narrowing)

    def _refresh(self, columns: set[Column], narrowing: bool = False) -> None:
        """Show the filtered cards of `columns` and update every header count."""
        for column in columns:
            widget = self.columns[column]
            keep = self._current_journey(widget)
            within = widget.model.journey_ids() if narrowing else None
            widget.model.set_ids(self.index.visible(column, self.filter, within))
            if keep is not None and (row := widget.model.row_of(keep)) >= 0:
                widget.view.select_row(row)
        counts = {offer_id: [0, 0] for offer_id in self.lanes}  # shown, total per lane
        for column, widget in self.columns.items():
            shown, total = widget.model.shown, widget.model.total
            widget.set_header(shown, total, self.index.over_plan(column))
            counts[column[0]][0] += shown
            counts[column[0]][1] += total
        for offer_id, lane in self.lanes.items():
            lane.set_count(*counts[offer_id])
            lane.notice.setVisible(counts[offer_id][1] == 0)
        shown_total = sum(shown for shown, _total in counts.values())
        filtering = self.filter.active and bool(self.index.cards)
        self.no_match.setVisible(filtering and shown_total == 0)
        if filtering and shown_total == 0:
            self.no_match_label.setText(tr("No card matches these filters."))

    # -- moving cards ------------------------------------------------------------------------
    def request_move(self, journey_id: int, position: int) -> bool:
        """Move a card to another phase of its offer, asking first past an open checkpoint."""
        card = self.index.cards.get(journey_id)
        if card is None or position < 0 or position >= card.phase_count:
            return False
        if self._ws is None:
            self.status.setText(tr("Still opening your practice; try again in a moment."))
            return False
        from deliverydesk.services.errors import CheckpointBlocked
        from deliverydesk.ui.undo_commands import MoveJourneyCommand

        def move(override: bool) -> MoveJourneyCommand:
            assert self._ws is not None
            command = MoveJourneyCommand(
                self._ws,
                self._events,
                journey_id,
                position,
                override=override,
                text=tr("Move {name}").format(name=card.name),
            )
            self.undo_stack.push(command)
            return command

        # The service checks the checkpoints as it moves; only a refusal asks the person.
        command = move(override=False)
        if isinstance(command.error, CheckpointBlocked):
            if not self.confirm_override(card.name, card.phase_name, command.error.checkpoints):
                self.status.setText(
                    tr("{name} stays in {phase}: the checkpoint is not done.").format(
                        name=card.name, phase=card.phase_name
                    )
                )
                return False
            command = move(override=True)
        if command.error is not None:
            QMessageBox.warning(
                self, tr("Could not move the card"), literal_rich_text([str(command.error)])
            )
            return False
        self.status.setText("")
        self.select_journey(journey_id)
        return True

    def confirm_override(self, name: str, phase: str, checkpoints: list[str]) -> bool:
        answer = QMessageBox.question(
            self,
            tr("Checkpoint not done"),
            literal_rich_text(  # names and titles are the person's text, never markup
                [
                    tr("{name} cannot leave “{phase}” yet: {checkpoints} is not done.").format(
                        name=name, phase=phase, checkpoints=", ".join(f"“{c}”" for c in checkpoints)
                    ),
                    tr("Move anyway? The override is recorded in the activity log."),
                ]
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    # -- selection and keyboard --------------------------------------------------------------
    def select_journey(self, journey_id: int) -> None:
        column = self.index.column_of(journey_id)
        widget = self.columns.get(column) if column else None
        if widget is None:
            return
        row = widget.model.row_of(journey_id)
        if row >= 0:
            widget.view.setFocus()
            widget.view.select_row(row)

    def _current_journey(self, widget: ColumnWidget) -> int | None:
        current = widget.view.currentIndex()
        return current.data(JOURNEY_ID_ROLE) if current.isValid() else None

    def _open_index(self, index: object) -> None:
        journey_id = index.data(JOURNEY_ID_ROLE)  # type: ignore[attr-defined]
        if journey_id is not None:
            self.open_journey.emit(journey_id)

    def _neighbour(self, widget: ColumnWidget, step: int) -> ColumnWidget | None:
        offer_id, position = widget.model.column
        return self.columns.get((offer_id, position + step))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            widget = next((w for w in self.columns.values() if w.view is watched), None)
            if widget is not None and self._key(widget, event):
                return True
        return super().eventFilter(watched, event)

    def _key(self, widget: ColumnWidget, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers()
        sideways = {Qt.Key.Key_Right: 1, Qt.Key.Key_Left: -1}.get(Qt.Key(key))
        move_mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        if sideways and mods == move_mods:
            journey_id = self._current_journey(widget)
            if journey_id is not None:
                self.request_move(journey_id, widget.model.position + sideways)
            return True
        if sideways and mods == Qt.KeyboardModifier.NoModifier:
            target = self._neighbour(widget, sideways)
            if target is not None and target.model.rowCount():
                row = min(max(widget.view.currentIndex().row(), 0), target.model.rowCount() - 1)
                target.view.setFocus()
                target.view.select_row(row)
            return True
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.status.setText(
                tr(
                    "Cards are never deleted from the board; a client's journey ends from "
                    "their page."
                )
            )
            return True
        return False
