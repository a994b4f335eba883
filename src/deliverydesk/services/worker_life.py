"""Worker processes that never outlive the process that started them.

A batch's workers are forked by multiprocessing's fork server, not by the batch's own
process, so the kernel's "die with your parent" (Linux's PR_SET_PDEATHSIG) would tie them
to the fork server instead. What ties them to the right process, on every system, is a
lifeline: a pipe whose writing end only the batch's process holds. Each worker watches the
reading end in a thread; when the batch's process ends, however it ends (SIGKILL
included, the kernel closes its descriptors), or cuts the line on purpose (a stop, a
Ctrl+C, an error), the worker reads end-of-file and stops itself with SIGTERM, whose
handler removes the batch's temporary files and ends the process there and then.

Once the workers are gone, the fork server and multiprocessing's resource tracker see the
last holder of their own pipes close and exit too. On Windows, os.kill(SIGTERM) ends the
worker at once (TerminateProcess): no temporary file is removed there, the next start's
sweep does it (staging.py).
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from types import FrameType

GRACE = 5.0  # seconds a worker has to clean up once the lifeline is cut


class Lifeline:
    """The pipe; the batch's process keeps it whole while its workers may run."""

    def __init__(self, context: BaseContext) -> None:
        self.reader, self._writer = context.Pipe(duplex=False)

    def cut(self) -> None:
        """Tell every worker to stop now (safe to call twice)."""
        if not self._writer.closed:
            self._writer.close()
        if not self.reader.closed:
            self.reader.close()


def start_worker(lifeline: Connection) -> None:
    """A worker's initializer: stop on SIGTERM through SystemExit, leave SIGINT (a Ctrl+C
    reaches the whole process group) to the batch's process, and watch the lifeline."""
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch, args=(lifeline,), name="lifeline", daemon=True).start()


# What the work under way leaves if stopped (its temporary files); None between pieces.
_clean_up: Callable[[], None] | None = None


@contextmanager
def work(on_stop: Callable[[], None]) -> Iterator[None]:
    """Around each piece of a worker's work: a stop removes what `on_stop` names (the
    batch's temporary files) and ends the process at once."""
    global _clean_up
    _clean_up = on_stop
    try:
        yield
    finally:
        _clean_up = None


def _stop(signum: int, _frame: FrameType | None) -> None:
    """Clean up and end here, never by raising: an exception raised wherever the signal
    lands (inside SQLAlchemy's pool, a garbage-collector callback) would be caught, logged
    or printed in Python's words on the caller's terminal, or swallowed by the pool."""
    if _clean_up is not None:
        with suppress(OSError):
            _clean_up()
    os._exit(128 + signum)


def _watch(lifeline: Connection) -> None:
    with suppress(EOFError, OSError):
        lifeline.recv_bytes()  # nothing is ever sent: this returns at end-of-file
    os.kill(os.getpid(), signal.SIGTERM)
    # The SystemExit can land where the pool catches every exception (sending a result
    # back): then nothing else would end the process. Its clean-up has had time by now.
    time.sleep(GRACE)
    os._exit(128 + signal.SIGTERM)
