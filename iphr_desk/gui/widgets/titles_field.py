"""A signatory's title in each letter language ("Directrice", "Director", "Директор", "Direktorin").

The signatory form shows it under the general title: a letter prints the title of its own language and
falls back to the general one (core.letters.letter.Signatory.title_for), and the letter editor says so.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from iphr_desk.core.letters.letter import LANGUAGES, Titles, normal_titles

LANGUAGE_NAMES = {"fr": "Français", "en": "English", "ru": "Русский", "de": "Deutsch"}


class TitlesField(QWidget):
    """One line per letter language; a blank line means "use the general title"."""

    def __init__(self, titles: Titles = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        given = dict(titles)
        self.edits: dict[str, QLineEdit] = {}
        for language in LANGUAGES:
            edit = QLineEdit(given.get(language, ""), self)
            name = LANGUAGE_NAMES[language]
            edit.setAccessibleName(self.tr("Title in %1").replace("%1", name))
            edit.setPlaceholderText(self.tr("The general title"))
            layout.addRow(name, edit)
            self.edits[language] = edit

    def titles(self) -> Titles:
        return normal_titles({language: edit.text() for language, edit in self.edits.items()})
