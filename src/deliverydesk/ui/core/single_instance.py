"""One DeliveryDesk per data folder: a second start asks the first to come forward, then
exits; two windows on one folder would each undo over the other's later work.

An OS lock on a file in the data folder says the folder is held (folder_lock.py: the
system lets go of it when that process ends, however it ends, and no process id is
trusted), and a QLocalServer keyed by the folder takes "come forward" requests from later
starts (Anki does the same).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDeadlineTimer, QObject, QThread, Signal

from deliverydesk.folder_lock import LOCK_NAME, FolderLock

if TYPE_CHECKING:  # QtNetwork is loaded after the first paint (~9 ms it need not wait for)
    from PySide6.QtNetwork import QLocalServer

__all__ = ["LOCK_NAME", "SingleInstance", "server_name"]

RAISE = b"raise\n"


def server_name(folder: Path) -> str:
    """A name for the folder's server, the same for every start on that folder and user."""
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    key = hashlib.sha256(f"{user}\0{folder.resolve()}".encode()).hexdigest()[:24]
    return f"deliverydesk-{key}"


class SingleInstance(QObject):
    """activated(): a later start on the same folder asked this window to come forward."""

    activated = Signal()

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = server_name(folder)
        self._lock = FolderLock(folder)
        self._server: QLocalServer | None = None

    def claim(self) -> bool:
        """True when this start has the folder to itself (`listen()` then hears later
        starts); False when another DeliveryDesk holds it."""
        # When no lock file can be made at all (a read-only folder), nothing here can be
        # changed either, so a second window could do no harm: go on without the guard.
        return self._lock.acquire() is not False

    def listen(self) -> None:
        """Take "come forward" requests from later starts (they retry until this listens)."""
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self._name)  # a socket left by a crashed start
        server.newConnection.connect(self._accept)
        server.listen(self._name)
        self._server = server

    def ask_first_to_come_forward(self, timeout_ms: int = 5000) -> bool:
        """Ask the DeliveryDesk holding the folder to bring its window forward. It may be
        a moment from listening (started a split second before this one): keep trying."""
        from PySide6.QtNetwork import QLocalSocket

        deadline = QDeadlineTimer(timeout_ms)
        while not deadline.hasExpired():
            socket = QLocalSocket()
            socket.connectToServer(self._name)
            if socket.waitForConnected(min(500, max(1, deadline.remainingTime()))):
                socket.write(RAISE)
                sent = socket.waitForBytesWritten(max(1, deadline.remainingTime()))
                socket.disconnectFromServer()
                return sent
            QThread.msleep(50)
        return False

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
        self._lock.release()

    def _accept(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            # The later start writes its request as soon as it is connected; a moment's
            # wait on a local socket reads it without a callback outliving this object.
            arrived = socket.bytesAvailable() or socket.waitForReadyRead(1000)
            if arrived and RAISE.strip() in bytes(socket.readAll().data()):
                self.activated.emit()
            socket.abort()
            socket.deleteLater()
