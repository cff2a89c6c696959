"""The frozen app's entry script: the same `main` as the installed `iphr-desk` command."""

import sys

from iphr_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
