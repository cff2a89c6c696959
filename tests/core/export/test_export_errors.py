"""Failures never damage what the user had: clear errors, no partial files, no temp files left."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from export_samples import FIXED_NOW, FR_BODY, FR_FRAME, batch_frames, batch_letter
from readback import schema_errors

from iphr_desk.core import safewrite
from iphr_desk.core.errors import ExportError, OutputPathError
from iphr_desk.core.export import docx_export
from iphr_desk.core.export.docx_export import export_batch, export_frame


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(safewrite.TEMP_PREFIX))


def test_output_that_is_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputPathError, match="is a folder"):
        export_frame(FR_FRAME, FR_BODY, tmp_path)


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputPathError, match="does not exist"):
        export_frame(FR_FRAME, FR_BODY, tmp_path / "nowhere" / "letter.docx")
    assert not (tmp_path / "nowhere").exists()


def test_read_only_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    real_access = os.access
    # Tests may run as root, for whom chmod does not stop writing: let os.access say what a user sees.
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == folder else real_access(p, mode))
    try:
        with pytest.raises(OutputPathError, match="read-only"):
            export_frame(FR_FRAME, FR_BODY, folder / "letter.docx")
    finally:
        folder.chmod(0o755)
    assert list(folder.iterdir()) == []


def test_folder_that_refuses_the_temp_file_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(safewrite.tempfile, "mkstemp", refuse)
    with pytest.raises(OutputPathError, match="read-only"):
        export_frame(FR_FRAME, FR_BODY, tmp_path / "letter.docx")


def test_interrupted_export_leaves_the_existing_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "letter.docx"
    target.write_bytes(b"the signed version")

    from docx.document import Document

    def broken_save(self: Document, stream: object) -> None:
        assert hasattr(stream, "write")
        stream.write(b"PK half a zip")  # type: ignore[attr-defined]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Document, "save", broken_save)
    with pytest.raises(ExportError, match="No space left"):
        export_frame(FR_FRAME, FR_BODY, target)
    assert target.read_bytes() == b"the signed version"
    assert _leftovers(tmp_path) == []


def test_unexpected_failure_mid_write_also_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "letter.docx"
    target.write_bytes(b"old")

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("crash in the middle")

    monkeypatch.setattr(safewrite.os, "fsync", boom)
    with pytest.raises(RuntimeError):
        export_frame(FR_FRAME, FR_BODY, target)
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_successful_export_replaces_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "letter.docx"
    target.write_bytes(b"old")
    export_frame(FR_FRAME, FR_BODY, target, now=FIXED_NOW)
    assert target.read_bytes()[:2] == b"PK"
    assert schema_errors(target.read_bytes()) == []
    assert _leftovers(tmp_path) == []


def test_cancelled_batch_leaves_no_file(tmp_path: Path) -> None:
    letter = batch_letter()
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < 2

    assert export_batch(letter, tmp_path, frames=batch_frames(letter), progress=progress) == []
    assert calls == [(1, 3), (2, 3)]
    assert list(tmp_path.iterdir()) == []


def test_batch_reports_progress_for_every_letter(tmp_path: Path) -> None:
    letter = batch_letter()
    calls: list[tuple[int, int]] = []
    paths = export_batch(
        letter, tmp_path, frames=batch_frames(letter), progress=lambda d, t: calls.append((d, t)) or True
    )
    assert calls == [(1, 3), (2, 3), (3, 3)]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)
    assert all(schema_errors(p.read_bytes()) == [] for p in paths)


def test_failed_batch_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    letter = batch_letter()
    real = docx_export.build_document
    count = {"n": 0}

    def fail_on_third(*args: object, **kwargs: object) -> object:
        count["n"] += 1
        if count["n"] == 3:
            raise ExportError("disk gone")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(docx_export, "build_document", fail_on_third)
    with pytest.raises(ExportError):
        export_batch(letter, tmp_path, frames=batch_frames(letter))
    assert list(tmp_path.iterdir()) == []


def test_batch_into_missing_folder_is_refused(tmp_path: Path) -> None:
    letter = batch_letter()
    with pytest.raises(OutputPathError, match="does not exist"):
        export_batch(letter, tmp_path / "missing", frames=batch_frames(letter))


def test_pdf_without_libreoffice_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    target = tmp_path / "letter.pdf"
    with pytest.raises(ExportError, match="LibreOffice") as caught:
        export_frame(FR_FRAME, FR_BODY, target)
    assert "libreoffice.org" in str(caught.value) and "install" in str(caught.value).lower()
    assert not target.exists()
    assert _leftovers(tmp_path) == []


def test_batch_warns_once_for_each_problem_of_any_letter(tmp_path: Path) -> None:
    from export_samples import replace_frame

    letter = batch_letter()
    frames = batch_frames(letter)
    frames[2] = replace_frame(frames[2], address_lines=("Mary\x0b Lawlor",))
    letter = replace_letter_body(letter, "Body with a bell\x07.\n")
    warnings: list[str] = []
    export_batch(letter, tmp_path, frames=frames, warnings=warnings)
    assert warnings == [
        "Removed 1 invisible control character from the body: Word documents cannot contain them.",
        "Removed 1 invisible control character from the letter's details: "
        "Word documents cannot contain them.",
    ]


def replace_letter_body(letter: object, body: str) -> object:
    from dataclasses import replace

    return replace(letter, body=body)  # type: ignore[type-var]


def test_combined_batch_into_a_folder_is_named_after_date_and_subject(tmp_path: Path) -> None:
    letter = batch_letter()
    (path,) = export_batch(letter, tmp_path, combined=True, frames=batch_frames(letter), now=FIXED_NOW)
    assert path == tmp_path / "2024-03-14 Release of detained lawyers a joint appeal.docx"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
    assert schema_errors(path.read_bytes()) == []


def test_cancelled_combined_batch_writes_nothing(tmp_path: Path) -> None:
    letter = batch_letter()
    result = export_batch(
        letter, tmp_path, combined=True, frames=batch_frames(letter), progress=lambda done, total: done < 3
    )
    assert result == []
    assert list(tmp_path.iterdir()) == []
