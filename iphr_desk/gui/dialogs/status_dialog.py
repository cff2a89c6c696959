"""What a status change must say: why changes are requested, which signatory signed.

A request for changes without a reason leaves the writer guessing, and "Signed" without a name does not
say whose signature the letter carries; the review workflow asks both before the letter moves
(`LetterActions.change_status`). The answers go into the status change's note, one "key: value" line
each, with English keys so the command line and an older app read them as they are, and the window puts
them into words in the user's language (`note_lines`):

    role: director
    reason: Please cite the court ruling of 12 March.
    signed by: Brigitte Dufour
    own letter: confirmed
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

#: The statuses whose change asks for details first.
NEEDS_DETAILS: tuple[str, ...] = ("changes_requested", "signed")


@dataclass(frozen=True)
class StatusDetails:
    reason: str = ""
    signatory: str = ""


def compose_note(*, role: str = "", reason: str = "", signatory: str = "", own_letter: bool = False) -> str:
    """The status change's note (see the module docstring); '' when there is nothing to say."""
    lines = []
    if role:
        lines.append(f"role: {role}")
    if reason:
        lines.append("reason: " + " ".join(reason.split()))
    if signatory:
        lines.append(f"signed by: {signatory}")
    if own_letter:
        lines.append("own letter: confirmed")
    return "\n".join(lines)


def parse_note(note: str | None) -> dict[str, str]:
    """The note's "key: value" lines; a line in no such form is kept under "" (a note written by hand)."""
    found: dict[str, str] = {}
    for line in (note or "").splitlines():
        key, colon, value = line.partition(": ")
        if colon and key in ("role", "reason", "signed by", "own letter"):
            found[key] = value
        elif line.strip():
            found[""] = (found.get("", "") + " " + line.strip()).strip()
    return found


def note_lines(note: str | None, role_name: object = None) -> list[str]:
    """The note in words, translated; `role_name(code)` names a role (gui/dialogs/profile_dialog.py)."""
    tr = QCoreApplication.translate
    parts = parse_note(note)
    lines = []
    if "role" in parts:
        role = role_name(parts["role"]) if callable(role_name) else parts["role"]
        lines.append(tr("StatusNote", "As: %1").replace("%1", str(role)))
    if "reason" in parts:
        lines.append(tr("StatusNote", "Reason: %1").replace("%1", parts["reason"]))
    if "signed by" in parts:
        lines.append(tr("StatusNote", "Signed by: %1").replace("%1", parts["signed by"]))
    if "own letter" in parts:
        lines.append(tr("StatusNote", "On the author's own letter (confirmed)"))
    if "" in parts:
        free = parts[""]
        if free.startswith("reviewed copy "):  # core/exchange/review_import.py's note
            free = tr("StatusNote", "From the reviewed copy %1").replace(
                "%1", free.removeprefix("reviewed copy ")
            )
        lines.append(free)
    return lines


class StatusChangeDialog(QDialog):
    """Asks the reason for a request for changes, or which signatory signed."""

    def __init__(self, target: str, signatories: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusChangeDialog")
        self.target = target
        self.reason_edit: QPlainTextEdit | None = None
        self.signatory_combo: QComboBox | None = None
        form = QFormLayout()
        if target == "changes_requested":
            self.setWindowTitle(self.tr("Request Changes"))
            intro = self.tr(
                "Say what should change. The reason is added to the letter's comments and to its history."
            )
            self.reason_edit = QPlainTextEdit(self)
            self.reason_edit.setAccessibleName(self.tr("Reason"))
            self.reason_edit.setPlaceholderText(self.tr("What should the writer change, and why?"))
            self.reason_edit.setTabChangesFocus(True)
            self.reason_edit.textChanged.connect(self._update_ok)
            form.addRow(self.tr("&Reason:"), self.reason_edit)
        else:
            self.setWindowTitle(self.tr("Mark as Signed"))
            intro = self.tr(
                "Which signatory signed the letter? Their name is recorded in the letter's history."
            )
            self.signatory_combo = QComboBox(self)
            self.signatory_combo.setAccessibleName(self.tr("Signatory"))
            for name in signatories:
                self.signatory_combo.addItem(name, name)
            form.addRow(self.tr("&Signed by:"), self.signatory_combo)
        label = QLabel(intro, self)
        label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self._update_ok()

    def details(self) -> StatusDetails:
        reason = self.reason_edit.toPlainText().strip() if self.reason_edit is not None else ""
        signatory = str(self.signatory_combo.currentData() or "") if self.signatory_combo is not None else ""
        return StatusDetails(reason=reason, signatory=signatory)

    def _update_ok(self) -> None:
        details = self.details()
        ok = bool(details.reason) if self.target == "changes_requested" else bool(details.signatory)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def accept(self) -> None:
        if self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled():
            super().accept()
