"""The app's everyday journey with the network forbidden (the no-network test's driver).

Usage: python tests/crash/offline_journey.py DATA_DIR WORK_DIR LETTER_FILE

Before anything of IPHR Desk is imported, Python's sockets are made to fail (`socket.socket` and
`socket.create_connection` raise for anything but a local AF_UNIX socket) and an audit hook records, then
refuses, every network event Python knows (socket creation, connect, bind, name lookups, urllib, http.client,
the web browser). Then the journey runs as a user would: the main window opens on the data folder (the
single-instance guard first, as the app does), the demo loads, a letter opens in the editor and is typed
into, the list is searched, a letter file is imported and a stored letter exported with the CLI.

At the end it prints one JSON report: the network events attempted, the sockets this process still has open
that are not local (from /proc/self/fd against /proc/self/net), and which modules imported PySide6.QtNetwork.
It prints nothing else, so the test can also check that no letter text reached stdout or stderr.
"""

from __future__ import annotations

import json
import socket
import sys
from pathlib import Path
from typing import Any

ATTEMPTS: list[str] = []
NETWORK_EVENTS = {
    "socket.__new__",
    "socket.connect",
    "socket.bind",
    "socket.sendto",
    "socket.sendmsg",
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyaddr",
    "socket.getnameinfo",
    "urllib.Request",
    "http.client.connect",
    "ftplib.connect",
    "smtplib.connect",
    "webbrowser.open",
}


def _local(event: str, args: tuple[Any, ...]) -> bool:
    """AF_UNIX sockets are local IPC (the single-instance guard), not the network."""
    if event == "socket.__new__":
        return len(args) > 1 and args[1] == socket.AF_UNIX
    if event in ("socket.connect", "socket.bind"):
        return getattr(args[0], "family", None) == socket.AF_UNIX
    return False


def audit(event: str, args: tuple[Any, ...]) -> None:
    if event in NETWORK_EVENTS and not _local(event, args):
        ATTEMPTS.append(f"{event} {args[1:]!r}"[:300])
        raise OSError(f"IPHR Desk must not use the network ({event})")


class NoNetworkSocket(socket.socket):
    def __init__(self, family: Any = -1, *args: Any, **kwargs: Any) -> None:
        if family != socket.AF_UNIX:
            ATTEMPTS.append(f"socket.socket(family={family!r})")
            raise OSError("IPHR Desk must not use the network (socket.socket)")
        super().__init__(family, *args, **kwargs)


def refuse_connection(*args: Any, **kwargs: Any) -> socket.socket:
    ATTEMPTS.append(f"socket.create_connection{args!r}"[:300])
    raise OSError("IPHR Desk must not use the network (socket.create_connection)")


sys.addaudithook(audit)
socket.socket = NoNetworkSocket  # type: ignore[misc]
socket.create_connection = refuse_connection


def inet_sockets() -> list[str]:
    """Open sockets of this process that TCP, UDP or raw IP know about (Linux /proc)."""
    inodes: set[str] = set()
    for table in ("tcp", "tcp6", "udp", "udp6", "raw", "raw6"):
        path = Path("/proc/self/net") / table
        if path.is_file():
            for line in path.read_text().splitlines()[1:]:
                fields = line.split()
                if len(fields) > 9:
                    inodes.add(fields[9])
    found = []
    for entry in Path("/proc/self/fd").iterdir():
        try:
            target = str(entry.readlink())
        except OSError:
            continue
        if target.startswith("socket:[") and target[8:-1] in inodes:
            found.append(target)
    return found


def run(data_dir: Path, work: Path, letter_file: Path) -> None:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from iphr_desk.cli import main as cli
    from iphr_desk.core.store.database import Store
    from iphr_desk.core.store.repository import letter_lists
    from iphr_desk.core.store.search import search_letters
    from iphr_desk.gui.app import make_application
    from iphr_desk.gui.context import AppContext
    from iphr_desk.gui.main_window import MainWindow
    from iphr_desk.gui.services import Services
    from iphr_desk.gui.settings import Settings
    from iphr_desk.gui.single_instance import SingleInstance

    class QuietServices(Services):
        """No modal boxes: a failure is raised, so the journey cannot hang on a dialog."""

        def error(self, parent: Any, title: str, text: str, details: str | None = None) -> None:
            raise RuntimeError(f"{title}: {text} {details or ''}")

        def info(self, parent: Any, title: str, text: str) -> None:
            pass

        def warning(self, parent: Any, title: str, text: str) -> None:
            raise RuntimeError(f"{title}: {text}")

        def ask_yes_no(self, parent: Any, title: str, text: str) -> bool:
            return True

    app = make_application(sys.argv[:1])
    guard = SingleInstance(app)
    assert guard.acquire(data_dir)
    services = QuietServices()
    settings = Settings(work / "settings.ini")
    window = MainWindow(settings, services)
    window.show()
    store = Store.open(data_dir)
    window.attach(AppContext(store=store, services=services, settings=settings, data_dir=data_dir))
    window.load_demo()
    QApplication.processEvents()

    letter_id = letter_lists.letter_summaries(store)[0].id
    editor: Any = window.open_letter(letter_id)
    editor.body.text.setFocus()
    QTest.keyClicks(editor.body.text, " Typed offline.")
    editor.flush()
    window.letter_model.set_search("detention")
    window.letter_model.wait_for_background()
    QApplication.processEvents()
    search_letters(store, "detention")

    folder = ["--data-dir", str(data_dir)]
    assert cli([*folder, "import", str(letter_file)]) == 0
    assert cli([*folder, "export", "--id", str(letter_id), "-o", str(work / "out.docx")]) == 0
    window.close()
    store.close()
    guard.release()


def main(argv: list[str]) -> int:
    data_dir, work, letter_file = Path(argv[1]), Path(argv[2]), Path(argv[3])
    real_stdout = sys.stdout
    sys.stdout = sys.stderr  # the CLI prints ids; the report alone goes to stdout
    try:
        run(data_dir, work, letter_file)
    finally:
        sys.stdout = real_stdout
        users = sorted(
            name
            for name, module in list(sys.modules.items())
            if name.startswith("iphr_desk")
            and any(getattr(v, "__module__", "") == "PySide6.QtNetwork" for v in vars(module).values())
        )
        report = {"attempts": ATTEMPTS, "inet_sockets": inet_sockets(), "qtnetwork_users": users}
        print(json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
