"""PDF through LibreOffice, when it is installed: headless, a private profile, a time limit.

A private profile (in a temporary folder) keeps the conversion from touching, or waiting on, the
user's own LibreOffice session; the time limit keeps a stuck conversion from hanging the export.

The intermediate .docx holds the whole letter, so it is not put in the shared /tmp: the work folder
is a private (0700) one under the user's runtime folder ($XDG_RUNTIME_DIR, memory-backed and
emptied at logout) or, without one, the user's cache folder. A conversion killed outright leaves it
behind; its name carries the owning process (as `safewrite` does for temporary files), and the next
conversion removes the folders of processes that have ended.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Final

from iphr_desk.core.errors import ExportError
from iphr_desk.core.safewrite import owner_is_gone, owner_tag, write_atomically

TIME_LIMIT_SECONDS: Final = 180
#: LibreOffice's PDF export filter, as PDF/A-2b (SelectPdfVersion 2): fonts embedded, colours and
#: metadata (XMP with pdfaid:part 2, conformance B) as the archival standard asks. A signed letter is
#: made this way so that it can still be read, and its signature checked, in years.
PDFA_FILTER: Final = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
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


def convert_to_pdf(
    save_docx: Callable[[str], object], target: Path, *, stem: str = "letter", pdfa: bool = False
) -> Path:
    """Write the .docx that `save_docx(path)` produces, convert it, and put the PDF at `target`."""
    convert_many([(save_docx, target)], pdfa=pdfa)
    return target


def convert_to_bytes(save_docx: Callable[[str], object], *, pdfa: bool = False) -> bytes:
    """The PDF of the .docx that `save_docx(path)` produces, in memory (to be signed before it is written)."""
    soffice = _soffice()
    with private_work_folder() as folder:
        (pdf,) = _convert_in(soffice, folder, [save_docx], pdfa=pdfa)
        return pdf.read_bytes()


def convert_many(jobs: Sequence[tuple[Callable[[str], object], Path]], *, pdfa: bool = False) -> None:
    """Convert several letters with ONE LibreOffice run (it takes seconds to start).

    Each job is `(save_docx, target)`: `save_docx(path)` writes the .docx, the PDF goes to `target`.
    """
    if not jobs:
        return
    soffice = _soffice()
    with private_work_folder() as folder:
        produced = _convert_in(soffice, folder, [save_docx for save_docx, _target in jobs], pdfa=pdfa)
        for pdf, (_save, target) in zip(produced, jobs, strict=True):
            data = pdf.read_bytes()
            write_atomically(target, lambda stream: stream.write(data))  # noqa: B023 (called at once)


def convert_joined(saves: Sequence[Callable[[str], object]], target: Path) -> None:
    """Convert each letter of a combined batch on its own (one LibreOffice run) and join the PDFs at `target`.

    Why not convert the combined .docx whole: LibreOffice ignores a Word section's own footnote
    numbering (`w:numRestart w:val="eachSect"`), so the second letter's footnotes would go on from the
    first letter's, and it draws the footnote separator only on the first letter's pages. Each letter
    converted alone is exactly the PDF its single export gives.

    The joined file takes the first letter's document information (LibreOffice's, made from the .docx's
    cleaned properties: title, the organisation as author, creator and producer), so it says no more
    than a single letter's PDF does and nothing of the library that joined it.
    """
    if not saves:
        return
    soffice = _soffice()
    with private_work_folder() as folder:
        data = join_pdfs(_convert_in(soffice, folder, saves))
    write_atomically(target, lambda stream: stream.write(data))


def join_pdfs(paths: Sequence[Path]) -> bytes:
    """The pages of `paths` in turn, as one PDF with the first file's catalogue and document information.

    Built on a clone of the first file, so the joined PDF keeps its language (`/Lang`, read by screen
    readers), viewer preferences and information; the other files give their pages, with their links.
    """
    from pypdf import PdfReader, PdfWriter

    readers = [PdfReader(io.BytesIO(path.read_bytes())) for path in paths]
    writer = PdfWriter(clone_from=readers[0])
    for reader in readers[1:]:
        writer.append(reader)
    if "/Producer" not in (readers[0].metadata or {}):
        writer.add_metadata({"/Producer": ""})  # never pypdf's own name in its place
    stream = io.BytesIO()
    writer.write(stream)
    return stream.getvalue()


def _soffice() -> str:
    """LibreOffice's program, looked for before any work folder is made."""
    soffice = find_soffice()
    if soffice is None:
        raise ExportError(INSTALL_HINT)
    return soffice


def _convert_in(
    soffice: str, folder: Path, saves: Sequence[Callable[[str], object]], *, pdfa: bool = False
) -> list[Path]:
    """Write each .docx into `folder`, convert them all with one LibreOffice run; the PDFs, in order."""
    sources = []
    for index, save_docx in enumerate(saves):
        source = folder / f"letter{index:04d}.docx"
        save_docx(str(source))
        sources.append(source)
    _run(soffice, folder, sources, pdfa=pdfa)
    produced = [folder / "out" / f"{source.stem}.pdf" for source in sources]
    if not all(pdf.is_file() for pdf in produced):
        raise ExportError("LibreOffice could not convert the letter to PDF; the .docx export still works.")
    return produced


def work_root() -> Path:
    """Where conversions work: `iphr-desk/pdf` in the runtime folder, else in the cache folder."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isabs(runtime) and os.path.isdir(runtime):
        return Path(runtime) / "iphr-desk" / "pdf"
    import platformdirs

    return Path(platformdirs.user_cache_dir("iphr-desk", "IPHR")) / "pdf"


@contextlib.contextmanager
def private_work_folder() -> Iterator[Path]:
    """A new 0700 folder for one conversion, named after this process, removed afterwards."""
    root = _private_root()
    remove_stale_work(root)
    folder = Path(tempfile.mkdtemp(prefix=owner_tag(), dir=root))  # mkdtemp makes it 0700
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _private_root() -> Path:
    root = work_root()
    try:
        root.parent.parent.mkdir(parents=True, exist_ok=True)  # the runtime or cache folder itself
        for folder in (root.parent, root):  # iphr-desk/ and iphr-desk/pdf/: made private, not just pdf/
            folder.mkdir(exist_ok=True, mode=0o700)
        status = os.lstat(root)
        if not stat.S_ISDIR(status.st_mode) or (hasattr(os, "getuid") and status.st_uid != os.getuid()):
            raise ExportError(f"{root} is not a private folder of this user; the PDF was not made.")
        if sys.platform != "win32" and stat.S_IMODE(status.st_mode) != 0o700:
            os.chmod(root, 0o700)
    except OSError as exc:
        raise ExportError(f"Cannot prepare {root} for the PDF conversion: {exc.strerror or exc}.") from exc
    return root


def remove_stale_work(root: Path | None = None) -> list[Path]:
    """Remove the work folders of conversions whose process has ended (killed mid-conversion).

    Worth calling when the app starts, too: the folder may hold a letter from a killed conversion.
    """
    root = work_root() if root is None else root
    removed: list[Path] = []
    try:
        entries = list(os.scandir(root))
    except OSError:
        return removed
    for entry in entries:
        if entry.is_dir(follow_symlinks=False) and owner_is_gone(entry.name):
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(Path(entry.path))
    return removed


def _run(soffice: str, folder: Path, sources: list[Path], *, pdfa: bool = False) -> None:
    profile = folder / "profile"
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        PDFA_FILTER if pdfa else "pdf",
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
