"""The letter editor: header form, rich-text body, live preview, case panel, revisions and review."""
