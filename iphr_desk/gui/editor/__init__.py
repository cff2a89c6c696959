"""The letter editor: header form, rich-text body, live preview, case panel, revisions and review."""

from __future__ import annotations

import ctypes
import sys


def _keep_none_alive() -> None:
    """Work around PySide6 6.12 on CPython 3.11, which drops a reference to None on every None it returns.

    Qt calls such as `QTextBlock.textList()`, `QTextFormat.property()` or `QWidget.parentWidget()` return
    None without taking a reference; after a few thousand calls CPython frees None and aborts
    ("none_dealloc"). CPython 3.12 made None immortal; this gives 3.11 the same margin by raising None's
    reference count once (the first field of every PyObject is its Py_ssize_t reference count).
    """
    if sys.version_info < (3, 12) and not getattr(sys, "_iphr_none_guard", False):
        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
        sys._iphr_none_guard = True  # type: ignore[attr-defined]


_keep_none_alive()
