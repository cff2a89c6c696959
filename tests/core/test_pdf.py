"""PDF through LibreOffice: a real conversion, and the time limit path."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import FIXED_NOW, FR_BODY, FR_FRAME
from readback import soffice

from iphr_desk.core import pdf
from iphr_desk.core.docx_export import export_frame
from iphr_desk.core.errors import ExportError


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
