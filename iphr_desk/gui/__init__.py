"""The PySide6 desktop application: a client of iphr_desk.core."""
