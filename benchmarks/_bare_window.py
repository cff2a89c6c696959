"""The floor for start-up and memory: the least a PySide6 program does to show a main window.

Kept as plain as a first Qt tutorial on purpose: nothing the app does beyond this is free.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Bare window")
    window.resize(1100, 700)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
