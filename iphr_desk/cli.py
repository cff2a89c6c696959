"""The `iphr-desk` command: argparse sub-commands; the GUI is imported only when it is asked for."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from iphr_desk import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="iphr-desk", description="Cases and advocacy letters, offline.")
    parser.add_argument("--version", action="version", version=f"iphr-desk {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="the data folder (default: the platform's)")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("gui", help="open the desktop app (the default)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command in (None, "gui"):
        from iphr_desk.gui.app import run_gui

        return run_gui(args.data_dir)
    return 0


def gui_main() -> int:
    return main(["gui", *sys.argv[1:]])
