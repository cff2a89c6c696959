"""The first start's question: who is using the app, and in which role (see gui/profile.py for why)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from iphr_desk.gui.settings import Settings

#: The roles offered (stored as these codes, shown translated); a user may also type their own words.
ROLES: tuple[str, ...] = ("field_officer", "programme_officer", "reviewer", "director", "partner")


def role_label(code: str) -> str:
    """A role as shown: the translated name of a known code, else the user's own words."""
    tr = QCoreApplication.translate
    names = {
        "field_officer": tr("Profile", "Field officer"),
        "programme_officer": tr("Profile", "Programme officer"),
        "reviewer": tr("Profile", "Reviewer"),
        "director": tr("Profile", "Director (signatory)"),
        "partner": tr("Profile", "Partner organisation"),
    }
    return names.get(code, code)


def role_code(text: str) -> str:
    """What to store for a role shown as `text`: the code when it is a known role's name, else the text."""
    text = text.strip()
    for code in ROLES:
        if text in (code, role_label(code)):
            return code
    return text


def role_combo(current: str, parent: QWidget) -> QComboBox:
    """An editable list of the known roles (their codes as data); a role typed in is kept as typed."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    for code in ROLES:
        combo.addItem(role_label(code), code)
    index = combo.findData(current) if current else -1
    if index >= 0:
        combo.setCurrentIndex(index)
    else:
        combo.setCurrentIndex(-1)
        combo.setEditText(current)
    edit = combo.lineEdit()
    if edit is not None:
        edit.setPlaceholderText(QCoreApplication.translate("Profile", "Choose or type your role"))
    return combo


def chosen_role(combo: QComboBox) -> str:
    return role_code(combo.currentText())


class ProfileQuestion(QDialog):
    """The first start's question: the user's name and role, stored in the settings on OK."""

    #: The name was stored (the caller may refresh what shows it).
    nameChosen = Signal(str)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("profileQuestion")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setWindowTitle(self.tr("Welcome to IPHR Desk"))
        intro = QLabel(
            self.tr(
                "Your name is recorded with every status change, comment and revision, so your colleagues "
                "know who approved or changed a letter; your role says in which capacity. You can change "
                "both later in Preferences."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(settings.user_name, self)
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.name_edit.setPlaceholderText(self.tr("First name and surname"))
        self.role_combo = role_combo(settings.user_role, self)
        self.role_combo.setAccessibleName(self.tr("Your role"))
        form = QFormLayout()
        form.addRow(self.tr("Your &name:"), self.name_edit)
        form.addRow(self.tr("Your &role:"), self.role_combo)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(self._update_ok)
        self.role_combo.currentTextChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name_edit.text().strip()) and bool(self.role_combo.currentText().strip()))

    def accept(self) -> None:
        name = self.name_edit.text().strip()
        role = chosen_role(self.role_combo)
        if not name or not role:
            return
        self.settings.user_name = name
        self.settings.user_role = role
        self.settings.sync()
        self.nameChosen.emit(name)
        super().accept()
