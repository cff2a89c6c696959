"""A killed export's leftovers: real child processes killed with SIGKILL mid-write, then the next export.

A process killed outright cannot remove its temporary file, which holds the whole letter: in the
output folder for a .docx, in a work folder for the PDF's intermediate .docx. The next export into
the folder (the next conversion, for the work folder) must remove what a dead process left, say so
in one line, and never touch the file of a process that is still running.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from badinput import GOOD_LETTER

from iphr_desk.cli import main
from iphr_desk.core import safewrite
from iphr_desk.core.export import pdf
from iphr_desk.core.safewrite import TEMP_PREFIX, owner_is_gone, owner_tag, process_start

ROOT = Path(__file__).resolve().parent.parent

#: The child runs the real command with one function replaced by a pause at the chosen moment.
CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path

    def pause(*args, **kwargs):
        print("ready", flush=True)
        time.sleep(600)

    if sys.argv[1] == "docx":
        from docx.document import Document

        original = Document.save

        def save(self, target):
            if not hasattr(target, "name"):  # the template cache saves the letterhead into memory first
                return original(self, target)
            target.write(b"PK\\x03\\x04 the first bytes of the letter")  # the temporary file is open
            pause()

        Document.save = save
    else:
        from iphr_desk.core.export import pdf

        pdf.find_soffice = lambda: "soffice"
        pdf.subprocess.run = pause  # the intermediate .docx is written; LibreOffice "runs"

    from iphr_desk.cli import main

    sys.exit(main(sys.argv[2:]))
    """
)


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "out").mkdir()
    (tmp_path / "good.md").write_bytes(GOOD_LETTER.read_bytes())
    (tmp_path / "runtime").mkdir(mode=0o700)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("IPHR_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "runtime"))
    monkeypatch.delenv("IPHR_DESK_DEBUG", raising=False)
    return tmp_path


def _start(work: Path, mode: str, *argv: str) -> subprocess.Popen[str]:
    """The command in a child process, paused at the moment of `mode` ("docx" or "pdf")."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, mode, *argv],
        cwd=work,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    if line.strip() != "ready":
        child.kill()
        _, err = child.communicate()
        pytest.fail(f"the child did not reach the pause: {line!r} {err}")
    return child


@pytest.fixture
def children() -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for child in started:
        if child.poll() is None:
            child.kill()
        child.communicate()


def _kill(child: subprocess.Popen[str]) -> None:
    os.kill(child.pid, signal.SIGKILL)
    child.communicate()
    assert child.returncode == -signal.SIGKILL


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX))


def test_a_killed_export_leaves_a_named_temporary_that_the_next_export_removes(
    work: Path, children: list[subprocess.Popen[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    child = _start(work, "docx", "export", "good.md", "-o", "out/letter.docx")
    children.append(child)
    _kill(child)
    [left] = _temporaries(work / "out")
    assert left.startswith(TEMP_PREFIX) and f"-{child.pid}-" in left  # the name says whose it was

    status = main(["export", "good.md", "-o", "out/second.docx"])

    captured = capsys.readouterr()
    assert status == 0
    assert captured.err.splitlines() == [
        f"iphr-desk: notice: removed a temporary file left in out by an export that was killed ({left})"
    ]
    assert captured.out.splitlines() == ["out/second.docx"]
    assert _temporaries(work / "out") == []
    assert sorted(p.name for p in (work / "out").iterdir()) == ["second.docx"]


def test_the_temporary_of_an_export_still_running_is_left_alone(
    work: Path, children: list[subprocess.Popen[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    running = _start(work, "docx", "export", "good.md", "-o", "out/letter.docx")
    children.append(running)
    [theirs] = _temporaries(work / "out")
    killed = _start(work, "docx", "export", "good.md", "-o", "out/other.docx")
    children.append(killed)
    _kill(killed)
    [stale] = [name for name in _temporaries(work / "out") if name != theirs]

    assert main(["export", "good.md", "-o", "out/third.docx"]) == 0

    assert _temporaries(work / "out") == [theirs]
    assert f"({stale})" in capsys.readouterr().err
    assert running.poll() is None  # asking whether it lives did not harm it


def test_a_killed_pdf_conversion_leaves_its_letter_only_in_a_private_folder_cleaned_next_time(
    work: Path,
    children: list[subprocess.Popen[str]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    child = _start(work, "pdf", "export", "good.md", "--pdf", "-o", "out/letter.pdf")
    children.append(child)
    root = work / "runtime" / "iphr-desk" / "pdf"
    [folder] = list(root.iterdir())
    assert (folder / "letter0000.docx").is_file()  # the intermediate letter is here, not in /tmp
    assert stat.S_IMODE(root.stat().st_mode) == stat.S_IMODE(folder.stat().st_mode) == 0o700
    _kill(child)
    assert folder.is_dir()

    def convert(command: list[str], **kwargs: object) -> None:
        out = Path(command[command.index("--outdir") + 1])
        out.mkdir()
        for source in command[command.index("--outdir") + 2 :]:
            (out / (Path(source).stem + ".pdf")).write_bytes(b"%PDF-1.7 converted")

    monkeypatch.setattr(pdf, "find_soffice", lambda: "soffice")
    monkeypatch.setattr(pdf.subprocess, "run", convert)
    assert main(["export", "good.md", "--pdf", "-o", "out/second.pdf"]) == 0

    assert list(root.iterdir()) == []  # the killed conversion's folder and this one's are gone
    assert (work / "out" / "second.pdf").read_bytes() == b"%PDF-1.7 converted"
    assert _temporaries(work / "out") == []  # the killed export's .pdf temporary, reported:
    assert "notice: removed a temporary file left in out" in capsys.readouterr().err


def test_without_a_runtime_folder_the_work_goes_to_the_private_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    with pdf.private_work_folder() as folder:
        assert folder.parent == tmp_path / "cache" / "iphr-desk" / "pdf"
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert folder.name.startswith(owner_tag())
    assert not folder.exists()


def test_a_reused_process_id_does_not_keep_a_dead_owner_alive() -> None:
    start = process_start(os.getppid())
    assert start is not None  # Linux: /proc tells the start time
    parent = owner_tag(os.getppid())
    assert not owner_is_gone(parent + "abcd1234.tmp")
    reused = parent.replace(f"-{start}-", f"-{int(start) + 1}-")
    assert owner_is_gone(reused + "abcd1234.tmp")


def test_other_machines_and_old_style_names_are_not_judged_by_our_processes(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    pid = int(dead.stdout)
    other_host = f"{TEMP_PREFIX}00000000-{pid}-x-abcd1234.tmp"
    fresh_old_style = f"{TEMP_PREFIX}abcd1234.tmp"
    mine_dead = f"{TEMP_PREFIX}{owner_tag()}".replace(f"-{os.getpid()}-", f"-{pid}-") + "abcd1234.tmp"
    for name in (other_host, fresh_old_style, mine_dead):
        (tmp_path / name).write_bytes(b"letter")
    (tmp_path / f"{TEMP_PREFIX}{owner_tag()}".replace(f"-{os.getpid()}-", f"-{pid}-")).mkdir()

    removed = safewrite.remove_stale_temporaries(tmp_path)

    assert [p.name for p in removed] == [mine_dead]
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == sorted([other_host, fresh_old_style])
