"""The window's "Export Package…" and "Import Package…" (issue 15): letters with their whole history, carried
to another machine in an encrypted file and merged there (core/exchange/package.py, package_merge.py).

Contributed to the Letter menu's "Review and Exchange" submenu (exchange_menu.py). Export takes the selected
letters; import merges a package into the store. Each asks for the file, then the passphrase (twice on
export, so a typo does not lock the package), and runs through `StoreOp`: one dialog on failure (a wrong
passphrase, an altered or foreign file: the core's sentence, nothing imported), the views refreshed. The
result is one line in the status bar, or a message box when edits made on both machines need a look.
The age passphrase step (scrypt) takes about a second, on purpose: a wait cursor shows it.

Imported while the window is built: the core is imported in the handlers.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from iphr_desk.gui.store_op import Changes, StoreOp

if TYPE_CHECKING:
    from collections.abc import Callable

    from iphr_desk.core.exchange.package_merge import MergeReport
    from iphr_desk.gui.context import AppContext
    from iphr_desk.gui.exchange_menu import ExchangeMenu

#: How long the one-line result stays in the status bar (ms).
STATUS_MS = 10_000


def _tr(text: str) -> str:
    return QCoreApplication.translate("PackageActions", text)


def add_actions(menu: ExchangeMenu) -> None:
    PackageActions(menu)


class PassphraseDialog(QDialog):
    """The package's passphrase: typed twice when a package is made (and, then, whether to add the cases)."""

    def __init__(self, *, confirm: bool, file_name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("packagePassphraseDialog")
        self.setWindowTitle(self.tr("Package Passphrase") if confirm else self.tr("Open Package"))
        text = (
            self.tr(
                "“%1” is encrypted with this passphrase. Give it to the recipient another way than the "
                "file itself (by phone, in person)."
            )
            if confirm
            else self.tr("The passphrase “%1” was encrypted with:")
        )
        intro = QLabel(text.replace("%1", file_name), self)
        intro.setWordWrap(True)
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("packagePassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.again = QLineEdit(self)
        self.again.setObjectName("packagePassphraseAgain")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName(self.tr("The same passphrase again"))
        self.with_cases = QCheckBox(self.tr("Add the letters' &cases, with their people and events"), self)
        self.with_cases.setObjectName("packageWithCases")
        self.problem = QLabel(self)
        self.problem.setObjectName("packagePassphraseProblem")
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        if confirm:
            form.addRow(self.tr("&Again:"), self.again)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        if confirm:
            layout.addWidget(self.with_cases)
        else:
            self.again.hide()
            self.with_cases.hide()
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.confirm = confirm
        for edit in (self.passphrase, self.again):
            edit.textChanged.connect(self._check)
        self.setMinimumWidth(440)
        self._check()

    def _check(self) -> None:
        typed = self.passphrase.text()
        differ = self.confirm and bool(self.again.text()) and self.again.text() != typed
        self.problem.setText(self.tr("The two passphrases differ.") if differ else "")
        ready = bool(typed) and (not self.confirm or self.again.text() == typed)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def value(self) -> str:
        return self.passphrase.text()


class PackageActions(QObject):
    """The two actions and their runs; `dialog` is the passphrase dialog while it is open (tests fill it)."""

    def __init__(self, menu: ExchangeMenu) -> None:
        super().__init__(menu)
        self.menu = menu
        menu.addSeparator()
        self.export_action = QAction(_tr("Export &Package…"), menu)
        self.export_action.setObjectName("exportPackage")
        self.export_action.setStatusTip(
            _tr("Write the selected letters with their history to an encrypted package for another machine")
        )
        self.import_action = QAction(_tr("I&mport Package…"), menu)
        self.import_action.setObjectName("importPackage")
        self.import_action.setStatusTip(
            _tr("Merge letters from an encrypted package made on another machine")
        )
        menu.addAction(self.export_action)
        menu.addAction(self.import_action)
        self.export_action.triggered.connect(lambda _checked=False: self.export_package())
        self.import_action.triggered.connect(lambda _checked=False: self.import_package())
        menu.aboutToShow.connect(self.update_actions)
        self.dialog: PassphraseDialog | None = None
        #: The last result line (what the status bar or the message box showed).
        self.last_result = ""

    @property
    def ctx(self) -> AppContext | None:
        return self.menu.host.ctx

    def _parent(self) -> QWidget:
        return self.menu.window_

    def update_actions(self) -> None:
        ready = self.ctx is not None and self.menu.letter_actions is not None
        self.export_action.setEnabled(ready and bool(self.menu.selected()))
        self.import_action.setEnabled(ready)

    def _passphrase(self, *, confirm: bool, file_name: str) -> tuple[str, bool] | None:
        dialog = PassphraseDialog(confirm=confirm, file_name=file_name, parent=self._parent())
        self.dialog = dialog
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.value(), dialog.with_cases.isChecked()
        finally:
            self.dialog = None
            dialog.deleteLater()

    # Export -------------------------------------------------------------------------------------------

    def export_package(self) -> Path | None:
        ctx, letter_actions = self.ctx, self.menu.letter_actions
        letter_ids = self.menu.selected()
        if ctx is None or letter_actions is None or not letter_ids or not letter_actions.flush(letter_ids):
            return None
        from iphr_desk.core.exchange.package import SUFFIX

        suggested = str(Path.home() / f"letters-{dt.date.today().isoformat()}{SUFFIX}")
        path = ctx.services.save_file(
            self._parent(), _tr("Export Package"), suggested, _tr("IPHR Desk packages (*.iphrpkg)")
        )
        if path is None:
            return None
        if path.suffix.lower() != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        answer = self._passphrase(confirm=True, file_name=path.name)
        if answer is None:
            return None
        passphrase, with_cases = answer
        author = letter_actions.author()
        from iphr_desk.core.exchange.package import export_package

        counts: list[int] = []
        self._busy(
            lambda: (
                StoreOp(
                    self._parent(),
                    ctx.services,
                    _tr("Could Not Export the Package"),
                    lambda: export_package(
                        ctx.store, letter_ids, path, passphrase, with_cases=with_cases, author=author
                    ),
                    changes=Changes.LETTERS,  # a save point may have been added to each letter
                    refresh=self.menu.host.refresh_changed,
                )
                .success(counts.append)
                .run()
            )
        )
        if not counts:
            return None
        self._tell(
            QCoreApplication.translate(
                "PackageActions", "%n letter(s) written to %1. Give the passphrase separately.", "", counts[0]
            ).replace("%1", str(path))
        )
        return path

    # Import -------------------------------------------------------------------------------------------

    def import_package(self) -> MergeReport | None:
        ctx, letter_actions = self.ctx, self.menu.letter_actions
        if ctx is None or letter_actions is None:
            return None
        path = ctx.services.open_file(
            self._parent(), _tr("Import Package"), _tr("IPHR Desk packages (*.iphrpkg);;All files (*)")
        )
        if path is None:
            return None
        self.menu.host.flush_editors()  # what is typed in an open letter is stored before the merge
        answer = self._passphrase(confirm=False, file_name=path.name)
        if answer is None:
            return None
        author = letter_actions.author()
        from iphr_desk.core.exchange.package_merge import import_package

        reports: list[MergeReport] = []
        self._busy(
            lambda: (
                StoreOp(
                    self._parent(),
                    ctx.services,
                    _tr("Could Not Import the Package"),
                    lambda: import_package(ctx.store, path, answer[0], author=author),
                    changes=Changes.LETTERS | Changes.CASES,
                    refresh=self.menu.host.refresh_changed,
                )
                .success(reports.append)
                .run()
            )
        )
        if not reports:
            return None
        report = reports[0]
        self._refresh_editors({o.letter_id: o.status for o in report.letters if o.changed and not o.added})
        line = describe(report)
        if report.concurrent:
            self.last_result = line
            ctx.services.info(self._parent(), _tr("Package Imported"), line)
        else:
            self._tell(line)
        return report

    # Helpers ------------------------------------------------------------------------------------------

    def _refresh_editors(self, changed: dict[int, str]) -> None:
        """Open editors of merged letters show the merged text and status (their own edits were stored
        before the merge, so reading the letter again loses nothing)."""
        editor_tabs = getattr(self.menu.window_, "editor_tabs", None)
        for editor in editor_tabs() if editor_tabs is not None else []:
            if getattr(editor, "letter_id", None) in changed and hasattr(editor, "reload"):
                editor.reload()
        letter_actions = self.menu.letter_actions
        if letter_actions is not None:
            for letter_id, status in changed.items():
                letter_actions.statusChanged.emit(letter_id, status)

    def _busy(self, work: Callable[[], object]) -> None:
        from PySide6.QtCore import Qt  # its enums cost the first paint several ms: loaded on first use

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            work()
        finally:
            QGuiApplication.restoreOverrideCursor()

    def _tell(self, line: str) -> None:
        self.last_result = line
        self.menu.host.statusBar().showMessage(line, STATUS_MS)


def describe(report: MergeReport) -> str:
    """The import's result in one translated line, from the report's figures."""
    if not report.changed:
        return QCoreApplication.translate(
            "PackageActions",
            "Nothing new: the %n letter(s) of the package were already here.",
            "",
            len(report.letters),
        )
    added = sum(o.added for o in report.letters)
    updated = sum(o.changed and not o.added for o in report.letters)
    parts = [
        QCoreApplication.translate("PackageActions", "%n letter(s) added", "", added),
        QCoreApplication.translate("PackageActions", "%n updated", "", updated),
    ]
    if report.cases_added:
        parts.append(QCoreApplication.translate("PackageActions", "%n case(s) added", "", report.cases_added))
    line = ", ".join(parts) + "."
    if report.concurrent:
        ids = ", ".join(str(o.letter_id) for o in report.concurrent)
        line += " " + _tr(
            "Edited on both machines, merged and flagged for you to check in the revisions: letter(s) %1."
        ).replace("%1", ids)
    return line
