"""The refresh protocol every view follows (ui/core/refresh.py): a change a view does not show
costs it nothing; a hidden view only gathers what it missed and catches up once, with all
of it, when shown; a shown view catches up at once; a new day makes it read everything."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QStackedWidget, QWidget
from pytestqt.qtbot import QtBot

from deliverydesk.services.changes import Aspect, Changes
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.refresh import Refresher


def tick(journey: int) -> Changes:
    return Changes(journeys=frozenset({journey}), aspects=Aspect.STEPS)


class View(QWidget):
    """A view showing steps and phases, as the Today screen does."""

    def __init__(self, events: AppEvents, **options: Any) -> None:
        super().__init__()
        self.caught_up: list[Changes] = []
        self.refresher = Refresher(
            self, events, Aspect.STEPS | Aspect.PHASE, self.caught_up.append, **options
        )


def test_a_hidden_view_catches_up_once_with_all_it_missed_when_shown(
    qtbot: QtBot, events: AppEvents
) -> None:
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    front, view = QWidget(), View(events)
    stack.addWidget(front)
    stack.addWidget(view)
    stack.show()
    for journey in (1, 2):
        events.changed.emit(tick(journey))
    events.changed.emit(Changes(journeys=frozenset({3}), aspects=Aspect.NOTES))  # not shown
    assert view.caught_up == []
    stack.setCurrentWidget(view)
    assert view.caught_up == [Changes(journeys=frozenset({1, 2}), aspects=Aspect.STEPS)]
    stack.setCurrentWidget(front)
    stack.setCurrentWidget(view)  # nothing missed meanwhile: nothing read
    assert len(view.caught_up) == 1


def test_a_shown_view_catches_up_at_once_and_ignores_what_it_does_not_show(
    qtbot: QtBot, events: AppEvents
) -> None:
    view = View(events)
    qtbot.addWidget(view)
    view.show()
    events.changed.emit(tick(7))
    events.changed.emit(Changes(aspects=Aspect.BRAND))
    assert view.caught_up == [tick(7)]


def test_a_view_first_read_when_shown_and_a_new_day_read_whole(
    qtbot: QtBot, events: AppEvents
) -> None:
    view = View(events, stale=True, day=True)
    qtbot.addWidget(view)
    assert view.caught_up == []  # nothing read before a person looks
    view.show()
    assert view.caught_up == [Changes.all()]
    view.refresher.settle()
    events.day_changed.emit(date(2026, 11, 24))
    assert view.caught_up == [Changes.all(), Changes.all()]


def test_a_page_behind_another_catches_up_when_brought_to_the_front(
    qtbot: QtBot, events: AppEvents
) -> None:
    front = [False]  # a client page in front of the list, say
    view = View(events, showing=lambda: front[0])
    qtbot.addWidget(view)
    view.show()
    events.changed.emit(tick(4))
    assert view.caught_up == []
    front[0] = True
    view.refresher.catch_up()
    assert view.caught_up == [tick(4)]
