"""Read exported documents back the way a signatory's software does: LibreOffice and Pandoc.

LibreOffice takes seconds to start, so every document of a test session is converted by ONE
`soffice` call with a private profile; Pandoc is quick and runs per document. The Word-schema
check (`validate-docx`) also takes many files in one call.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
VALIDATOR = Path(os.environ.get("IPHR_VALIDATE_DOCX", REPO.parent / "shared" / "tools" / "validate-docx"))


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_text(paths: list[Path], outdir: Path) -> dict[Path, str]:
    """Each document's text as LibreOffice reads it (txt:Text), converted in one soffice call."""
    program = soffice()
    if program is None or not paths:
        return {}
    outdir.mkdir(parents=True, exist_ok=True)
    # Documents from different folders may share a name; convert uniquely named links to them.
    staged = outdir / "in"
    staged.mkdir(exist_ok=True)
    links = []
    for index, path in enumerate(paths):
        link = staged / f"doc{index:04d}.docx"
        link.unlink(missing_ok=True)
        link.symlink_to(path.resolve())
        links.append(link)
    with tempfile.TemporaryDirectory(prefix="iphr-lo-profile-") as profile:
        subprocess.run(
            [
                program,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "txt:Text",
                "--outdir",
                str(outdir),
                *map(str, links),
            ],
            capture_output=True,
            timeout=600,
            check=False,
        )
    texts: dict[Path, str] = {}
    for path, link in zip(paths, links, strict=True):
        txt = outdir / f"{link.stem}.txt"
        if txt.is_file():
            texts[path] = txt.read_text(encoding="utf-8-sig")
    return texts


def pandoc_markdown(path: Path) -> str:
    result = subprocess.run(
        ["pandoc", "-t", "markdown", "--wrap=none", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout


def validate_docx(paths: list[Path]) -> subprocess.CompletedProcess[str]:
    """Run the ECMA-376 schema check on all `paths` in one call (from the repo, for its .venv)."""
    return subprocess.run(
        [str(VALIDATOR), *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=REPO,
        check=False,
    )


def lines(text: str) -> list[str]:
    """Non-empty lines, stripped (list indentation differs between LibreOffice versions)."""
    return [line.strip() for line in text.splitlines() if line.strip()]
