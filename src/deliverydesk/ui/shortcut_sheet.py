"""Help → Keyboard shortcuts: a sheet read from the window's own actions, so it cannot
drift from what the keys really do."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.ui.core.text import tr


@dataclass(frozen=True)
class Binding:
    """One key sequence bound by an action or a shortcut, and where it listens."""

    keys: str  # portable text, e.g. "Ctrl+Shift+E"
    owner: QAction | QShortcut
    widget: QWidget  # the widget whose visibility and focus decide whether it fires
    context: Qt.ShortcutContext
    words: str  # what it does, as the action's menu says it


def _anchor(widget: QWidget) -> QWidget:
    """A menu's actions listen where the menu is shown from (its menu bar or button)."""
    while isinstance(widget, QMenu):
        holders = [w for w in widget.menuAction().associatedObjects() if isinstance(w, QWidget)]
        if not holders:
            break
        widget = holders[0]
    return widget


def _words(action: QAction) -> str:
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")


def bindings(window: QWidget) -> list[Binding]:
    """Every key binding of `window`'s actions and shortcuts, one per widget it listens on."""
    found: list[Binding] = []
    for action in {id(a): a for a in window.findChildren(QAction)}.values():
        widgets = [w for w in action.associatedObjects() if isinstance(w, QWidget)]
        widget_only = action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut
        for keys in action.shortcuts():
            for widget in widgets:
                found.append(
                    Binding(
                        keys.toString(),
                        action,
                        widget if widget_only else _anchor(widget),
                        action.shortcutContext(),
                        _words(action),
                    )
                )
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        bound: list[QKeySequence] = shortcut.keys()  # a QShortcut may hold several
        if isinstance(parent, QWidget):
            for keys in bound:
                found.append(
                    Binding(
                        keys.toString(), shortcut, parent, shortcut.context(), shortcut.whatsThis()
                    )
                )
    return found


def _screen_of(widget: QWidget, stack: QStackedWidget | None, names: list[str]) -> str:
    if stack is not None:
        for position in range(min(stack.count(), len(names))):
            page = stack.widget(position)
            if page is not None and (page is widget or page.isAncestorOf(widget)):
                return names[position]
    return tr("Everywhere")


class ShortcutSheet(QDialog):
    """Each screen's actions with their keys, listed from the actions themselves."""

    def __init__(
        self,
        window: QWidget,
        stack: QStackedWidget | None = None,
        screen_names: list[str] | None = None,
    ) -> None:
        super().__init__(window)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(tr("Keyboard shortcuts"))
        self.tree.setHeaderLabels([tr("Action"), tr("Keys")])
        self.tree.setRootIsDecorated(True)
        names = screen_names or []
        grouped: dict[str, dict[str, list[str]]] = {}
        for binding in bindings(window):
            if not isinstance(binding.owner, QAction) or not binding.words:
                continue
            where = _screen_of(binding.widget, stack, names)
            keys = QKeySequence(binding.keys).toString(QKeySequence.SequenceFormat.NativeText)
            listed = grouped.setdefault(where, {}).setdefault(binding.words, [])
            if keys not in listed:
                listed.append(keys)
        order = [tr("Everywhere"), *names]
        for where in sorted(grouped, key=lambda w: order.index(w) if w in order else len(order)):
            group = QTreeWidgetItem(self.tree, [where])
            for words, all_keys in sorted(grouped[where].items()):
                QTreeWidgetItem(group, [words, ", ".join(all_keys)])
        self.tree.expandAll()
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        em = self.fontMetrics().height()
        self.resize(em * 32, em * 36)

    def rows(self) -> list[tuple[str, str, str]]:
        """(screen, action, keys), in the order the sheet lists them."""
        listed: list[tuple[str, str, str]] = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            for r in range(group.childCount() if group is not None else 0):
                row = group.child(r) if group is not None else None
                if group is not None and row is not None:
                    listed.append((group.text(0), row.text(0), row.text(1)))
        return listed
