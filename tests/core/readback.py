"""Read exported documents back the way a signatory's software does: LibreOffice and Pandoc.

LibreOffice takes seconds to start, so every document of a test session is converted by ONE
`soffice` call with a private profile; Pandoc is quick and runs per document. The Word-schema
check is the repository's own (tests/ooxml/validate_docx.py, with the ECMA-376 schemas beside it), so
it runs on any clone; it loads the schemas once per session and takes many files in one call.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[2]
OOXML = REPO / "tests" / "ooxml"
VALIDATOR = OOXML / "validate_docx.py"


def _validator() -> ModuleType:
    """tests/ooxml/validate_docx.py, imported by its folder (tests/ is not a package, and pytest puts only
    each test file's own folder on sys.path)."""
    if str(OOXML) not in sys.path:
        sys.path.insert(0, str(OOXML))
    return importlib.import_module("validate_docx")


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
    """The schema check's report on all `paths`, as `validate_docx.py PATH...` prints it and exits.

    Run in-process (the schemas load once per session) but shaped like the program's run, so a failing
    assertion shows the developer the same lines they get from the command line.
    """
    out = io.StringIO()
    err = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = _validator().main([str(path) for path in paths])
    command = [str(VALIDATOR), *map(str, paths)]
    return subprocess.CompletedProcess(command, status, out.getvalue(), err.getvalue())


def lines(text: str) -> list[str]:
    """Non-empty lines, stripped (list indentation differs between LibreOffice versions)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def schema_errors(data: bytes) -> list[str]:
    """Every schema problem of a .docx held in memory ([] when Word would accept it).

    For documents a test builds in memory; same schemas and compatibility processing as validate_docx().
    """
    errors: list[str] = _validator().schema_errors(data)
    return errors
