"""Dialogs of the main window; each frees itself when closed (WA_DeleteOnClose)."""
