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
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final

from iphr_desk.core.errors import ExportError
from iphr_desk.core.safewrite import write_atomically

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


def convert_to_pdf(save_docx: Callable[[str], object], target: Path, *, stem: str = "letter") -> Path:
    """Write the .docx that `save_docx(path)` produces, convert it, and put the PDF at `target`."""
    convert_many([(save_docx, target)])
    return target


def convert_many(jobs: Sequence[tuple[Callable[[str], object], Path]]) -> None:
    """Convert several letters with ONE LibreOffice run (it takes seconds to start).

    Each job is `(save_docx, target)`: `save_docx(path)` writes the .docx, the PDF goes to `target`.
    """
    if not jobs:
        return
    soffice = find_soffice()
    if soffice is None:
        raise ExportError(INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="iphr-pdf-") as work:
        folder = Path(work)
        sources = []
        for index, (save_docx, _target) in enumerate(jobs):
            source = folder / f"letter{index:04d}.docx"
            save_docx(str(source))
            sources.append(source)
        _run(soffice, folder, sources)
        for source, (_save, target) in zip(sources, jobs, strict=True):
            produced = folder / "out" / f"{source.stem}.pdf"
            if not produced.is_file():
                raise ExportError(
                    "LibreOffice could not convert the letter to PDF; the .docx export still works."
                )
            data = produced.read_bytes()
            write_atomically(target, lambda stream: stream.write(data))  # noqa: B023 (called at once)


def _run(soffice: str, folder: Path, sources: list[Path]) -> None:
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
        *map(str, sources),
    ]
    limit = TIME_LIMIT_SECONDS + 20 * (len(sources) - 1)
    try:
        subprocess.run(command, capture_output=True, timeout=limit, check=False, env=_env(folder))
    except subprocess.TimeoutExpired as exc:
        raise ExportError(
            f"LibreOffice did not finish the PDF within {limit} seconds; the .docx export still works."
        ) from exc
    except OSError as exc:
        problem = exc.strerror or exc
        raise ExportError(f"LibreOffice could not be started ({problem}). {INSTALL_HINT}") from exc


def _env(private_tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)  # LibreOffice's own Python must not see ours
    # LibreOffice drops scratch files into the temp folder: keep them in our private (0700) one.
    for name in ("TMPDIR", "TMP", "TEMP"):
        env[name] = str(private_tmp)
    return env
