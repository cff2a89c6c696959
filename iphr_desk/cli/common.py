"""What every sub-command shares: exit statuses, one-line errors, the data folder, opening the store,
the passphrase prompt and the progress line.

Every sub-command module imports what it needs inside its own functions, so building the parser costs
nothing beyond argparse (docs/cli.md).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from iphr_desk.core.paths import PASSPHRASE_ENV

if TYPE_CHECKING:
    import argparse
    from pathlib import Path

    from iphr_desk.core.store.database import Store

DEBUG_ENV = "IPHR_DESK_DEBUG"
IMPORT_AUTHOR = "command line"
EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130

Handler = Callable[["argparse.Namespace"], int]


def run_command(handler: Handler, args: argparse.Namespace) -> int:
    """Run one sub-command, turning every failure into one line on stderr and an exit status."""
    from iphr_desk.core.errors import IphrError

    try:
        return handler(args)
    except IphrError as exc:
        say(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        say("interrupted; nothing was changed")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK  # `iphr-desk list letters | head` closed its end: not an error
    except Exception as exc:
        if os.environ.get(DEBUG_ENV):
            raise
        say(f"unexpected error ({type(exc).__name__}: {exc}); set {DEBUG_ENV}=1 to see the details")
        return EXIT_FAILED


def say(message: str) -> None:
    """One line on stderr, whatever the message holds."""
    line = " ".join(message.split("\n"))
    print(f"iphr-desk: {line}", file=sys.stderr)


def data_dir(args: argparse.Namespace) -> Path:
    """--data-dir, else $IPHR_DESK_DATA_DIR, else the platform's user data folder."""
    from iphr_desk.core.paths import resolve_data_dir

    return resolve_data_dir(args.data_dir)


def open_store(args: argparse.Namespace, *, create: bool = True) -> Store:
    """Open the store; an encrypted one gets its passphrase from the environment or a prompt.

    Commands that only read (`list`, `export --id`, `backup create`) pass `create=False`: asking about a
    folder that holds no store says so instead of leaving a new, empty store there. Whatever the opening
    put right (an interrupted command finished or undone) is told on stderr, one line each.
    """
    from iphr_desk.core.errors import PassphraseError
    from iphr_desk.core.store.database import Store

    folder = data_dir(args)
    passphrase = os.environ.get(PASSPHRASE_ENV) or None
    try:
        store = Store.open(folder, passphrase=passphrase, create=create)
    except PassphraseError as exc:
        if passphrase is not None:
            raise
        if not sys.stdin.isatty():
            raise PassphraseError(f"{exc} Set {PASSPHRASE_ENV}, or run the command in a terminal.") from None
        store = Store.open(
            folder, passphrase=ask_passphrase("Passphrase for the encrypted store: "), create=create
        )
    for notice in store.notices:
        say(notice)
    return store


def ask_passphrase(prompt: str) -> str:
    """A passphrase typed at the terminal, never echoed."""
    import getpass

    return getpass.getpass(prompt)


def close(store: Store) -> None:
    store.close()


def count(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"'{text}' is negative")
    return value


def either(items: list[str]) -> str:
    """`a`, `a or b`, `a, b or c`."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def one_line(text: str) -> str:
    """One cell of a row: whitespace collapsed, and controls (ESC, bidi overrides such as U+202E)
    shown as `\u202e`, so that a subject cannot rewrite or disguise what the terminal shows."""
    from iphr_desk.core.textclean import escape_for_terminal

    return escape_for_terminal(" ".join(text.split()))


class Progress:
    """A progress callback: a redrawn bar on a terminal, one plain line per step otherwise."""

    WIDTH = 30

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()

    def __call__(self, done: int, total: int, label: object = None) -> bool:
        if self.tty:
            filled = self.WIDTH * done // total if total else self.WIDTH
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            end = "\n" if done >= total else ""
            self.stream.write(f"\r[{bar}] {done}/{total}{end}")
        else:
            suffix = f" {label}" if label is not None else ""
            self.stream.write(f"{done}/{total}{suffix}\n")
        self.stream.flush()
        return True  # never cancels: the command line has no cancel button (Ctrl+C interrupts)
