"""`python -m iphr_desk` is the same program as the `iphr-desk` command."""

import sys

from iphr_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
