"""Write a file so that a failure never damages what was there: temp file, then `os.replace`.

One implementation for every file the app writes (letter files, .docx and .pdf exports, templates).
The temporary file lives in the target folder so the final rename stays on one file system (and
is atomic there). Any failure removes the temporary file and leaves an existing file untouched.
A replaced file keeps its permissions; a new one gets mkstemp's private 0600.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from iphr_desk.core.errors import ExportError, OutputPathError

TEMP_PREFIX = ".~iphr-"


def check_output_path(output: Path, example: str = "letter.docx") -> None:
    """Raise `OutputPathError` unless a file can be written at `output`.

    `example` is the file name suggested when `output` turns out to be a folder.
    """
    if output.is_dir():
        raise OutputPathError(f"{output} is a folder; give a file name such as {output / example}.")
    folder = output.parent
    if not folder.exists():
        raise OutputPathError(f"The folder {folder} does not exist; create it first or choose another.")
    if not folder.is_dir():
        raise OutputPathError(f"{folder} is not a folder.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputPathError(f"The folder {folder} is read-only; choose another folder.")


@contextlib.contextmanager
def temporary_sibling(output: Path, suffix: str = ".tmp") -> Iterator[Path]:
    """A temporary path next to `output`, removed on exit unless it was renamed away."""
    try:
        handle, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=suffix, dir=output.parent)
    except PermissionError as exc:
        raise OutputPathError(f"The folder {output.parent} is read-only; choose another folder.") from exc
    except OSError as exc:
        raise OutputPathError(f"Cannot write in {output.parent}: {exc.strerror or exc}.") from exc
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def replace_into_place(temp: Path, output: Path) -> None:
    """Rename `temp` over `output`, giving it the permissions of the file it replaces."""
    try:
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temp, output.stat().st_mode & 0o777)
        os.replace(temp, output)
    except OSError as exc:
        problem = exc.strerror or exc
        raise ExportError(f"Could not save {output}: {problem}. The previous file is unchanged.") from exc


def write_atomically(output: Path, write: Callable[[BinaryIO], object], example: str = "letter.docx") -> Path:
    """Call `write` with a binary stream, then move the result to `output`."""
    check_output_path(output, example)
    with temporary_sibling(output) as temp:
        try:
            with temp.open("wb") as stream:
                write(stream)
                stream.flush()
                os.fsync(stream.fileno())
        except OSError as exc:
            problem = exc.strerror or exc
            raise ExportError(f"Could not write {output}: {problem}. Nothing was changed.") from exc
        replace_into_place(temp, output)
    return output


def write_bytes_atomically(output: Path, data: bytes, example: str = "letter.docx") -> Path:
    """`write_atomically` for content already in memory."""
    return write_atomically(output, lambda stream: stream.write(data), example)
