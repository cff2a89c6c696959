"""The Qt binding must not leak references to Python's shared objects.

PySide6 6.12.0 on CPython 3.11 takes a reference to None on every call that returns None (and to
True/False on every bool signal) without giving it back; after a few thousand calls CPython frees
None and aborts. pyproject.toml excludes that release; this test catches a binding with the fault.
"""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QCheckBox
app = QApplication([])
document = QTextDocument("text")
block = document.firstBlock()
none_before = sys.getrefcount(None)
for _ in range(20000):
    block.textList()
box = QCheckBox()
box.toggled.connect(lambda checked: None)
true_before = sys.getrefcount(True)
for _ in range(4000):
    box.toggle()
print(sys.getrefcount(None) - none_before, sys.getrefcount(True) - true_before)
"""


def test_calls_returning_none_or_bool_keep_reference_counts_balanced() -> None:
    run = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    none_drift, true_drift = (int(x) for x in run.stdout.split())
    assert abs(none_drift) < 100 and abs(true_drift) < 100
