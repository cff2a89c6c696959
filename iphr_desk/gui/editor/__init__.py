"""The letter editor: header form, rich-text body, live preview, case panel, revisions and review."""

from __future__ import annotations

import ctypes
import sys


def _keep_singletons_alive() -> None:
    """Work around PySide6 6.12 on CPython 3.11 dropping references to the objects it shares.

    Measured here: each `QTextBlock.textList()` / `QTextFormat.property()` / `QWidget.parentWidget()`
    returning None, and each signal emitted with a bool or a small int (`toggled(bool)`,
    `currentIndexChanged(int)`), takes one reference from None, True/False or the cached small int
    without giving it back. After a few thousand such calls CPython frees the object and aborts
    ("none_dealloc", "bool_dealloc"). CPython 3.12 made these objects immortal; this gives 3.11 the same
    margin by raising their reference counts once (a PyObject starts with its Py_ssize_t refcount).
    """
    if sys.version_info >= (3, 12) or getattr(sys, "_iphr_singleton_guard", False):
        return
    for obj in (None, True, False, NotImplemented, Ellipsis, *range(-5, 257)):
        ctypes.c_ssize_t.from_address(id(obj)).value += 1 << 40
    sys._iphr_singleton_guard = True  # type: ignore[attr-defined]


_keep_singletons_alive()
