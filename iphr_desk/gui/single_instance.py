"""One data folder, one window: a second launch on the same folder brings the first window forward.

Two windows writing the same letters would each autosave over the other's typing. A `QLockFile` in the
data folder says who owns it; the owner listens on a `QLocalServer` (a local socket or named pipe, never the
network) whose name is derived from the folder, and a second launch asks it to come forward instead of
opening the store.

A lock left by a crashed or killed app is stale: Qt sees that its process is gone (same host) and the next
launch takes the folder over. A lock whose owner is alive but does not answer (busy, hung, or on another
computer sharing the folder) is not taken over: that would make two writers; the user is told the folder is
in use.
"""

from __future__ import annotations

import time
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, Signal

if TYPE_CHECKING:
    from PySide6 import QtNetwork
    from PySide6.QtWidgets import QWidget

LOCK_NAME = "iphr-desk.lock"
ACTIVATE = b"activate\n"
ANSWER = b"ok\n"
CONNECT_WAIT_S = 2.0  # the first launch may hold the lock a moment before it listens
ANSWER_WAIT_MS = 2000


class Launch(StrEnum):
    """How `acquire` ended: this launch owns the folder, or another one does."""

    OWNER = "owner"
    ACTIVATED = "activated"  # the other window was asked to come forward and said it did
    IN_USE = "in_use"  # another live program holds the folder and did not answer
    UNGUARDED = "unguarded"  # the folder cannot hold a lock (missing rights): the store will say why


def _tr(text: str) -> str:
    return QCoreApplication.translate("SingleInstance", text)


def _local_sockets() -> tuple[type[QtNetwork.QLocalServer], type[QtNetwork.QLocalSocket]]:
    """Qt's local sockets, loaded when the guard listens or knocks: not before the window's first paint."""
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

    return QLocalServer, QLocalSocket


def server_name(data_dir: Path) -> str:
    """The same name for every spelling of the same folder and user; short enough for a socket path."""
    import getpass
    import hashlib

    folder = str(Path(data_dir).expanduser().resolve())
    digest = hashlib.sha256(f"{getpass.getuser()}\0{folder}".encode()).hexdigest()
    return f"iphr-desk-{digest[:24]}"


class SingleInstance(QObject):
    """Owns a data folder for this process; keep it alive (parent it to the app) while the window is open."""

    #: A second launch on this folder asked for the window to come forward.
    activationRequested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.result: Launch | None = None
        self.owner_info = ""
        self._lock: QLockFile | None = None
        self._server: QtNetwork.QLocalServer | None = None
        self._folder: Path | None = None

    def acquire(self, data_dir: Path | str, *, listen: bool = True) -> bool:
        """True when this process may open the folder (and listens); False when another launch owns it.

        A folder that cannot be created or locked (no rights) is not this guard's to refuse: the app goes on
        and the store's own message says what is wrong with the folder. Without `listen` the owner only
        takes the lock; `listen()` later answers the launches that knock (they wait `CONNECT_WAIT_S`).
        """
        folder = Path(data_dir).expanduser()
        self._folder = folder
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)  # as the store makes it: private
        except OSError:
            self.result = Launch.UNGUARDED
            return True
        lock = QLockFile(str(folder / LOCK_NAME))
        lock.setStaleLockTime(0)  # never stale by age: only when its process is gone
        if lock.tryLock(0):
            self._lock = lock
            self.result = Launch.OWNER
            if listen:
                self.listen()
            return True
        if lock.error() != QLockFile.LockError.LockFailedError:
            self.result = Launch.UNGUARDED
            return True
        self.owner_info = _describe_owner(lock)
        self.result = Launch.ACTIVATED if _ask_to_activate(server_name(folder)) else Launch.IN_USE
        return False

    def message(self) -> str:
        """What to tell the user who launched a second time (empty for the owner)."""
        if self.result == Launch.ACTIVATED:
            return _tr("IPHR Desk is already open on this data folder: its window has been brought forward.")
        if self.result == Launch.IN_USE:
            return _tr(
                "IPHR Desk is already open on this data folder (%1) but does not answer. "
                "Close it, or wait until it has finished, then try again."
            ).replace("%1", self.owner_info)
        return ""

    def release(self) -> None:
        """Stop listening and give the folder up (also done when the process ends, even by a crash)."""
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def listen(self) -> None:
        """Answer the launches that knock; only the owner of the folder's lock listens, once."""
        if self._lock is None or self._server is not None or self._folder is None:
            return
        QLocalServer, _ = _local_sockets()
        name = server_name(self._folder)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)  # only this user may knock
        QLocalServer.removeServer(name)  # a socket file left by a crashed owner; we hold the lock now
        if server.listen(name):
            server.newConnection.connect(self._on_connection)
            self._server = server

    def _on_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._on_message(s))
            if socket.bytesAvailable():
                self._on_message(socket)

    def _on_message(self, socket: QtNetwork.QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        asked = bytes(socket.readLine().data()) == ACTIVATE
        if asked:
            socket.write(ANSWER)
            socket.flush()
        socket.readyRead.disconnect()
        socket.disconnectFromServer()
        socket.deleteLater()
        if asked:
            self.activationRequested.emit()


def _ask_to_activate(name: str) -> bool:
    """Knock on the owner's door; True when it answered (it brings its window forward)."""
    _, QLocalSocket = _local_sockets()
    socket = QLocalSocket()
    deadline = time.monotonic() + CONNECT_WAIT_S
    while True:
        socket.connectToServer(name)
        if socket.waitForConnected(200):
            break
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    socket.write(ACTIVATE)
    socket.waitForBytesWritten(ANSWER_WAIT_MS)
    answered = socket.waitForReadyRead(ANSWER_WAIT_MS) and bytes(socket.readLine().data()) == ANSWER
    socket.disconnectFromServer()
    return answered


def _describe_owner(lock: QLockFile) -> str:
    info = lock.getLockInfo()  # PySide6: (pid, hostname, appname), or not a tuple when unreadable
    if not isinstance(info, tuple) or len(info) != 3:
        return _tr("owner unknown")
    pid, host, _app = info
    return _tr("process %1 on %2").replace("%1", str(pid)).replace("%2", host or "?")


def bring_forward(window: QWidget) -> None:
    """Show the window un-minimised and on top (the desktop may only flash it in the task bar)."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
