"""Bad-input rows: the store shared between processes, honest diagnoses, missing databases, private files.

Rows of tests/bad_inputs.md, run by test_bad_inputs.py.
"""

from __future__ import annotations

from badinput import Row

ROWS: list[Row] = []
