"""tools/rooms_rewrite.py moves workspace calls into the rooms, and only those (issue 17)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, cast

from deliverydesk.services.rooms.room import Room
from deliverydesk.services.workspace import Workspace

if TYPE_CHECKING:
    from deliverydesk.services.context import Context

TOOL = Path(__file__).parents[2] / "tools" / "rooms_rewrite.py"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("rooms_rewrite", TOOL)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tool = _tool()

BEFORE = '''\
ws.add_note(journey_id, text)
self._ws.complete(journey_id, force=True)
window.workspace.practice()
runner.later(lambda ws, tracker: ws.empty_trash())
read = timed(demo_ws.client_choices)
Workspace(ctx).board_rows()
Workspace.open(folder, clock).back_up()
monkeypatch.setattr(empty_ws, "save_offer", broken)
"""The practice must be closed (Workspace.restore_backup does that)."""
job.cancel()
lifecycle.complete(ctx, journey_id)
backups.back_up(ctx, label)
window.dashboard.feedback
self.form.check()
'''

AFTER = '''\
ws.journeys.add_note(journey_id, text)
self._ws.journeys.complete(journey_id, force=True)
window.workspace.practice.info()
runner.later(lambda ws, tracker: ws.clients.empty_trash())
read = timed(demo_ws.clients.client_choices)
Workspace(ctx).journeys.board_rows()
Workspace.open(folder, clock).data.back_up()
monkeypatch.setattr(empty_ws.offers, "save_offer", broken)
"""The practice must be closed (Workspace.data.restore_backup does that)."""
job.cancel()
lifecycle.complete(ctx, journey_id)
backups.back_up(ctx, label)
window.dashboard.feedback
self.form.check()
'''


def test_workspace_calls_move_into_their_rooms_and_nothing_else_moves() -> None:
    text, count, _unsure = tool.rewrite(BEFORE, set())
    assert text == AFTER
    assert count == 9


def test_a_second_run_changes_nothing_and_lists_nothing() -> None:
    ours = frozenset({"add_note", "empty_trash", "client_choices", "save_offer"})
    assert tool.rewrite(AFTER, set(), ours) == (AFTER, 0, [])


def test_a_receiver_named_for_its_file_is_a_workspace_there_only() -> None:
    assert tool.rewrite("second.move_to_phase(1, 2)\n", {"second"})[0] == (
        "second.journeys.move_to_phase(1, 2)\n"
    )
    assert tool.rewrite("second.move_to_phase(1, 2)\n", set())[1] == 0


def test_a_workspace_only_name_on_an_unknown_receiver_is_listed_for_a_person() -> None:
    text, count, unsure = tool.rewrite(
        "space.back_up_automatically()\n", set(), frozenset({"back_up_automatically"})
    )
    assert (count, unsure) == (0, [5])


def test_the_map_is_the_rooms_the_workspace_has() -> None:
    """Every room's method is in the script's map under that room, and nothing else is."""
    held = vars(Workspace(cast("Context", object())))  # a room only keeps its context
    rooms = {name: type(room) for name, room in held.items() if isinstance(room, Room)}
    assert set(rooms) == set(tool.ROOMS)
    old_name = {new: old for old, new in tool.RENAMED.items()}
    mapped = {
        old_name.get(member, member): room
        for room, kind in rooms.items()
        for member in vars(kind)
        if not member.startswith("_")
    }
    landed = {name: room for name, room in tool.ROOM_OF.items() if name not in tool.LANDING}
    assert mapped == landed | {name: room for name, room in tool.LANDING.items() if name in mapped}
