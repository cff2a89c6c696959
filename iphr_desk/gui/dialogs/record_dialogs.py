"""Forms for the short lists: recipients, signatories and letterheads (new, edit, delete)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iphr_desk.gui.models import labels

if TYPE_CHECKING:
    from iphr_desk.gui.context import AppContext

KINDS: tuple[str, ...] = ("recipient", "signatory", "letterhead")


def _field(obj: Any, name: str) -> str:
    value = getattr(obj, name, None) if obj is not None else None
    if isinstance(value, list | tuple):
        return "\n".join(str(v) for v in value)
    return "" if value is None else str(value)


class RecordDialog(QDialog):
    """One form for the three kinds; the fields shown depend on `kind`."""

    def __init__(self, ctx: AppContext, kind: str, record: Any | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName(f"{kind}Dialog")
        self.ctx = ctx
        self.kind = kind
        self.record_id: int | None = int(record.id) if record is not None else None
        titles = {
            "recipient": (self.tr("New Recipient"), self.tr("Edit Recipient")),
            "signatory": (self.tr("New Signatory"), self.tr("Edit Signatory")),
            "letterhead": (self.tr("New Letterhead"), self.tr("Edit Letterhead")),
        }
        self.setWindowTitle(titles[kind][record is not None])
        self.edits: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        getattr(self, f"_build_{kind}")(record)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def _line(self, key: str, caption: str, value: str) -> QLineEdit:
        edit = QLineEdit(value, self)
        edit.setCursorPosition(0)  # long titles show their beginning
        self._add(key, caption, edit)
        return edit

    def _text(self, key: str, caption: str, value: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(value, self)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 5)
        self._add(key, caption, edit)
        return edit

    def _combo(self, key: str, caption: str, choices: list[tuple[str | None, str]], value: str) -> QComboBox:
        combo = QComboBox(self)
        for data, text in choices:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(combo.findData(value or None), 0))
        self._add(key, caption, combo)
        return combo

    def _add(self, key: str, caption: str, widget: QWidget) -> None:
        widget.setAccessibleName(caption.replace("&", "").rstrip(":"))
        self.form.addRow(caption, widget)
        self.edits[key] = widget

    def _build_recipient(self, r: Any) -> None:
        from iphr_desk.core.letters.letter import GENDERS, OFFICE_IDS

        self._line("name", self.tr("&Name:"), _field(r, "name"))
        self._line("surname", self.tr("S&urname:"), _field(r, "surname"))
        self._combo(
            "gender", self.tr("&Gender:"), [(g, labels.gender(g)) for g in GENDERS], _field(r, "gender")
        )
        self._combo(
            "office", self.tr("&Office:"), [(o, labels.office(o)) for o in OFFICE_IDS], _field(r, "office")
        )
        self._line("title", self.tr("&Title:"), _field(r, "title"))
        self._line("organisation", self.tr("Or&ganisation:"), _field(r, "organisation"))
        self._text("address", self.tr("&Address:"), _field(r, "address"))
        languages: list[tuple[str | None, str]] = [(None, self.tr("Any"))]
        languages += [(code, labels.language(code)) for code in ("fr", "en", "ru", "de")]
        self._combo("language", self.tr("&Language:"), languages, _field(r, "language"))

    def _build_signatory(self, s: Any) -> None:
        self._line("name", self.tr("&Name:"), _field(s, "name"))
        self._line("title", self.tr("&Title:"), _field(s, "title"))
        from iphr_desk.gui.widgets.titles_field import TitlesField

        # The title a letter prints in its own language; the general title above stands in for the rest.
        self._add("titles", self.tr("Title &by language:"), TitlesField(getattr(s, "titles", ()) or (), self))
        self._line("organisation", self.tr("Or&ganisation:"), _field(s, "organisation"))
        from iphr_desk.gui.signature_image_field import SignatureImageField

        # Not one of `edits`: the image is stored on its own once the signatory is saved (issue 15).
        self.signature_field = SignatureImageField(self.ctx, self.record_id, self)
        self.form.addRow(self.tr("Signature &image:"), self.signature_field)

    def _build_letterhead(self, h: Any) -> None:
        name = self._line("name", self.tr("&Name:"), _field(h, "name"))
        name.setReadOnly(h is not None)  # letters refer to a letterhead by its name
        self._line("organisation", self.tr("Or&ganisation:"), _field(h, "organisation"))
        self._text("address", self.tr("&Address:"), _field(h, "address"))
        self._line("website", self.tr("&Website:"), _field(h, "website"))
        row = QWidget(self)
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        template = QLineEdit(_field(h, "template_path"), row)
        template.setAccessibleName(self.tr("Word template"))
        browse = QPushButton(self.tr("&Browse…"), row)
        browse.clicked.connect(lambda: self._browse_template(template))
        row_layout.addWidget(template, 1)
        row_layout.addWidget(browse)
        self.form.addRow(self.tr("Word &template:"), row)
        self.edits["template_path"] = template

    def _browse_template(self, target: QLineEdit) -> None:
        path = self.ctx.services.open_file(
            self, self.tr("Choose a Word Letterhead"), self.tr("Word documents (*.docx)")
        )
        if path is not None:
            target.setText(str(path))

    def values(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, widget in self.edits.items():
            if isinstance(widget, QLineEdit):
                result[key] = widget.text().strip() or None
            elif isinstance(widget, QPlainTextEdit):
                result[key] = widget.toPlainText().strip() or None
            elif isinstance(widget, QComboBox):
                result[key] = widget.currentData()
            elif hasattr(widget, "titles"):  # widgets.titles_field.TitlesField
                result[key] = widget.titles()
        return result

    def accept(self) -> None:
        values = self.values()
        if not values.get("name"):
            self.ctx.services.warning(self, self.windowTitle(), self.tr("Please fill in the name."))
            return
        from iphr_desk.gui.models.writes import save_record

        try:
            self.record_id = save_record(self.ctx, self.kind, self.record_id, values)
            if self.kind == "signatory" and self.record_id is not None:
                self.signature_field.save(self.record_id)
        except Exception as error:  # the store's sentence goes to the user; the form stays open
            self.ctx.services.error(self, self.windowTitle(), self.tr("This could not be saved."), str(error))
            return
        super().accept()


def edit_record(ctx: AppContext, kind: str, record_id: int | None, parent: QWidget | None) -> bool:
    """Open the form for a new (`record_id` None) or existing record; True when it was saved."""
    from iphr_desk.gui.models.writes import get_record

    record = get_record(ctx, kind, record_id) if record_id is not None else None
    dialog = RecordDialog(ctx, kind, record, parent)
    return bool(dialog.exec())


def delete_record(ctx: AppContext, kind: str, record_id: int, parent: QWidget | None) -> bool:
    from PySide6.QtCore import QCoreApplication

    from iphr_desk.gui.models.writes import delete_record_row

    def tr(text: str) -> str:
        return QCoreApplication.translate("RecordDialog", text)

    question = tr("Delete this entry? Letters keep their own copy of it.")
    if not ctx.services.ask_yes_no(parent, tr("Delete"), question):
        return False
    try:
        delete_record_row(ctx, kind, record_id)
    except Exception as error:  # e.g. the default letterhead cannot go: the store says so
        ctx.services.error(parent, tr("Delete"), tr("This could not be deleted."), str(error))
        return False
    return True
