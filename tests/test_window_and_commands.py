"""The window and the command line on one data folder: every command works beside the open window, or
says in one line that the window holds the folder, and nothing is ever damaged.

A real window runs in a subprocess (tests/crash/window_driver.py, offscreen) with a letter open and typed
into. Every documented command then runs against the same folder, and after each one the window's open
files must still be the live database, WAL and shared memory: before the fix, any command made the window
lose its SQLite locks (the header of the database was read with `open()` while its connections were
open), so the command's last close deleted the WAL from under the window, and the window's next write
damaged the database. Then the window writes again, sees what the commands stored, and closes; the
folder must pass `integrity_check` and hold every letter from both sides.

`make soak` runs it `IPHR_SOAK_REPEAT` times (20).
"""

from __future__ import annotations

import os
import queue
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from iphr_desk.core.demo import load_demo
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import letter_lists
from iphr_desk.core.store.repository import letters as letter_repo

ROOT = Path(__file__).resolve().parent.parent
DRIVER = ROOT / "tests" / "crash" / "window_driver.py"
LETTER = ROOT / "tests" / "data" / "letters" / "fr_pre_visit.md"
REPEAT = int(os.environ.get("IPHR_SOAK_REPEAT", "1"))
ANSWER_TIMEOUT_S = 60.0

pytestmark = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc/PID/fd (Linux)")


def child_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IPHR_DESK_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CONFIG_HOME"] = str(home / "config")
    env["PYTHONPATH"] = str(ROOT)
    return env


class Window:
    """The window subprocess: orders in, one answer line each."""

    def __init__(self, folder: Path, home: Path) -> None:
        self.stderr = (home / "window-stderr.txt").open("w")
        self.process = subprocess.Popen(
            [sys.executable, str(DRIVER), str(folder)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.stderr,
            text=True,
            env=child_env(home),
        )
        self.answers: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.stderr_path = home / "window-stderr.txt"
        first = self.answer()
        assert first.startswith("ready"), first
        self.pid = self.process.pid

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.answers.put(line.strip())
        self.answers.put("eof")

    def answer(self) -> str:
        try:
            line = self.answers.get(timeout=ANSWER_TIMEOUT_S)
        except queue.Empty:
            raise AssertionError(f"the window did not answer: {self.stderr_path.read_text()}") from None
        assert not line.startswith(("error", "eof")), f"{line}: {self.stderr_path.read_text()}"
        return line

    def order(self, line: str) -> str:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        return self.answer()

    def store_files(self) -> list[str]:
        """The window's open files in the data folder, as /proc shows them."""
        found = []
        for fd in os.listdir(f"/proc/{self.pid}/fd"):
            try:
                target = os.readlink(f"/proc/{self.pid}/fd/{fd}")
            except OSError:
                continue
            if "iphr-desk.sqlite3" in target:
                found.append(target)
        return found

    def close(self) -> int:
        assert self.process.stdin is not None
        self.process.stdin.write("quit\n")
        self.process.stdin.flush()
        status = self.process.wait(timeout=ANSWER_TIMEOUT_S)
        self.stderr.close()
        return status


def cli(folder: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IPHR_DESK_")}
    env["IPHR_DESK_PASSPHRASE"] = "a passphrase for the encrypt attempt"
    return subprocess.run(
        [sys.executable, "-m", "iphr_desk", "--data-dir", str(folder), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
    )


def letterhead_docx(path: Path) -> Path:
    from docx import Document

    Document().save(str(path))
    return path


@pytest.mark.parametrize("round_", range(REPEAT))
def test_every_command_beside_an_open_window_damages_nothing(tmp_path: Path, round_: int) -> None:
    folder = tmp_path / "data"
    with Store.open(folder) as store:
        load_demo(store)
        typed_into = letter_lists.letter_summaries(store)[0].id
    window = Window(folder, tmp_path)
    try:
        live = window.store_files()
        assert any(name.endswith("-wal") for name in live), live
        window.order(f"type {typed_into} typed before the commands")
        imported: list[int] = []
        # Every documented command, with the status it must end with beside the open window.
        commands: list[tuple[tuple[str, ...], int]] = [
            (("list", "letters"), 0),
            (("list", "cases"), 0),
            (("import", str(LETTER)), 0),
            (("export", "--id", str(typed_into), "-o", str(tmp_path / "stored.docx")), 0),
            (("export", str(LETTER), "-o", str(tmp_path / "file.docx")), 0),
            (("backup", "list"), 0),
            (("backup", "create"), 0),
            (("demo",), 0),
            (("letterhead", "add", "plain", str(letterhead_docx(tmp_path / "head.docx"))), 0),
            (("dev", "generate", "--cases", "2", "--letters", "3"), 0),
            (("encrypt",), 1),  # the window holds the folder: told in one line, nothing changed
            (("backup", "restore"), 1),  # likewise (the newest backup)
            (("import", str(LETTER)), 0),
        ]
        for args, status in commands:
            done = cli(folder, *args, cwd=tmp_path)
            assert done.returncode == status, (args, done.stdout, done.stderr)
            assert "Traceback" not in done.stderr, done.stderr
            if status == 1:
                assert done.stderr.strip().splitlines() == [
                    f"iphr-desk: The store in {folder} is open in another IPHR Desk window or command; "
                    "close it, then try again."
                ], done.stderr
            if args[0] == "import":
                imported.append(int(done.stdout.split()[0]))
            files = window.store_files()
            assert not [name for name in files if name.endswith("(deleted)")], (args, files)
        window.order(f"type {typed_into} typed after the commands")
        added = int(window.order("add Written by the window after the commands").split()[1])
        shown = int(window.order("refresh").split()[1])
    finally:
        status = window.close()
    assert status == 0, window.stderr_path.read_text()

    conn = sqlite3.connect(folder / "iphr-desk.sqlite3")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()
    with Store.open(folder) as store:
        ids = {row.id for row in letter_lists.letter_summaries(store)}
        assert set(imported) | {added, typed_into} <= ids
        assert shown == len(ids)  # the window's refresh saw every letter the commands stored
        body = letter_repo.get_letter(store, typed_into).body
    assert "typed before the commands" in body and "typed after the commands" in body
    assert not crypto_is_encrypted(folder)


def crypto_is_encrypted(folder: Path) -> bool:
    from iphr_desk.core.store.crypto import is_encrypted

    return is_encrypted(folder / "iphr-desk.sqlite3")


def test_a_header_read_in_a_process_with_open_connections_keeps_its_locks(tmp_path: Path) -> None:
    """The root cause, without a window: asking whether the file is encrypted while connections are open
    used to open and close a descriptor on it, which drops the process's SQLite locks."""
    from iphr_desk.core.store.connection import is_plain_sqlite

    folder = tmp_path / "data"
    with Store.open(folder) as store:
        load_demo(store)
    store = Store.open(folder)
    try:
        with store.engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM letters").fetchall()
            assert is_plain_sqlite(store.db_path)
            done = cli(folder, "list", "letters", cwd=tmp_path)
            assert done.returncode == 0, done.stderr
            deleted = [
                os.readlink(f"/proc/self/fd/{fd}")
                for fd in os.listdir("/proc/self/fd")
                if "iphr-desk.sqlite3" in _link(fd)
            ]
            assert deleted and not [name for name in deleted if name.endswith("(deleted)")], deleted
    finally:
        store.close()
    time.sleep(0)


def _link(fd: str) -> str:
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return ""
