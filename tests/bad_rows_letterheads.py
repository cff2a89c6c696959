"""Bad-input rows: hostile or broken letterheads.

Rows of tests/bad_inputs.md, run by test_bad_inputs.py.
"""

from __future__ import annotations

from badinput import Row

ROWS: list[Row] = []
