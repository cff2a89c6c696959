"""Bad-input rows: encryption and backups interrupted or raced.

Rows of tests/bad_inputs.md, run by test_bad_inputs.py.
"""

from __future__ import annotations

from badinput import Row

ROWS: list[Row] = []
