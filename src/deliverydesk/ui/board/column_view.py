"""A board column (phase header over a list of cards) and a lane (one offer's columns)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDragEnterEvent,
    QDropEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.ui.board.board_index import BoardIndex, Column
from deliverydesk.ui.board.card_delegate import CARD_HEIGHT_EM, CardDelegate
from deliverydesk.ui.board.card_model import CardColumnModel, MoveRequest, column_counts
from deliverydesk.ui.board.phase_header import PhaseHeader
from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import literal_rich_text, tr
from deliverydesk.ui.look.typography import make_heading

COLUMN_WIDTH_EM = 11.5  # the narrowest a column gets before the board scrolls sideways


def empty_column_text(model: CardColumnModel) -> str:
    """Why a column shows no card: nobody is in the phase, or the filter hides them."""
    if model.total:
        return tr("No match in this phase")
    return tr("No clients in this phase")


def cards_below(shown: int, card: int, top: int, height: int) -> int:
    """How many of `shown` cards, each `card` pixels tall, are not wholly in a viewport
    `height` tall scrolled down to `top`."""
    if shown == 0 or card <= 0:
        return 0
    return max(shown - (top + height) // card, 0)


class MoreFooter(QLabel):
    """Everything under a column's whole cards: "+N more" when some are out of view below
    (a click scrolls down a page), and a place a card can be dropped like the cards'."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)  # in the view's bottom margin: scrolling does not move it
        self._view = view
        self.count = 0
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.setAcceptDrops(True)

    def set_count(self, count: int) -> None:
        if count == self.count:
            return
        self.count = count
        words = tr("+{n} more").format(n=count) if count else ""
        self.setText(f"{words} ▾" if count else "")
        self.setToolTip(
            tr("{n} more cards below: scroll, or click here").format(n=count) if count else ""
        )
        self.setAccessibleName(words)
        self.setCursor(Qt.CursorShape.PointingHandCursor if count else Qt.CursorShape.ArrowCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        bar = self._view.verticalScrollBar()
        bar.setValue(bar.value() + bar.pageStep())
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        model = self._view.model()
        action, where = Qt.DropAction.MoveAction, QModelIndex()
        if model is not None and model.canDropMimeData(event.mimeData(), action, -1, -1, where):
            event.setDropAction(action)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        model = self._view.model()
        if model is not None:
            model.dropMimeData(event.mimeData(), Qt.DropAction.MoveAction, -1, -1, QModelIndex())
        event.acceptProposedAction()


class CardListView(QListView):
    """Signals:
    menu_requested(QModelIndex, QPoint): a card's menu was asked for (right click, the Menu
        key or Shift+F10), to show at the global point.
    """

    menu_requested = Signal(QModelIndex, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMouseTracking(True)
        # Cards are painted on Base; the column behind them takes the window's colour.
        self._viewport = self.viewport()  # asked for on every count: kept, not looked up
        self._viewport.setBackgroundRole(QPalette.ColorRole.Window)
        self._measure()
        self.more: MoreFooter | None = None  # made after the first paint (see update_more)
        self.setViewportMargins(0, 0, 0, self.footer_height())  # the footer's line
        # A filter keystroke resets the model, relays out and rescrolls: one count after
        # all of it, in the same turn of the event loop, not one per signal.
        self._more_later = QTimer(self, singleShot=True, interval=0)
        self._more_later.timeout.connect(self.update_more)
        # (A lambda: the signals' numbers would be taken for the timer's interval.)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._count_later())
        self.verticalScrollBar().rangeChanged.connect(lambda _a, _b: self._count_later())

    def setModel(self, model: object) -> None:
        super().setModel(model)  # type: ignore[arg-type]
        if isinstance(model, CardColumnModel):
            model.modelReset.connect(self._count_later)

    def _measure(self) -> None:
        em = self.fontMetrics().height()
        self._card = int(em * CARD_HEIGHT_EM)  # the delegate's size
        self._footer = em + 2

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._measure()
        super().changeEvent(event)

    def _count_later(self) -> None:
        """Count again once the event loop is back (the first count waits for the first
        paint: a start shows its cards before anything else)."""
        if self.more is not None:
            self._more_later.start()

    def footer_height(self) -> int:
        return self._footer

    def lay_out_now(self) -> None:
        """After a change of cards (a filter keystroke, a move): lay the cards out and
        count "+N more" now, so the window's next paint shows both. Left to their own
        zero timers, they ran after that paint and asked for a second one."""
        self.executeDelayedItemsLayout()
        if self.more is not None:
            self._more_later.stop()
            self.update_more()

    def update_more(self) -> None:
        """Count the cards below the bottom edge for "+N more". Runs after every filter
        keystroke, so it is cheap: the footer's line is kept whether it shows or not, and
        changing the count never lays the cards out again."""
        model = self.model()
        shown = model.shown if isinstance(model, CardColumnModel) else 0
        top = self.verticalScrollBar().value()
        if self.more is None:
            self.more = MoreFooter(self)
            self._place_more()
            self.more.show()
        self.more.set_count(cards_below(shown, self._card, top, self._viewport.height()))

    def _place_more(self) -> None:
        if self.more is None:
            return
        area = self._viewport.geometry()
        below = self.contentsRect().bottom() - area.bottom()
        self.more.setGeometry(area.left(), area.bottom() + 1, area.width(), max(below, 0))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_whole_cards()
        self._count_later()
        self._place_more()

    def _fit_whole_cards(self) -> None:
        """A column shows whole cards (a sliver of the next one says nothing "+N more"
        does not, and costs a whole card's drawing); what is left over stays blank below."""
        card, footer = self._card, self._footer
        room = self.contentsRect().height() - footer
        spare = room % card if room >= card else 0
        if self.viewportMargins().bottom() != footer + spare:
            self.setViewportMargins(0, 0, 0, footer + spare)
            self._count_later()

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Arriving by keyboard marks the card that has the focus: the first, or the one
        that was current; the first Down then goes to the second card, as it looks."""
        super().focusInEvent(event)
        current = self.currentIndex()
        if not current.isValid() and self.model() is not None and self.model().rowCount():
            current = self.model().index(0, 0)
        if current.isValid() and not self.selectionModel().isSelected(current):
            self.selectionModel().setCurrentIndex(
                current, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.more is None and not self._more_later.isActive():
            self._more_later.start()  # the cards are painted: now the footer
        model = self.model()
        if isinstance(model, CardColumnModel) and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            area = self.viewport().rect().adjusted(0, self.fontMetrics().height(), 0, 0)
            painter.drawText(area, Qt.AlignmentFlag.AlignHCenter, empty_column_text(model))
            painter.end()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """From the mouse, the card under it; from the keyboard, the current card."""
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            self.request_menu()
            return
        index = self.indexAt(event.pos())
        if index.isValid():
            self.menu_requested.emit(index, event.globalPos())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier:
            self.request_menu()
            return
        super().keyPressEvent(event)

    def request_menu(self) -> None:
        """The current card's menu, at the card's foot (as the client page's step menu)."""
        index = self.currentIndex()
        if index.isValid():
            rect = self.visualRect(index)
            self.menu_requested.emit(index, self.viewport().mapToGlobal(rect.bottomLeft()))

    def select_row(self, row: int) -> None:
        index = self.model().index(row, 0)
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.scrollTo(index)


class ElidedLabel(QLabel):
    """One line of plain text, cut with "…" at the label's edge instead of widening it.

    The cut is made when the text or the width changes, not on every paint: a board
    repaints its headers on each filter keystroke.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # the person's own words
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._full = ""
        self.setText(text)

    def text(self) -> str:
        return self._full

    def setText(self, text: str) -> None:
        if text == self._full and self.accessibleName() == text:
            return  # every refresh sets every count: measuring costs more than comparing
        self._full = text
        self.setAccessibleName(text)  # a screen reader says it whole
        self._elide()

    def _elide(self) -> None:
        width = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width)
        QLabel.setText(self, shown if width > 0 else self._full)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()


class ColumnWidget(QFrame):
    def __init__(
        self,
        index: BoardIndex,
        column: Column,
        name: str,
        today: Callable[[], date],
        on_move: MoveRequest,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.header = PhaseHeader(name)  # two lines when one is too short for the name
        make_heading(self.header)
        self.counts = ElidedLabel()
        self.counts.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.model = CardColumnModel(index, column, on_move, today, self)
        self.view = CardListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(CardDelegate(today, self.view))
        self.view.setAccessibleName(tr("Phase {name}").format(name=name))
        em = self.fontMetrics().height()
        self.setMinimumWidth(int(em * COLUMN_WIDTH_EM))
        # One whole card, and "+N more" under it.
        self.view.setMinimumHeight(int(em * CARD_HEIGHT_EM) + self.view.footer_height())
        layout = self._layout = QVBoxLayout(self)
        margin = em // 3
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.counts)
        layout.addWidget(self.view, 1)

    def one_line_width(self) -> int:
        """The column's width with its phase name on one line."""
        margins = self._layout.contentsMargins()
        chrome = 2 * self.frameWidth() + margins.left() + margins.right() + 2
        return self.header.fontMetrics().horizontalAdvance(self.name) + chrome

    def set_header(self, shown: int, total: int, over_plan: int) -> None:
        self.counts.setText(column_counts(shown, total, over_plan))
        tip = tr("{total} clients in {phase}; {over} over the phase's planned time").format(
            total=total, phase=self.name, over=over_plan
        )
        self.header.setToolTip(literal_rich_text([tip]))  # the phase name stays text


class LaneWidget(QWidget):
    """One offer's columns under a header that collapses them.

    Signals:
        toggled(bool): the lane was expanded (True) or collapsed; the board re-shares height.
    """

    toggled = Signal(bool)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.setAutoRaise(True)
        make_heading(self.toggle)
        self.toggle.toggled.connect(self._on_toggled)
        self.title = title
        self.body = QWidget()
        self.columns_row = QHBoxLayout(self.body)
        self.columns_row.setContentsMargins(0, 0, 0, 0)
        self._columns: list[ColumnWidget] = []
        self._lines = 1  # the headers' lines
        self.notice = QLabel(
            tr("No active clients in this offer yet. Enrol a client to see them here.")
        )
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.notice)
        layout.addWidget(self.body, 1)

    def add_column(self, column: ColumnWidget) -> None:
        """A phase's column, its header kept as tall as its neighbours'."""
        self.columns_row.addWidget(column, 1)
        self._columns.append(column)
        column.header.lines_changed.connect(self._level_headers)
        self._level_headers()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._share_width(event.size().width())
        QTimer.singleShot(0, self, self._level_headers)  # once the cards have their height

    def _share_width(self, width: int) -> None:
        """Columns share the lane's width equally, unless a phase name would then wrap
        while the others could give it room and keep theirs on one line: then that
        column gets the width of its name (a second header line costs every lane height)."""
        count = len(self._columns)
        if not count:
            return
        room = width - self.columns_row.spacing() * (count - 1)
        needs = [column.one_line_width() for column in self._columns]
        wide: set[int] = set()
        while True:  # widen the columns whose name does not fit an equal share of the rest
            rest = room - sum(needs[i] for i in wide)
            share = rest / max(1, count - len(wide))
            more = {i for i in range(count) if i not in wide and needs[i] > share}
            if not more:
                break
            wide |= more
        fits = len(wide) < count and share >= self._columns[0].minimumWidth()
        stretches = [needs[i] if i in wide else int(share) for i in range(count)]
        for i in range(count):
            stretch = stretches[i] if fits and wide else 1
            if self.columns_row.stretch(i) != stretch:
                self.columns_row.setStretch(i, stretch)

    def _level_headers(self) -> None:
        """Every header as tall as the tallest, so counts and cards start level; a second
        line only while every column's cards can spare its height (taken, it is kept as
        long as they still have their least), else names are cut on one line."""
        wanted = max((c.header.lines_needed for c in self._columns), default=1)
        lines = 1
        if wanted > 1:
            line = self.fontMetrics().lineSpacing()
            spare = min(c.view.height() - c.view.minimumHeight() for c in self._columns)
            lines = wanted if spare >= (0 if self._lines > 1 else line) else 1
        self._lines = lines
        for column in self._columns:
            column.header.set_lines(lines)

    def set_count(self, shown: int, total: int) -> None:
        self.toggle.setText(f"{self.title} · {text.clients_shown(shown, total)}")
        self.toggle.setAccessibleName(self.toggle.text())

    def _on_toggled(self, expanded: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.body.setVisible(expanded)
        self.toggled.emit(expanded)
