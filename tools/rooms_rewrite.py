"""Rewrite callers of the flat Workspace to its rooms (issue 17): `ws.add_note(` becomes
`ws.journeys.add_note(`, `ws.practice()` becomes `ws.practice.info()`.

    .venv/bin/python tools/rooms_rewrite.py           # rewrite src/ tests/ benchmarks/ tools/ docs/
    .venv/bin/python tools/rooms_rewrite.py --check   # list what it would rewrite; exit 1 if any
    .venv/bin/python tools/rooms_rewrite.py docs      # other folders or files (.py, .md)

Run it from the repository's top. Idempotent: a call already in a room is left alone, so
it can run again after every merge. Then `make lint typecheck` and the tests.

Only workspace receivers are rewritten, since several names (`complete`, `cancel`,
`archive`, `check`, `dashboard`, ...) exist on other classes too. A receiver is a workspace
when its last name is `ws`, `workspace`, `_ws`, `_workspace`, `Workspace`, ends in `_ws`
(`demo_ws`, `empty_ws`), is named in EXTRA_RECEIVERS for its file, or is a call of
`Workspace(...)`, `Workspace.open(...)`, `for_job()` or `new_own_practice(...)`.
`monkeypatch.setattr(ws, "save_offer", ...)` becomes `setattr(ws.offers, "save_offer", ...)`.
Calls of a workspace-only name on any other receiver are listed as "look at" for a person.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOMS = {
    "journeys": """board_rows rows_for_journeys journey_detail refresh_journey_detail
        complete_step reopen_step set_due_date move_to_phase restore_phase_state add_note
        remove_note pause resume complete cancel archive restore_journey_state
        skipped_phases reschedule_step restore_step_dates""",
    "schedule": """portfolio journey_timeline capacity_strip today_list resume_reminders
        overdue_by_journey nudge_draft record_nudge export_calendar""",
    "clients": """client_rows rows_for_clients journeys_of_client client_details
        similar_clients client_choices add_client update_client remove_client restore_client
        offer_checklist capacity_preview enrol_client offer_plan unenrol reinstate_enrolment
        archive_client restore_from_trash trashed_clients empty_trash""",
    "offers": """offer_summaries offer_list offer_design create_blank_offer add_offer
        duplicate_offer set_offer_archived delete_offer save_offer undo_save_offer
        preview_values list_revisions preview_apply apply_to_journeys revert_apply
        export_offer import_offer""",
    "paper": """make_document save_document export_progress_batch report_clients
        send_document send_progress_reports
        intake_form_address read_filled_form save_intake_answers restore_intake
        intake_record""",
    "practice": """practice create_practice practice_settings preview_reschedule
        update_practice restore_practice brand_settings update_brand import_logo logo_file
        brand_sample dashboard""",
    "data": """folder_warning check backups_folder backup_list back_up back_up_automatically
        back_up_if_due restore_backup export_practice replace_practice build_practice
        import_clients_csv import_journeys_csv preview_clients_csv preview_journeys_csv
        journeys_template export_clients_csv export_spreadsheet backup_copy_folder
        set_backup_copy_folder""",
}
# Flat methods other branches add while the rooms land: the lead moves each into its room
# at the merge and names it here.
LANDING: dict[str, str] = {}
ROOM_OF = {name: room for room, names in ROOMS.items() for name in names.split()} | LANDING
RENAMED = {"practice": "info"}  # ws.practice is now the room: its old method is info()

RECEIVERS = {"ws", "workspace", "_ws", "_workspace", "Workspace"}
FACTORIES = {"Workspace", "Workspace.open", "for_job", "new_own_practice"}
EXTRA_RECEIVERS = {"tests/gui/test_storage_failures.py": {"second"}}

DEFAULT_PATHS = ("src", "tests", "benchmarks", "tools", "docs")
SKIP = (
    "src/deliverydesk/services/workspace.py",
    "src/deliverydesk/services/rooms/",
    "tools/rooms_rewrite.py",
    "tests/unit/test_rooms_rewrite.py",  # its examples are the calls before
)

_NAMES = "|".join(sorted(ROOM_OF, key=len, reverse=True))
MEMBER = re.compile(rf"\.({_NAMES})(?!\w)")
SETATTR = re.compile(rf"""(setattr\(\s*)([\w.]+)(\s*,\s*)(["'])({_NAMES})\4""")
IDENT = re.compile(r"[A-Za-z_]\w*$")
DOTTED = re.compile(r"[A-Za-z_][\w.]*$")


def is_workspace_name(name: str, extra: set[str]) -> bool:
    return name in RECEIVERS or name.endswith("_ws") or name in extra


def receiver_is_workspace(text: str, dot: int, extra: set[str]) -> bool:
    """Whether the expression ending just before `text[dot]` is a workspace."""
    before = text[:dot]
    if before.endswith(")"):
        depth = 0
        for i in range(dot - 1, -1, -1):
            depth += {")": 1, "(": -1}.get(text[i], 0)
            if depth == 0:
                callee = DOTTED.search(text[:i])
                return bool(callee) and any(
                    callee.group(0) == f or callee.group(0).endswith("." + f) for f in FACTORIES
                )
        return False
    name = IDENT.search(before)
    if not name:
        return False
    return is_workspace_name(name.group(0), extra)


def in_a_room(text: str, dot: int) -> bool:
    """Whether the receiver ending before `text[dot]` is a room reached by a dot."""
    name = IDENT.search(text[:dot])
    return bool(name) and name.group(0) in ROOMS and text[: name.start()].endswith(".")


def rewrite(
    text: str, extra: set[str], only_ours: frozenset[str] = frozenset()
) -> tuple[str, int, list[int]]:
    """The text with workspace calls moved into rooms, how many, and the offsets of calls
    of a name only the workspace defines (`only_ours`) on a receiver that is not
    recognised: for a person to look at."""
    out: list[str] = []
    last = 0
    count = 0
    unsure: list[int] = []
    for match in MEMBER.finditer(text):
        name = match.group(1)
        after = text[match.end() :]
        called = after.lstrip(" ").startswith("(")
        if after.startswith("."):
            continue  # ws.practice.info(), ws.data.check(): already in a room
        if name in ROOMS and not called:
            continue  # the room itself (ws.practice), not its old method
        if in_a_room(text, match.start()):
            continue  # ws.data.check(): already in its room
        if not receiver_is_workspace(text, match.start(), extra):
            if called and name in only_ours:
                unsure.append(match.start())
            continue
        out.append(text[last : match.start()])
        out.append(f".{ROOM_OF[name]}.{RENAMED.get(name, name) if called else name}")
        last = match.end()
        count += 1
    out.append(text[last:])
    text = "".join(out)

    def move_setattr(m: re.Match[str]) -> str:
        nonlocal count
        receiver = m.group(2)
        if not is_workspace_name(receiver.rsplit(".", 1)[-1], extra):
            return m.group(0)
        count += 1
        room = ROOM_OF[m.group(5)]
        return f"{m.group(1)}{receiver}.{room}{m.group(3)}{m.group(4)}{m.group(5)}{m.group(4)}"

    text = SETATTR.sub(move_setattr, text)
    return text, count, unsure


def files(paths: list[str]) -> list[Path]:
    found: list[Path] = []
    for each in paths:
        path = Path(each)
        candidates = [path] if path.is_file() else sorted(path.rglob("*.py"))
        candidates += [] if path.is_file() else sorted(path.rglob("*.md"))
        found += [p for p in candidates if not any(p.as_posix().startswith(s) for s in SKIP)]
    return found


def workspace_only_names() -> frozenset[str]:
    """The rooms' method names that nothing else in src/ defines."""
    defined = {
        m.group(1)
        for path in files(["src"])
        for m in re.finditer(r"def (\w+)\(", path.read_text(encoding="utf-8"))
    }
    return frozenset(ROOM_OF) - defined


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=list(DEFAULT_PATHS))
    parser.add_argument("--check", action="store_true", help="list, change nothing")
    args = parser.parse_args()
    total = 0
    only_ours = workspace_only_names()
    for path in files(args.paths):
        text = path.read_text(encoding="utf-8")
        new, count, unsure = rewrite(text, EXTRA_RECEIVERS.get(path.as_posix(), set()), only_ours)
        for offset in unsure:
            line = text.count("\n", 0, offset) + 1
            print(f"look at {path}:{line}: {text.splitlines()[line - 1].strip()}")
        if count:
            total += count
            print(f"{'would rewrite' if args.check else 'rewrote'} {count:4} in {path}")
            if not args.check:
                path.write_text(new, encoding="utf-8")
    print(f"{total} call(s) {'to rewrite' if args.check else 'rewritten'}")
    return 1 if args.check and total else 0


if __name__ == "__main__":
    sys.exit(main())
