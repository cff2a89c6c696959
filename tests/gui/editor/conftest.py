"""Fixtures for the editor tests (the shared GUI fixtures live in tests/gui/conftest.py)."""

from __future__ import annotations

import iphr_desk.gui.editor  # noqa: F401  (installs the PySide6 6.12 / CPython 3.11 None guard)
