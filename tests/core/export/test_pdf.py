"""PDF through LibreOffice: a real conversion, and the time limit path."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from export_samples import FIXED_NOW, FR_BODY, FR_FRAME
from readback import soffice

from iphr_desk.core.errors import ExportError
from iphr_desk.core.export import pdf
from iphr_desk.core.export.docx_export import export_frame


@pytest.mark.libreoffice
@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_pdf_export_writes_a_pdf_with_the_letter_text(tmp_path: Path) -> None:
    target = tmp_path / "lettre.pdf"
    export_frame(FR_FRAME, FR_BODY, target, now=FIXED_NOW)
    assert target.read_bytes()[:5] == b"%PDF-"
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "International Partnership for Human Rights" in text  # the letterhead header
    assert "Monsieur le Président," in text
    assert [p.name for p in tmp_path.iterdir()] == ["lettre.pdf"]


def test_stuck_libreoffice_is_stopped_with_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "find_soffice", lambda: "/usr/bin/soffice")

    def hang(*args: object, **kwargs: object) -> None:
        raise subprocess.TimeoutExpired(cmd="soffice", timeout=pdf.TIME_LIMIT_SECONDS)

    monkeypatch.setattr(pdf.subprocess, "run", hang)
    with pytest.raises(ExportError, match="did not finish"):
        export_frame(FR_FRAME, FR_BODY, tmp_path / "x.pdf")
    assert list(tmp_path.iterdir()) == []


def test_conversion_uses_a_private_profile_and_a_time_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "find_soffice", lambda: "soffice")
    seen: dict[str, object] = {}

    def fake_run(command: list[str], **kwargs: object) -> None:
        seen["command"], seen["timeout"] = command, kwargs.get("timeout")

    monkeypatch.setattr(pdf.subprocess, "run", fake_run)
    with pytest.raises(ExportError, match="could not convert"):
        export_frame(FR_FRAME, FR_BODY, tmp_path / "x.pdf")
    command = seen["command"]
    assert isinstance(command, list)
    assert any(str(arg).startswith("-env:UserInstallation=file://") for arg in command)
    assert "--headless" in command
    assert seen["timeout"] == pdf.TIME_LIMIT_SECONDS


@pytest.mark.libreoffice
@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_batch_to_pdf_converts_every_letter_in_one_libreoffice_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from export_samples import batch_frames, batch_letter

    from iphr_desk.core.export.docx_export import export_batch

    runs: list[list[str]] = []
    real_run = subprocess.run

    def counting_run(command: list[str], **kwargs: object) -> object:
        runs.append(command)
        return real_run(command, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(pdf.subprocess, "run", counting_run)
    letter = batch_letter()
    paths = export_batch(letter, tmp_path, frames=batch_frames(letter), pdf=True, now=FIXED_NOW)
    assert len(runs) == 1
    assert [p.suffix for p in paths] == [".pdf"] * 3
    assert all(p.read_bytes()[:5] == b"%PDF-" for p in paths)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)


def test_batch_into_a_file_is_refused(tmp_path: Path) -> None:
    from export_samples import batch_frames, batch_letter

    from iphr_desk.core.errors import OutputPathError
    from iphr_desk.core.export.docx_export import export_batch

    not_a_folder = tmp_path / "file.txt"
    not_a_folder.write_text("x")
    letter = batch_letter()
    with pytest.raises(OutputPathError, match="is a file"):
        export_batch(letter, not_a_folder, frames=batch_frames(letter))
