"""The frozen app's entry script: the same `main` as the installed `iphr-desk` command."""

import multiprocessing
import sys

from iphr_desk.cli import main

if __name__ == "__main__":
    # A big import parses its files in worker processes; in the bundle each worker is this executable
    # started again with multiprocessing's arguments, which freeze_support hands to the worker code.
    multiprocessing.freeze_support()
    sys.exit(main())
