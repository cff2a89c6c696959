"""A salutation that waits for the recipient's name instead of printing "Уважаемый(ая) !" or "Dear ,".

The protocol tables fill the recipient's name or surname into most salutations; before a name is typed
the filled form is a dangling courtesy word. The GUI shows a hint in its place, in the header form and in
the preview, while the core keeps computing the letter's text unchanged (the export refuses no name on
its own terms). Whether a salutation uses the name is asked of the tables themselves, by computing it
once more with a sample name, so a new language or office needs no change here.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from iphr_desk.core.errors import IphrError
from iphr_desk.core.protocol import address as protocol

if TYPE_CHECKING:
    from iphr_desk.core.letters.letter import Recipient
    from iphr_desk.core.protocol.housestyle import HouseStyle

#: A name the tables fill in like any other; only compared, never shown.
SAMPLE_NAME = "Sample Samplename"
AWAITING = "awaitingName"


def hint_text() -> str:
    return QCoreApplication.translate(
        "NameHint", "The salutation appears once the recipient's name is typed."
    )


def awaits_name(
    recipient: Recipient, language: str, register: str, voice: str, style: HouseStyle | None
) -> bool:
    """True when the recipient has no name yet and the computed salutation would use one."""
    if recipient.name.strip() or (recipient.surname or "").strip() or (recipient.salutation or "").strip():
        return False
    try:
        empty = protocol.salutation_for(recipient, language, register, voice, style)
        named = protocol.salutation_for(
            replace(recipient, name=SAMPLE_NAME), language, register, voice, style
        )
    except IphrError:
        return False
    return empty != named


def show_computed(label: QLabel, edit: QLineEdit, text: str, awaiting: bool) -> None:
    """Show a computed salutation in `label`, or the hint (greyed, in italics) while it awaits a name.

    The label's `awaitingName` property says which, so the override box does not copy the hint.
    """
    label.setProperty(AWAITING, awaiting)
    font = label.font()
    font.setItalic(awaiting)
    label.setFont(font)
    palette = QApplication.palette(label)
    if awaiting:
        palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
    label.setPalette(palette)
    label.setText(hint_text() if awaiting else text)
    edit.setPlaceholderText(hint_text() if awaiting else "")
