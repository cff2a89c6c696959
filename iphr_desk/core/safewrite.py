"""Write a file so that a failure never damages what was there: temp file, then `os.replace`.

One implementation for every file the app writes (letter files, .docx and .pdf exports, templates).
The temporary file lives in the target folder so the final rename stays on one file system (and
is atomic there). Any failure removes the temporary file and leaves an existing file untouched.
Who may read the result is the caller's explicit choice (`FileAccess`): an exported letter or a letter
file is the user's document (a new one gets what their umask gives, not mkstemp's 0600, and a replaced one
keeps its permissions); a file in the data folder is `PRIVATE` (0600 whatever the umask), like the folder.

A process killed outright (SIGKILL, power cut) cannot remove its temporary file, which holds the
whole letter. So each temporary name says who owns it: `.~iphr-<host>-<pid>-<start>-xxxxxxxx.tmp`
(a hash of the machine's name, the process id and, where the system tells it, the process's start
time, which tells a reused process id apart). The next write into the folder removes those whose
process is gone; never one of a live process, nor one made on another machine (a shared folder),
whose processes cannot be seen from here.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import platform
import re
import stat
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO, Final

from iphr_desk.core.boundedio import special_kind
from iphr_desk.core.errors import ExportError, OutputPathError

TEMP_PREFIX = ".~iphr-"
#: `<host>-<pid>-<start>-`, the owner part of a temporary name (see the module's docstring).
_OWNER: Final = re.compile(r"(?P<host>[0-9a-f]{8})-(?P<pid>\d{1,10})-(?P<start>\d{1,20}|x)-")
#: Temporary files named before names carried their owner: removed once surely abandoned.
_UNOWNED_AGE_SECONDS: Final = 24 * 3600
_swept: set[str] = set()
_swept_lock = threading.Lock()
PRIVATE_MODE: Final = 0o600


class FileAccess(StrEnum):
    """Who may read a written file: a parameter of every writer here, so no caller gets it by accident."""

    #: The user's own document (an export, a letter file): the mode their umask gives a new file
    #: (0644 under the usual 022), so it can be shared with a signatory; a replaced file keeps its mode.
    DOCUMENT = "document"
    #: Part of the private data folder (names of people at risk): owner only (0600), always.
    PRIVATE = "private"


def mode_for(access: FileAccess, existing: Path | None = None) -> int:
    """The permission bits a file written with `access` gets (`existing`: the file it replaces)."""
    if access is FileAccess.PRIVATE:
        return PRIVATE_MODE
    if existing is not None:
        try:
            return existing.stat().st_mode & 0o777
        except FileNotFoundError:
            pass
    return 0o666 & ~current_umask()


def check_output_path(output: Path, example: str = "letter.docx") -> None:
    """Raise `OutputPathError` unless a file can be written at `output`.

    `example` is the file name suggested when `output` turns out to be a folder.
    """
    if output.is_dir():
        raise OutputPathError(f"{output} is a folder; give a file name such as {output / example}.")
    check_not_special(output)
    folder = output.parent
    if not folder.exists():
        raise OutputPathError(f"The folder {folder} does not exist; create it first or choose another.")
    if not folder.is_dir():
        raise OutputPathError(f"{folder} is not a folder.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputPathError(f"The folder {folder} is read-only; choose another folder.")


def check_not_special(output: Path) -> None:
    """Refuse an output that exists and is a device, pipe or socket (`-o /dev/full`, `-o /dev/null`):
    the export would replace the system's node or, written to, lose the letter without a word."""
    try:
        mode = output.stat().st_mode
    except OSError:
        return
    kind = special_kind(mode)
    if kind is not None and not stat.S_ISDIR(mode):
        raise OutputPathError(f"{output} is {kind}, not a file; give a file name such as letter.docx.")


# --------------------------------------------------------------------------- who owns a temporary file


@functools.cache
def _host_tag() -> str:
    """Eight hex digits naming this machine without revealing its name in a shared folder."""
    return hashlib.blake2b(platform.node().encode("utf-8", "replace"), digest_size=4).hexdigest()


