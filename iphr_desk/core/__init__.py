"""The Qt-free core: models, store, letter files, forms of address, export.

Nothing below this package may import Qt (tests/core/test_no_qt.py enforces it), so the CLI,
the exporter and the store work on a machine with no display.
"""
