"""The writer the kill-safety test kills, and the process that starts it.

`python kill_writer.py DATA_DIR OFFER_ID` imports DeliveryDesk once and then serves the
test on stdin: `run ACK_FILE` forks a writer (no database is open at the fork; the writer
opens its own) and answers `started PID`; `kill` kills that writer with SIGKILL at once,
reaps it and answers `killed`. A fork starts a writer in a millisecond where a fresh
interpreter takes a second, so 50 kills fit in a test run.

The writer commits through the services in a loop and appends one line per acknowledged
record to ACK_FILE, only after its transaction returned: `client ID`, `journey ID`,
`note ID`, `done STEP_ID`, `moved JOURNEY_ID`; `ready` comes first.
"""

from __future__ import annotations

import os
import signal
import sys
from datetime import date
from pathlib import Path

from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.services.clients.clients import ClientInput, add_client, enrol_client
from deliverydesk.services.context import open_workspace
from deliverydesk.services.journeys.detail import journey_detail
from deliverydesk.services.journeys.journeys import add_note, complete_step, move_to_phase

TODAY = date(2026, 11, 23)


def write(folder: Path, offer_id: int, acks: Path) -> None:
    fd = os.open(acks, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def ack(line: str) -> None:
        os.write(fd, f"{line}\n".encode())  # reaches the file even if killed right after

    ctx = open_workspace(folder, FixedClock(TODAY))
    ack("ready")
    n = 0
    while True:
        n += 1
        client_id = add_client(ctx, ClientInput(f"Kill Test {os.getpid()}-{n}")).value
        ack(f"client {client_id}")
        journey_id = enrol_client(ctx, client_id, offer_id, TODAY).value
        ack(f"journey {journey_id}")
        ack(f"note {add_note(ctx, journey_id, f'Kickoff notes {n}').value}")
        first = journey_detail(ctx, journey_id).phases[0].steps[0].id
        complete_step(ctx, first, TODAY)
        ack(f"done {first}")
        move_to_phase(ctx, journey_id, 1, override=True)
        ack(f"moved {journey_id}")


def serve(folder: Path, offer_id: int) -> None:
    writer = 0
    for line in sys.stdin:
        command, *rest = line.split()
        if command == "run":
            writer = os.fork()
            if writer == 0:
                try:
                    write(folder, offer_id, Path(rest[0]))
                finally:
                    os._exit(1)  # never back into this loop
            print(f"started {writer}", flush=True)
        elif command == "kill":
            os.kill(writer, signal.SIGKILL)
            _pid, status = os.waitpid(writer, 0)
            print(f"killed {os.WTERMSIG(status) if os.WIFSIGNALED(status) else -1}", flush=True)


if __name__ == "__main__":
    serve(Path(sys.argv[1]), int(sys.argv[2]))
