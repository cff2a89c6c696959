"""One data folder, one writer: a second launch brings the first window forward; CLI commands wait their turn.

Second launches run in real child processes where it matters (a QLockFile held by a live, a killed or a hung
process); two `SingleInstance` objects in this process check the folder-to-name rules.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from iphr_desk.core.paths import db_path_for
from iphr_desk.core.store.database import Store
from iphr_desk.gui.single_instance import LOCK_NAME, Launch, SingleInstance, bring_forward, server_name

LAUNCH = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QCoreApplication
    from iphr_desk.gui.single_instance import SingleInstance
    app = QCoreApplication([])
    instance = SingleInstance()
    owner = instance.acquire(sys.argv[1])
    print("owner" if owner else instance.result.value, flush=True)
    print(instance.message(), flush=True)
    if owner and sys.argv[2] == "hold":
        time.sleep(600)  # owns the folder and never runs its event loop: alive but not answering
    """
)


def launch(folder: Path, mode: str = "ask") -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", LAUNCH, str(folder), mode], stdout=subprocess.PIPE, text=True
    )


def first_line(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    return process.stdout.readline().strip()


def test_second_launch_brings_the_first_forward(qtbot: QtBot, data_dir: Path) -> None:
    first = SingleInstance()
    assert first.acquire(data_dir)
    assert first.result == Launch.OWNER and first.message() == ""
    with qtbot.waitSignal(first.activationRequested, timeout=20_000):
        second = launch(data_dir)
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=20_000)  # our loop answers meanwhile
    out, _ = second.communicate()
    assert out.splitlines()[0] == Launch.ACTIVATED.value
    assert out.splitlines()[1].startswith("IPHR Desk is already open on this data folder")
    first.release()


def test_a_second_object_in_the_same_process_is_refused(qtbot: QtBot, data_dir: Path) -> None:
    first, second = SingleInstance(), SingleInstance()
    assert first.acquire(data_dir)
    with qtbot.waitSignal(first.activationRequested, timeout=10_000):
        assert not second.acquire(data_dir)
    first.release()
    third = SingleInstance()
    assert third.acquire(data_dir), "a released folder can be owned again"
    third.release()


def test_other_folders_are_independent(tmp_path: Path) -> None:
    one, two = SingleInstance(), SingleInstance()
    assert one.acquire(tmp_path / "one")
    assert two.acquire(tmp_path / "two")
    assert server_name(tmp_path / "one") != server_name(tmp_path / "two")
    assert server_name(tmp_path / "one") == server_name(tmp_path / "x" / ".." / "one")
    assert oct((tmp_path / "one").stat().st_mode & 0o777) == oct(0o700)
    one.release()
    two.release()


def test_a_killed_owner_leaves_a_stale_lock_that_the_next_launch_takes_over(
    qtbot: QtBot, data_dir: Path
) -> None:
    owner = launch(data_dir, "hold")
    assert first_line(owner) == "owner"
    owner.send_signal(signal.SIGKILL)
    owner.wait()
    assert (data_dir / LOCK_NAME).exists(), "a killed process cannot remove its lock"
    successor = SingleInstance()
    assert successor.acquire(data_dir)
    with qtbot.waitSignal(successor.activationRequested, timeout=20_000):  # and it listens again
        third = launch(data_dir)
        qtbot.waitUntil(lambda: third.poll() is not None, timeout=20_000)
    assert third.communicate()[0].splitlines()[0] == Launch.ACTIVATED.value
    successor.release()


def test_a_live_owner_that_does_not_answer_keeps_the_folder(data_dir: Path) -> None:
    owner = launch(data_dir, "hold")
    try:
        assert first_line(owner) == "owner"
        second = SingleInstance()
        assert not second.acquire(data_dir)
        assert second.result == Launch.IN_USE
        assert second.message().startswith("IPHR Desk is already open on this data folder")
        assert f"process {owner.pid}" in second.message()
    finally:
        owner.kill()
        owner.wait()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write in a read-only folder")
def test_a_folder_that_cannot_hold_a_lock_is_left_to_the_store_to_report(tmp_path: Path) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        guard = SingleInstance()
        assert guard.acquire(folder)
        assert guard.result == Launch.UNGUARDED
        assert guard.acquire(folder / "cannot" / "be" / "made")
        assert guard.result == Launch.UNGUARDED
    finally:
        folder.chmod(0o700)


def test_bring_forward_restores_a_minimised_window(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    bring_forward(window)
    assert window.isVisible() and not window.isMinimized()


LETTER = """---
language: en
place: Brussels
date: 2024-03-14
subject: Busy database
recipient:
  name: Kaja Kallas
  office: member_of_parliament
signatories:
  - name: Brigitte Dufour
---
A letter imported while another program writes.
"""


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="watches the command's open files in /proc")
def test_cli_import_waits_while_another_program_writes(tmp_path: Path) -> None:
    """The command opens the store while a write transaction is held for a second, and still succeeds."""
    folder = tmp_path / "data"
    Store.open(folder).close()
    source = tmp_path / "letter.md"
    source.write_text(LETTER, encoding="utf-8")
    holder = sqlite3.connect(db_path_for(folder), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("CREATE TABLE holding_the_lock (x)")
    env = {k: v for k, v in os.environ.items() if not k.startswith("IPHR_DESK_")}
    command = [sys.executable, "-m", "iphr_desk", "--data-dir", str(folder), "import", str(source)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        while not _has_open(process.pid, db_path_for(folder)) and process.poll() is None:
            time.sleep(0.01)
        time.sleep(1.0)  # the command now waits on the lock
        assert process.poll() is None, "the command gave up instead of waiting"
        holder.execute("ROLLBACK")
        out, err = process.communicate(timeout=60)
    finally:
        holder.close()
    assert process.returncode == 0, err
    with Store.open(folder) as store:
        from iphr_desk.core.store.repository import letters as letter_repo

        assert letter_repo.get_letter(store, int(out.split()[0])).subject == "Busy database"


def _has_open(pid: int, path: Path) -> bool:
    try:
        links = [os.readlink(entry) for entry in Path(f"/proc/{pid}/fd").iterdir()]
    except OSError:
        return False
    return str(path.resolve()) in links
