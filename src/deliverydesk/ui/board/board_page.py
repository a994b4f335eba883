"""The Board: every active client as a card in their offer's current phase; a paused
one stays in its phase, dimmed (the Paused quick filter shows only them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QMenu,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.model.rules.clock import Clock
from deliverydesk.model.rules.enums import JourneyStatus
from deliverydesk.services.changes import ROW_ASPECTS, Aspect, Changes
from deliverydesk.services.errors import CheckpointBlocked, NotFound
from deliverydesk.services.startup import FirstBoard
from deliverydesk.services.views.rows import JourneyRow, OfferSummary
from deliverydesk.ui.board.board_index import BoardFilter, BoardIndex, Column, SortBy
from deliverydesk.ui.board.board_keys import BoardKeys
from deliverydesk.ui.board.board_toolbar import BoardToolbar
from deliverydesk.ui.board.card_model import JOURNEY_ID_ROLE
from deliverydesk.ui.board.checkpoint_dialog import ask_move_anyway, checkpoint_dialog
from deliverydesk.ui.board.column_view import ColumnWidget, LaneWidget
from deliverydesk.ui.core.events import AppEvents, EnrolRequest
from deliverydesk.ui.core.failures import in_words
from deliverydesk.ui.core.item_values import current_enum
from deliverydesk.ui.core.journey_words import skipped_lines
from deliverydesk.ui.core.refresh import Refresher
from deliverydesk.ui.core.text import literal_rich_text, tr
from deliverydesk.ui.widgets.empty_state import EmptyState

if TYPE_CHECKING:
    from deliverydesk.services.workspace import Workspace

# SQLAlchemy comes in with the workspace: a start paints the board from a plain-sqlite3
# snapshot before it is loaded (services/views/startup.py), then `attach` hands the workspace in.

ALL_OFFERS = -1
# What the board shows: its cards, their offers' phases, and due dates the practice moves.
BOARD_ASPECTS = ROW_ASPECTS | Aspect.PRACTICE


class BoardPage(QWidget):
    """Signals:
    open_journey(int): the person asked to open this journey's client page.
    said(str): something to tell the person (a move refused, a card cannot be deleted).
    view_changed(): the offer shown, the sort or a quick filter changed (worth remembering).
    """

    open_journey = Signal(int)
    said = Signal(str)
    view_changed = Signal()

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
        chosen = workspace.clock if workspace is not None else clock
        assert chosen is not None
        self._clock: Clock = chosen
        self._events = events
        self.undo_stack = undo_stack
        self.index = BoardIndex(skipped=self._skipped_lines)
        self.filter = BoardFilter()
        self.offers: list[OfferSummary] = []
        self.columns: dict[Column, ColumnWidget] = {}
        self.lanes: dict[int, LaneWidget] = {}
        self.last_message = ""
        self._selected: int | None = None  # the one card selected on the whole board
        self._build_toolbar()
        self.lanes_holder = QWidget()
        self.lanes_layout = QVBoxLayout(self.lanes_holder)
        self.lanes_layout.setContentsMargins(0, 0, 0, 0)
        em = self.fontMetrics().height()
        self.lanes_layout.setSpacing(em // 4)
        self.lanes_scroll = QScrollArea()
        self.lanes_scroll.setWidgetResizable(True)
        self.lanes_scroll.setWidget(self.lanes_holder)
        self.lanes_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Made the first time there is no offer / nothing matches (~10 ms a start skips).
        self.no_offers: EmptyState | None = None
        self.no_match: EmptyState | None = None
        self.body = QStackedWidget()
        self.body.addWidget(self.lanes_scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(em // 2, em // 3, em // 2, 0)  # the status bar is below
        layout.setSpacing(em // 4)  # every pixel to the lanes (an overdue banner sits above)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.body, 1)

        self._debounce = QTimer(self, singleShot=True, interval=80)
        self._debounce.timeout.connect(self.apply_filter)
        # Search texts are folded once the cards are painted, before anyone types (a
        # keystroke before that folds what it needs itself).
        self._prepare = QTimer(self, singleShot=True, interval=250)
        self._prepare.timeout.connect(lambda: self.index.prepare_search())
        events.changed.connect(self._follow_moved_card)  # before the refresh reselects
        self.refresher = Refresher(
            self, events, BOARD_ASPECTS, self._catch_up, concerns=lambda _c: self._ws is not None
        )
        events.day_changed.connect(self.on_day_changed)
        self.reload()

    def _skipped_lines(self, journey_id: int) -> list[str]:
        return skipped_lines(self._ws.journeys.skipped_phases(journey_id)) if self._ws else []

    # -- toolbar -----------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        self.toolbar = BoardToolbar()
        self.offer_picker = self.toolbar.offer_picker
        self.search = self.toolbar.search
        self.quick = self.toolbar.quick
        self.sort_picker = self.toolbar.sort_picker
        self.offer_picker.currentIndexChanged.connect(self._on_offer)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.keys = BoardKeys(self)
        self.search.installEventFilter(self.keys)  # Down goes from the filter box to the cards
        for button in self.quick.values():
            button.toggled.connect(self._on_quick)
        self.sort_picker.currentIndexChanged.connect(self._on_sort)
        self._add_intake_buttons()

    def say(self, message: str) -> None:
        self.last_message = message
        self.said.emit(message)

    def _add_intake_buttons(self) -> None:
        """Enrol… (its menu: New client…): taking on a client starts from the board too."""
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
        self.toolbar.add_trailing(self.enrol_button)

    def new_client(self) -> None:
        """The New client dialog, then the wizard; the new card is selected once enrolled."""
        self._ask_enrol(new_client=True)

    def enrol(self) -> None:
        self._ask_enrol(new_client=False)

    def _ask_enrol(self, *, new_client: bool) -> None:
        if self._ws is None:
            self.say(tr("Still opening your practice; try again in a moment."))
            return
        self._events.enrol_requested.emit(
            EnrolRequest(
                self, offer_id=self.selected_offer(), new_client=new_client,
                on_enrolled=self.select_journey,
            )
        )  # fmt: skip

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def clear_filters(self) -> None:
        for button in self.quick.values():
            button.blockSignals(True)
            button.setChecked(False)
            button.blockSignals(False)
        self.toolbar.quick_menu.sync()  # its ticks and count heard none of that
        self.search.clear()
        self.apply_filter()
        self.view_changed.emit()

    def _on_sort(self) -> None:
        self.index.set_sort(current_enum(self.sort_picker, SortBy))
        self._refresh(set(self.columns))
        self.view_changed.emit()

    def _on_offer(self) -> None:
        self.reload()
        self.view_changed.emit()

    def _on_quick(self) -> None:
        self.apply_filter()
        self.view_changed.emit()

    # -- what the window remembers between runs ----------------------------------------------
    def view_state(self) -> tuple[int | None, str, list[str]]:
        """(offer shown or None for all, sort, quick filters on)."""
        on = [quick.value for quick, button in self.quick.items() if button.isChecked()]
        return self.selected_offer(), current_enum(self.sort_picker, SortBy).value, on

    def restore_view(self, offer_id: int | None, sort: str, quick: list[str]) -> None:
        """Show what `view_state` gave; anything no longer there is left as it is. A start
        hands the view the board already shows (the person's last was all offers, as it
        opens): then nothing is built again (at XL a second build was ~80 ms of a start)."""
        before = self.view_state()
        found = self.offer_picker.findData(ALL_OFFERS if offer_id is None else offer_id)
        for widget in (self.offer_picker, self.sort_picker, *self.quick.values()):
            widget.blockSignals(True)
        if found >= 0:
            self.offer_picker.setCurrentIndex(found)
        if (position := self.sort_picker.findData(sort)) >= 0:
            self.sort_picker.setCurrentIndex(position)
            self.index.sort = SortBy(sort)
        for key, button in self.quick.items():
            button.setChecked(key.value in quick)
        for widget in (self.offer_picker, self.sort_picker, *self.quick.values()):
            widget.blockSignals(False)
        if self.view_state() != before:
            self.reload()
            self.apply_filter()

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
        self._refresh(set(self.columns))
        self._prepare.start()

    def _read_offers(self) -> list[OfferSummary]:
        if self._ws is None:
            return self._first.offers if self._first else []
        return self._ws.offers.offer_summaries()

    def _read_rows(self, offer_id: int | None) -> list[JourneyRow]:
        if self._ws is None:
            rows = self._first.rows if self._first else []
            return [r for r in rows if offer_id is None or r.offer_id == offer_id]
        return self._ws.journeys.board_rows(offer_id)

    def attach(self, workspace: Workspace) -> None:
        """The workspace is open: from now on the board reads and writes through it."""
        self._ws, self._first = workspace, None
        _ = workspace.journeys  # its use cases loaded now, not by the first move

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
        """A lane per offer, sharing the height (one offer: all of it); columns scroll
        their cards and the page scrolls only when even one card per lane cannot fit."""
        while self.lanes_layout.count():
            item = self.lanes_layout.takeAt(0)
            if item is not None and (old := item.widget()) is not None:
                old.hide()  # deleteLater waits for the event loop; gone from view now
                old.deleteLater()
        self.columns, self.lanes = {}, {}
        stacked = len(offers) > 1
        for offer in offers:
            lane = LaneWidget(offer.name)
            lane.toggle.setVisible(stacked)
            for position, name in enumerate(offer.phase_names):
                column = ColumnWidget(
                    self.index, (offer.id, position), name, self._clock.today, self.request_move
                )
                column.view.activated.connect(self._open_index)
                column.view.menu_requested.connect(self._show_card_menu)
                column.view.installEventFilter(self.keys)
                column.view.selectionModel().selectionChanged.connect(
                    lambda *_a, c=column: self._on_selection(c)
                )
                lane.add_column(column)
                self.columns[(offer.id, position)] = column
            lane.toggled.connect(lambda expanded, w=lane: self._on_lane_toggled(w, expanded))
            self.lanes[offer.id] = lane
            self.lanes_layout.addWidget(lane, 1)
        self.lanes_layout.addStretch(0)  # takes the room only when every lane is folded

    def _on_lane_toggled(self, lane: LaneWidget, expanded: bool) -> None:
        self.lanes_layout.setStretchFactor(lane, 1 if expanded else 0)

    def _follow_moved_card(self, changes: Changes) -> None:
        if changes.touches(Aspect.PHASE) and len(changes.journeys) == 1:
            # A card moved (a drop, a key, an undo or a redo): the selection follows it.
            self._selected = next(iter(changes.journeys))

    def _catch_up(self, changes: Changes) -> None:
        """All of it after a change to the practice or an offer, else the cards named."""
        if changes.touches(Aspect.PRACTICE) or (changes.offers and changes.touches(Aspect.OFFER)):
            self.reload()
        elif changes.journeys and self._ws is not None:
            ids = set(changes.journeys)
            fresh = [
                row
                for row in self._ws.journeys.rows_for_journeys(ids)
                if row.status in (JourneyStatus.ACTIVE, JourneyStatus.PAUSED)
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
        narrowing = (
            self.filter.needle.startswith(previous.needle) and previous.quick <= self.filter.quick
        )
        self._refresh(set(self.columns), narrowing=narrowing)

    def _refresh(self, columns: set[Column], narrowing: bool = False) -> None:
        """Show the filtered cards of `columns`, their headers and the lanes' counts."""
        selected = self._selected
        for column in columns:
            widget = self.columns[column]
            within = widget.model.journey_ids() if narrowing else None
            widget.model.set_ids(self.index.visible(column, self.filter, within))
            if selected is not None and (row := widget.model.row_of(selected)) >= 0:
                widget.view.select_row(row)
            widget.view.lay_out_now()  # before the paint: one repaint, not two
        counts = {offer_id: [0, 0] for offer_id in self.lanes}  # shown, total per lane
        for column, widget in self.columns.items():
            shown, total = widget.model.shown, widget.model.total
            if column in columns:  # the others' counts did not change: no rewording
                widget.set_header(shown, total, self.index.over_plan(column))
            counts[column[0]][0] += shown
            counts[column[0]][1] += total
        for offer_id, lane in self.lanes.items():
            lane.set_count(*counts[offer_id])
            lane.notice.setVisible(counts[offer_id][1] == 0)
        shown_total = sum(shown for shown, _total in counts.values())
        filtering = self.filter.active and bool(self.index.cards)
        if not self.offers:
            self.body.setCurrentWidget(self._no_offers_page())
        elif filtering and shown_total == 0:
            self.body.setCurrentWidget(self._no_match_page())
        else:
            self.body.setCurrentWidget(self.lanes_scroll)

    def _no_offers_page(self) -> EmptyState:
        if self.no_offers is None:
            self.no_offers = EmptyState(
                "offers",
                tr("No offers yet"),
                tr(
                    "The board shows each offer's phases as columns and every active client "
                    "as a card. Design your first offer in Offers, then enrol a client."
                ),
            )
            self.body.addWidget(self.no_offers)
        return self.no_offers

    def _no_match_page(self) -> EmptyState:
        """In the lanes' place, so they keep their size (no relayout of every column)."""
        if self.no_match is None:
            self.no_match = EmptyState(
                "search",
                tr("No card matches these filters"),
                tr("Try fewer letters, another quick filter, or all offers."),
            )
            self.no_match.add_button(tr("Clear filters")).clicked.connect(self.clear_filters)
            self.body.addWidget(self.no_match)
        return self.no_match

    # -- moving cards ------------------------------------------------------------------------
    def request_move(self, journey_id: int, position: int) -> bool:
        """Move a card to another phase of its offer, asking first past an open checkpoint."""
        card = self.index.cards.get(journey_id)
        if card is None or position < 0 or position >= card.phase_count:
            return False
        if card.paused:
            self.say(
                tr("{name}'s journey is paused: resume it before moving it.").format(name=card.name)
            )
            return False
        if self._ws is None:
            self.say(tr("Still opening your practice; try again in a moment."))
            return False
        from deliverydesk.ui.core.undo_commands import MoveJourneyCommand

        def move(override: bool) -> MoveJourneyCommand:
            assert self._ws is not None
            target = self._phase_name(card.offer_id, position)
            command = MoveJourneyCommand(
                self._ws,
                self._events,
                journey_id,
                position,
                override=override,
                text=tr("Move {name}").format(name=card.name),
                message=tr("Moved {name} to {phase}").format(name=card.name, phase=target),
            )
            self.undo_stack.push(command)
            return command

        # Asked first (a read): a move past an open checkpoint is confirmed, then done in
        # one write. The service checks again as it moves: one reopened meanwhile refuses,
        # and the person is asked then.
        try:
            in_the_way = self._ws.journeys.checkpoints_in_the_way(journey_id, position)
        except NotFound:
            in_the_way = []  # gone meanwhile: the move says so
        if in_the_way and not self._confirmed(card, in_the_way):
            return False
        command = move(override=bool(in_the_way))
        if isinstance(command.error, CheckpointBlocked):
            if not self._confirmed(card, command.error.checkpoints):
                return False
            command = move(override=True)
        if command.error is not None:
            QMessageBox.warning(
                self, tr("Could not move the card"), literal_rich_text([in_words(command.error)])
            )
            return False
        self.select_journey(journey_id)
        return True

    def _confirmed(self, card: JourneyRow, checkpoints: list[str]) -> bool:
        """Move past the open `checkpoints` anyway? A no is said in the status line."""
        if self.confirm_override(card.name, card.phase_name, checkpoints):
            return True
        self.say(
            tr("{name} stays in {phase}: the checkpoint is not done.").format(
                name=card.name, phase=card.phase_name
            )
        )
        return False

    def _phase_name(self, offer_id: int | None, position: int) -> str:
        offer = next((o for o in self.offers if o.id == offer_id), None)
        if offer is None or not 0 <= position < len(offer.phase_names):
            return ""
        return offer.phase_names[position]

    def checkpoint_dialog(self, name: str, phase: str, checkpoints: list[str]) -> QMessageBox:
        return checkpoint_dialog(self, name, phase, checkpoints)

    def confirm_override(self, name: str, phase: str, checkpoints: list[str]) -> bool:
        return ask_move_anyway(self.checkpoint_dialog(name, phase, checkpoints))

    # -- selection and keyboard --------------------------------------------------------------
    def select_journey(self, journey_id: int) -> None:
        column = self.index.column_of(journey_id)
        widget = self.columns.get(column) if column else None
        if widget is None:
            return
        row = widget.model.row_of(journey_id)
        if row >= 0:
            self._selected = journey_id
            widget.view.setFocus()
            widget.view.select_row(row)

    def selected_journey(self) -> int | None:
        return self._selected

    def _on_selection(self, widget: ColumnWidget) -> None:
        """One card is selected on the whole board: a card chosen in one column clears the
        others' outlines (each column keeps its own selection otherwise)."""
        chosen = widget.view.selectionModel().selectedIndexes()
        if not chosen:
            return
        self._selected = chosen[0].data(JOURNEY_ID_ROLE)
        for other in self.columns.values():
            if other is not widget and other.view.selectionModel().hasSelection():
                other.view.selectionModel().clearSelection()

    def _open_index(self, index: object) -> None:
        journey_id = index.data(JOURNEY_ID_ROLE)  # type: ignore[attr-defined]
        if journey_id is not None:
            self.open_journey.emit(journey_id)

    def clients_shown(self) -> list[int]:
        """The clients whose cards the board shows while a filter or one offer narrows it;
        none when it shows every card."""
        if not self.filter.active and self.selected_offer() is None:
            return []
        cards = self.index.cards
        shown = (j for column in self.columns.values() for j in column.model.journey_ids())
        return list(dict.fromkeys(cards[j].client_id for j in shown if j in cards))

    def card_menu(self, journey_id: int) -> QMenu | None:
        """A card's menu: open the client, log friction, record feedback, preview their
        progress report or checklist."""
        card = self.index.cards.get(journey_id)
        if card is None or self._ws is None:
            return None
        from deliverydesk.ui.widgets import feedback_dialog, friction_dialog
        from deliverydesk.ui.widgets.paper.documents_menu import card_menu

        ws = self._ws
        menu = card_menu(
            self, ws, card.client_id, lambda: self.open_journey.emit(journey_id), self._events
        )
        log = QAction(tr("Log friction…"), menu)
        log.triggered.connect(
            lambda: friction_dialog.log_friction(
                self, ws, self._events, self.undo_stack, journey_id
            )
        )
        menu.insertAction(menu.actions()[1], log)  # beside Open client
        feedback = QAction(tr("Record feedback…"), menu)
        feedback.triggered.connect(
            lambda: feedback_dialog.record_feedback(
                self, ws, self._events, self.undo_stack, journey_id
            )
        )
        menu.insertAction(menu.actions()[2], feedback)
        return menu

    def _show_card_menu(self, index: QModelIndex, where: QPoint) -> None:
        menu = self.card_menu(index.data(JOURNEY_ID_ROLE))
        if menu is not None:
            menu.popup(where)