def process_start(pid: int) -> str | None:
    """The process's start time as the system counts it (Linux: clock ticks since boot), or None."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            fields = handle.read().rpartition(b")")[2].split()
        return fields[19].decode("ascii")  # field 22 of proc(5); fields[0] is field 3
    except (OSError, IndexError, UnicodeDecodeError):
        return None


def owner_tag(pid: int | None = None) -> str:
    """`<host>-<pid>-<start>-`: what a process (this one by default) puts before its temporary names."""
    pid = os.getpid() if pid is None else pid
    return f"{_host_tag()}-{pid}-{process_start(pid) or 'x'}-"


def temp_prefix() -> str:
    """The prefix of this process's temporary files (for `tempfile.mkstemp(prefix=...)`)."""
    return TEMP_PREFIX + owner_tag()


def owner_is_gone(tag: str) -> bool:
    """True when `tag` (a name starting with an owner tag) names a process of this machine that
    has ended. False when unsure: another machine, a live process, a name of another form."""
    match = _OWNER.match(tag)
    if match is None or match["host"] != _host_tag():
        return False
    pid = int(match["pid"])
    if pid == os.getpid():
        return False
    if not _pid_alive(pid):
        return True
    start = match["start"]
    current = process_start(pid)
    return start != "x" and current is not None and current != start  # the id was reused


def _pid_alive(pid: int) -> bool:
    if sys.platform == "win32":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    except OSError:
        return True
    return True


def _windows_pid_alive(pid: int) -> bool:
    """OpenProcess + GetExitCodeProcess (os.kill on Windows would terminate the process)."""
    if sys.platform != "win32":
        return True
    import ctypes

    kernel32 = ctypes.windll.kernel32
    query_limited_information, still_active, invalid_parameter = 0x1000, 259, 87
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return kernel32.GetLastError() != invalid_parameter  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove the temporary files in `folder` left by processes that were killed; returns them.

    Only regular files named by this module are touched: a name with an owner on this machine whose
    process has ended, or an old-style name (no owner) untouched for a day.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        if not entry.name.startswith(TEMP_PREFIX):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode):
            continue
        if _is_stale(entry.name[len(TEMP_PREFIX) :], now - info.st_mtime):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _is_stale(tag: str, age: float) -> bool:
    if _OWNER.match(tag):
        return owner_is_gone(tag)
    return age > _UNOWNED_AGE_SECONDS


def _sweep_once(folder: Path) -> None:
    """Clean `folder` the first time this process writes there (a batch writes there many times)."""
    key = os.path.abspath(folder)
    with _swept_lock:
        if key in _swept:
            return
        _swept.add(key)
    remove_stale_temporaries(folder)


# --------------------------------------------------------------------------- writing


@contextlib.contextmanager
def temporary_sibling(output: Path, suffix: str = ".tmp") -> Iterator[Path]:
    """A temporary path next to `output`, removed on exit unless it was renamed away."""
    _sweep_once(output.parent)
    try:
        handle, name = tempfile.mkstemp(prefix=temp_prefix(), suffix=suffix, dir=output.parent)
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


def replace_into_place(temp: Path, output: Path, *, access: FileAccess = FileAccess.DOCUMENT) -> None:
    """Rename `temp` over `output` with the permissions `access` gives (see `FileAccess`).

    The default is the exporters' case: an exported letter is the user's document, to share with a
    signatory, so it must not keep mkstemp's 0600.
    """
    try:
        os.chmod(temp, mode_for(access, output))
        os.replace(temp, output)
    except OSError as exc:
        problem = exc.strerror or exc
        raise ExportError(f"Could not save {output}: {problem}. The previous file is unchanged.") from exc


_umask_lock = threading.Lock()


def current_umask() -> int:
    """The process's umask, read without changing it where the system tells it (Linux)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _umask_lock:  # elsewhere: set and restore (brief, and never while another writer asks)
        mask = os.umask(0o077)
        os.umask(mask)
    return mask


def write_atomically(
    output: Path,
    write: Callable[[BinaryIO], object],
    example: str = "letter.docx",
    *,
    access: FileAccess = FileAccess.DOCUMENT,
) -> Path:
    """Call `write` with a binary stream, then move the result to `output` with `access`'s permissions."""
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
        replace_into_place(temp, output, access=access)
    return output


def write_bytes_atomically(
    output: Path, data: bytes, example: str = "letter.docx", *, access: FileAccess = FileAccess.DOCUMENT
) -> Path:
    """`write_atomically` for content already in memory."""
    return write_atomically(output, lambda stream: stream.write(data), example, access=access)
