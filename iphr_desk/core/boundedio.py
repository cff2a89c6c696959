"""Read a file the user named, never more than a limit and never blocking on something that is not a file.

A size check on `st_size` alone is not enough: `/dev/zero` and `/dev/urandom` report a size of 0 and
never end, a named pipe (FIFO) blocks `open()` until some other program writes to it, and a file in
`/proc` may hold more than its size says. So the limit counts the bytes actually read, and anything
that is not a regular file is refused before a single byte is read.

The type is checked twice: with `os.stat` before opening, so that merely opening a device (a tape
drive rewinds, a terminal may become ours) never happens; and with `os.fstat` on the descriptor,
opened with O_NONBLOCK, so a file swapped for a FIFO between the two calls still cannot block us.

Callers turn `UnreadableFile.problem` into their own error (a letter file's, a letterhead's), so the
sentence reads the same wherever a user-given file is refused.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Final

_CHUNK: Final = 1 << 20
_OPEN_FLAGS: Final = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO opens at once instead of waiting for a writer
    | getattr(os, "O_NOCTTY", 0)  # a terminal never becomes our controlling terminal
    | getattr(os, "O_BINARY", 0)  # Windows: no newline translation
)


class UnreadableFile(Exception):
    """Why a user-given file was not read; `problem` is a phrase such as "no such file"."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


def describe_size(size: int) -> str:
    """A file's size as people say it: "50.0 MB"."""
    return f"{size / (1024 * 1024):.1f} MB"


def describe_limit(limit: int) -> str:
    """A limit as people say it: "5 MB", "80 MB", "64 KB"."""
    if limit < 1024 * 1024:
        return f"{limit / 1024:.3g} KB"
    return f"{limit / (1024 * 1024):.3g} MB"


def special_kind(mode: int) -> str | None:
    """What a non-regular, non-folder file is, in words; None for a regular file or a folder."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_bounded(path: Path, limit: int, *, what: str = "a file") -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them, or `UnreadableFile`.

    `what` names what the file should have been, for the messages: "this is a folder, not {what}".
    """
    _refuse_special(_stat(path), what)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise _open_problem(path, exc, what) from None
    try:
        status = os.fstat(fd)
        _refuse_special(status, what)
        if status.st_size > limit:
            raise UnreadableFile(_too_big(describe_size(status.st_size), limit, what))
        chunks: list[bytes] = []
        total = 0
        while chunk := os.read(fd, min(_CHUNK, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise UnreadableFile(_too_big(f"larger than {describe_limit(limit)}", limit, what))
    except OSError as exc:
        raise UnreadableFile(f"the file cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def _stat(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None  # opening it says why, in the same words as when it vanishes in between


def _refuse_special(status: os.stat_result | None, what: str) -> None:
    if status is None:
        return
    if stat.S_ISDIR(status.st_mode):
        raise UnreadableFile(f"this is a folder, not {what}")
    kind = special_kind(status.st_mode)
    if kind is not None:
        raise UnreadableFile(f"this is {kind}, not {what}")


def _open_problem(path: Path, exc: OSError, what: str) -> UnreadableFile:
    if isinstance(exc, FileNotFoundError):
        return UnreadableFile("no such file")
    if isinstance(exc, NotADirectoryError):
        return UnreadableFile("no such file (a part of the path is not a folder)")
    if isinstance(exc, PermissionError):
        if path.is_dir():  # Windows refuses to open a folder with "permission denied"
            return UnreadableFile(f"this is a folder, not {what}")
        return UnreadableFile("the file cannot be read (permission denied)")
    return UnreadableFile(f"the file cannot be read ({exc.strerror or exc})")


def _too_big(size: str, limit: int, what: str) -> str:
    return f"the file is {size}; {what} can be at most {describe_limit(limit)}"
