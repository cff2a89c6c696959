"""Reusable widgets of the main window; each emits `...Requested`/`...Changed` signals, never calls others."""
