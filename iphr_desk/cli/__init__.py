"""The `iphr-desk` command (docs/cli.md): argparse sub-commands over the Qt-free core, one module per
concern (`export_cmd`, `letters_cmd`, `store_cmd`, ...), each adding its parsers in `register`.

Why it looks the way it does:
- Every sub-command imports what it needs inside its own function, so `iphr-desk --version` and the
  GUI's first paint never pay for SQLAlchemy, python-docx or babel, and Qt is imported only for `gui`.
  The plain GUI launch (`iphr-desk`, `iphr-desk gui`, with `--data-dir DIR`) does not even build the
  argparse parser (about 10 ms of the start-up the benchmarks measure); every other command line does.
- Errors the user can act on are `IphrError`s: one line on stderr, exit 2 for bad input, 1 otherwise.
  Anything else is a bug: one line with a hint, the traceback only with IPHR_DESK_DEBUG=1.
- The passphrase of an encrypted store comes from IPHR_DESK_PASSPHRASE or a no-echo prompt; it is
  never printed, logged or kept beyond opening the store.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from iphr_desk import __version__
from iphr_desk.cli import export_cmd, history_cmd, letters_cmd, package_cmd, review_cmd, sign_cmd, store_cmd
from iphr_desk.cli.common import run_command
from iphr_desk.core.paths import DATA_DIR_ENV

if TYPE_CHECKING:
    import argparse

#: The modules whose `register(sub)` add sub-commands, in the order `--help` lists them.
COMMAND_MODULES = (export_cmd, letters_cmd, history_cmd, review_cmd, package_cmd, sign_cmd, store_cmd)


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(prog="iphr-desk", description="Cases and advocacy letters, offline.")
    parser.add_argument("--version", action="version", version=f"iphr-desk {__version__}")
    parser.add_argument(
        "--data-dir", metavar="DIR", help=f"the data folder (default: ${DATA_DIR_ENV}, else the platform's)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = sub.add_parser("gui", help="open the desktop app (the default)")
    gui.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help="the data folder")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    plain_gui, given = _plain_gui_launch(sys.argv[1:] if argv is None else argv)
    if plain_gui:
        from iphr_desk.gui.app import run_gui

        return run_gui(given or os.environ.get(DATA_DIR_ENV) or None)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command in (None, "gui"):
        from iphr_desk.gui.app import run_gui

        return run_gui(args.data_dir or os.environ.get(DATA_DIR_ENV) or None)
    check = getattr(args, "check", None)
    if check is not None:
        check(parser, args)
    return run_command(args.handler, args)


def _plain_gui_launch(argv: Sequence[str]) -> tuple[bool, str | None]:
    """(True, the --data-dir given or None) for the command lines that only open the GUI, as the parser
    reads them: nothing, `gui`, and `--data-dir DIR` / `--data-dir=DIR` before or after it (the last one
    wins). (False, None) for anything else, which the parser handles (help, a typo, an abbreviation).
    """
    given: str | None = None
    seen_gui = False
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == "gui" and not seen_gui:
            seen_gui = True
        elif arg == "--data-dir" and index + 1 < len(argv) and not argv[index + 1].startswith("-"):
            index += 1
            given = argv[index]
        elif arg.startswith("--data-dir="):
            given = arg.removeprefix("--data-dir=")
        else:
            return False, None
        index += 1
    return True, given


def gui_main() -> int:
    """The windowed launcher (`iphr-desk-gui`): the same command, whose default is the GUI."""
    return main(sys.argv[1:])
