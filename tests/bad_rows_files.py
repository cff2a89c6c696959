"""Bad-input rows: unbounded or special files, long names, and inputs that must be exit 2.

Rows of tests/bad_inputs.md, run by test_bad_inputs.py.
"""

from __future__ import annotations

from badinput import Row

ROWS: list[Row] = []
