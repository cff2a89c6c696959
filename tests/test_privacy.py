"""No leaks: temporary files live in private folders and are gone afterwards; logs hold no letter text.

The letters name people in detention. A temporary .docx left in /tmp, a world-readable scratch folder, or a
log line quoting a paragraph would hand those names to anyone who gets the laptop.
"""

from __future__ import annotations

import logging
import os
import stat
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from iphr_desk.cli import main as cli
from iphr_desk.core.demo import load_demo
from iphr_desk.core.export.docx_export import export_letter, export_pdf
from iphr_desk.core.export.pdf import find_soffice
from iphr_desk.core.letters.letter import Letter
from iphr_desk.core.letters.letterfile import parse_letter_file
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import letter_lists
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.core.store.search import search_cases, search_letters

LETTER = Path(__file__).parent / "data" / "letters" / "fr_pre_visit.md"


class TempWatch:
    """Sees every path that appears under the temporary folder while an operation runs, with its mode."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.seen: dict[Path, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def __enter__(self) -> TempWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._scan()

    def _poll(self) -> None:
        while not self._stop.is_set():
            self._scan()
            self._stop.wait(0.002)

    def _scan(self) -> None:
        for dirpath, dirnames, filenames in os.walk(self.root):
            for name in (*dirnames, *filenames):
                path = Path(dirpath) / name
                try:
                    self.seen.setdefault(path, path.lstat().st_mode)
                except FileNotFoundError:
                    continue

    def top_level(self) -> dict[Path, int]:
        return {path: mode for path, mode in self.seen.items() if path.parent == self.root}


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, list[Path]]]:
    """TMPDIR pointed at an empty test folder; also returns every folder made by `tempfile.mkdtemp`."""
    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setenv("TMPDIR", str(root))
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    made: list[Path] = []
    real_mkdtemp: Callable[..., str] = tempfile.mkdtemp

    def spy(*args: object, **kwargs: object) -> str:
        path = real_mkdtemp(*args, **kwargs)
        made.append(Path(path))
        return path

    monkeypatch.setattr(tempfile, "mkdtemp", spy)
    yield root, made


@pytest.fixture(scope="module")
def demo_letter(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Letter]:
    folder = tmp_path_factory.mktemp("privacy") / "data"
    with Store.open(folder) as store:
        load_demo(store)
        letter = letter_repo.get_letter(store, letter_lists.letter_summaries(store)[0].id)
    return folder, letter


def assert_private_and_gone(root: Path, watch: TempWatch, made: list[Path]) -> None:
    assert list(root.iterdir()) == [], "temporary files were left behind"
    for path, mode in watch.top_level().items():
        assert stat.S_ISDIR(mode), f"a loose temporary file {path.name} (not in a private folder)"
        assert stat.S_IMODE(mode) == 0o700, f"{path.name} was {oct(stat.S_IMODE(mode))}, not private"
    for path in made:
        assert path.parent == root and path in watch.seen, f"{path} made outside the watched folder"


def test_docx_export_leaves_no_temporary_file(
    private_tmp: tuple[Path, list[Path]], demo_letter: tuple[Path, Letter], tmp_path: Path
) -> None:
    root, made = private_tmp
    data_dir, letter = demo_letter
    out = tmp_path / "out"
    out.mkdir()
    with TempWatch(root) as watch:
        export_letter(letter, out / "letter.docx", data_dir=data_dir)
    assert_private_and_gone(root, watch, made)
    assert [p.name for p in out.iterdir()] == ["letter.docx"], "the export's own temporary file stayed"


@pytest.mark.libreoffice
@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed")
def test_pdf_export_works_in_a_private_folder_and_removes_it(
    private_tmp: tuple[Path, list[Path]],
    demo_letter: tuple[Path, Letter],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The conversion's .docx lives in a 0700 folder of this user's runtime folder (not the shared /tmp,
    where a killed conversion would leave it for anyone), and the folder is gone afterwards."""
    root, made = private_tmp
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    data_dir, letter = demo_letter
    out = tmp_path / "out"
    out.mkdir()
    with TempWatch(runtime) as watch, TempWatch(root) as shared:
        export_pdf(letter, out / "letter.pdf", data_dir=data_dir)
    assert (out / "letter.pdf").read_bytes().startswith(b"%PDF")
    work = runtime / "iphr-desk" / "pdf"
    assert made and all(path.parent == work for path in made), "the conversion works in its private folder"
    assert list(work.iterdir()) == [], "the conversion's folder was left behind"
    ours = {path: mode for path, mode in watch.seen.items() if work.parent in (path, *path.parents)}
    for path, mode in ours.items():  # (LibreOffice keeps its own dconf state in the runtime folder too)
        assert stat.S_ISDIR(mode) or work in path.parents, f"{path} outside a conversion folder"
        if path in (work.parent, work) or path.parent == work:  # what lies below these is theirs
            assert stat.S_IMODE(mode) == 0o700, f"{path} was {oct(stat.S_IMODE(mode))}, not private"
    assert not [p for p in shared.seen if not stat.S_ISDIR(shared.seen[p])], "a loose file in TMPDIR"
    assert list(root.iterdir()) == []
    assert [p.name for p in out.iterdir()] == ["letter.pdf"]


def test_the_data_folder_is_private(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "data"
    Store.open(folder).close()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def letter_secrets() -> list[str]:
    """Phrases of the test letter's body, its people's names and its subject."""
    letter = parse_letter_file(LETTER)
    return [
        *(line.strip()[:30] for line in letter.body.splitlines() if len(line.strip()) > 20),
        *(recipient.name for recipient in letter.recipients),
        *(signatory.name for signatory in letter.signatories),
        letter.subject,
    ]


def import_search_export(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The CLI's import and export, a search, a backup: everything that reads or writes letter text."""
    where = ["--data-dir", str(folder)]
    assert cli([*where, "demo"]) == 0
    assert cli([*where, "import", str(LETTER)]) == 0
    letter_id = int(capsys.readouterr().out.split()[-1])
    with Store.open(folder) as store:
        word = parse_letter_file(LETTER).body.split()[5]
        assert search_letters(store, word), "the search found the letter"
        search_cases(store, word)
    assert cli([*where, "export", "--id", str(letter_id), "-o", str(folder.parent / "out.docx")]) == 0
    assert cli([*where, "backup", "create"]) == 0


def logged_text(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(
        f"{record.name} {record.getMessage()} {record.exc_text or ''}" for record in caplog.records
    )


def test_logs_hold_no_letter_text_or_names(
    caplog: pytest.LogCaptureFixture, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Import, search and export with logging at DEBUG: not one line quotes the letter or its people."""
    secrets = letter_secrets()
    assert len(secrets) >= 4
    caplog.set_level(logging.DEBUG)  # as `logging.basicConfig(level=logging.DEBUG)` would
    import_search_export(tmp_path / "data", capsys)
    assert caplog.records, "the capture sees the libraries' debug lines"
    logged = logged_text(caplog)
    for secret in secrets:
        assert secret not in logged, f"the log quotes {secret!r}"


def test_the_sql_trace_holds_no_letter_text_either(
    caplog: pytest.LogCaptureFixture, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Switching SQLAlchemy's SQL log on (the first step of debugging a user's store) shows the statements,
    never their values: the letters' text and names are the values."""
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.INFO, logger="sqlalchemy.engine")
    import_search_export(tmp_path / "data", capsys)
    logged = logged_text(caplog)
    assert "INSERT INTO letters" in logged, "the SQL trace is on"
    for secret in letter_secrets():
        assert secret not in logged, f"the SQL log quotes {secret!r}"
