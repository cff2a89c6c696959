"""PDF through LibreOffice, when it is installed: headless, a private profile, a time limit.

A private profile (in a temporary folder) keeps the conversion from touching, or waiting on, the
user's own LibreOffice session; the time limit keeps a stuck conversion from hanging the export.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Final

from iphr_desk.core.errors import ExportError

TIME_LIMIT_SECONDS: Final = 180
_CANDIDATES: Final = ("soffice", "libreoffice")
_KNOWN_PLACES: Final = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)

INSTALL_HINT: Final = (
    "PDF export needs LibreOffice, which was not found. Install it from "
    "https://www.libreoffice.org/download/ (Debian/Ubuntu: sudo apt install libreoffice-writer; "
    "macOS: brew install --cask libreoffice), or export to .docx and save as PDF from Word."
)


def find_soffice() -> str | None:
    """The LibreOffice program, from PATH or its usual install places."""
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    if sys.platform in ("win32", "darwin"):
        for place in _KNOWN_PLACES:
            if Path(place).is_file():
                return place
    return None


def convert_to_pdf(save_docx: Callable[[str], None], target: Path, *, stem: str = "letter") -> Path:
    """Write the .docx that `save_docx(path)` produces, convert it, and put the PDF at `target`."""
    soffice = find_soffice()
    if soffice is None:
        raise ExportError(INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="iphr-pdf-") as work:
        folder = Path(work)
        source = folder / f"{stem or 'letter'}.docx"
        save_docx(str(source))
        profile = folder / "profile"
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder / "out"),
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=TIME_LIMIT_SECONDS, check=False, env=_env())
        except subprocess.TimeoutExpired as exc:
            raise ExportError(
                f"LibreOffice did not finish the PDF within {TIME_LIMIT_SECONDS} seconds; "
                "the .docx export still works."
            ) from exc
        except OSError as exc:
            problem = exc.strerror or exc
            raise ExportError(f"LibreOffice could not be started ({problem}). {INSTALL_HINT}") from exc
        produced = folder / "out" / f"{source.stem}.pdf"
        if not produced.is_file():
            raise ExportError(
                "LibreOffice could not convert the letter to PDF; the .docx export still works."
            )
        shutil.copyfile(produced, target)
    return target


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)  # LibreOffice's own Python must not see ours
    return env
