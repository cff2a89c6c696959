"""Show one step of the signatory's loop in the real window, for the README's screenshots.

    ../shared/tools/screenshot packaging/screenshots/loop-import.png --wait 8 -- \\
        .venv/bin/python tools/review_loop_screens.py import /tmp/loop [fr|ru]

Steps: `send` (the letter list, "Send for Review" asked), `import` (a copy reviewed in Word, its changes
side by side before they are accepted), `comments` (the copy accepted: the letter's review panel with the
reviewers' Word comments), `compare` (two revisions compared as rendered text). Each run starts from an
empty folder: the demo data, the review letter of tests/core/exchange/review_letter.md, and a reviewed
copy made in Word's own markup by tests/core/exchange/word_fixtures.py (Word is not available here).
A developer tool: it drives the GUI the way a person would and is not shipped.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QTabWidget, QWidget  # noqa: E402


def main(step: str, folder: Path, language: str = "en") -> int:
    from iphr_desk.core.demo import load_demo
    from iphr_desk.core.exchange.review_import import (
        apply_review_import,
        export_for_review,
        plan_review_import,
    )
    from iphr_desk.core.letters.letterfile import parse_letter_file
    from iphr_desk.core.store.database import Store
    from iphr_desk.core.store.repository import comments as comment_repo
    from iphr_desk.core.store.repository import letters as letter_repo
    from iphr_desk.gui.app import make_application
    from iphr_desk.gui.context import AppContext
    from iphr_desk.gui.i18n import install_translators
    from iphr_desk.gui.main_window import MainWindow
    from iphr_desk.gui.services import Services
    from iphr_desk.gui.settings import Settings
    from tests.core.exchange.word_fixtures import word_review

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    app = make_application(sys.argv[:1])
    settings = Settings(folder / "settings.ini")
    settings.user_name = "Aigerim Tulegenova"
    settings.user_role = "field_officer"
    settings.profile_asked = True
    settings.ui_language = language
    install_translators(app, language)
    store = Store.open(folder / "data")
    load_demo(store)
    letter = parse_letter_file(ROOT / "tests" / "core" / "exchange" / "review_letter.md")
    letter_id = int(letter_repo.add_letter(store, letter, author="Aigerim Tulegenova"))
    comment_repo.add_comment(
        store, letter_id, "Should we name the newspaper she writes for?", author="Aigerim Tulegenova"
    )
    services = Services()
    window = MainWindow(settings, services)
    window.resize(1400, 900)
    window.show()
    window.attach(AppContext(store=store, services=services, settings=settings, data_dir=folder / "data"))
    keep: list[QWidget] = []

    def select() -> None:
        window.refresh()
        model = window.letter_model
        for row in range(model.rowCount()):
            if model.row_at(row).id == letter_id:
                window.letters_page.table.selectRow(row)

    def show_step() -> None:
        if step == "send":
            from iphr_desk.gui.review_actions import SendForReviewDialog

            select()
            dialog = SendForReviewDialog(letter.subject, window)
            dialog.show()
            keep.append(dialog)
            return
        letter_repo.change_status(
            store, letter_id, "in_review", author="Aigerim Tulegenova", note="role: field_officer"
        )
        sent = export_for_review(store, letter_id, folder / "sent.docx", author="Aigerim Tulegenova")
        copy = word_review(sent, folder / "Questions relatives aux droits humains (Brigitte).docx")
        plan = plan_review_import(store, copy)
        if step == "import":
            from iphr_desk.core.store.repository import revisions as revision_repo
            from iphr_desk.gui.dialogs.review_import_dialog import ReviewImportDialog
            from iphr_desk.gui.editor.revisions import revision_label

            infos = revision_repo.list_revisions(store, letter_id)
            sent_label = next(revision_label(i) for i in infos if i.id == plan.base_revision_id)
            review_dialog = ReviewImportDialog(plan, letter.subject, sent_label, window)
            review_dialog.resize(1180, 800)
            review_dialog.show()
            keep.append(review_dialog)
            return
        settings.user_name = "Brigitte Dufour"
        settings.user_role = "director"
        apply_review_import(store, plan, author="Aigerim Tulegenova")
        from iphr_desk.gui.editor.letter_editor import LetterEditor

        editor = window.open_letter(letter_id)
        assert isinstance(editor, LetterEditor)
        if step == "comments":
            for tabs in editor.findChildren(QTabWidget):
                for index in range(tabs.count()):
                    page = tabs.widget(index)
                    if page is editor.review or (page is not None and page.isAncestorOf(editor.review)):
                        tabs.setCurrentIndex(index)
            tree = editor.review.comments
            for index in range(tree.topLevelItemCount()):
                item = tree.topLevelItem(index)
                if item is not None and item.text(1).startswith("Jane"):
                    tree.setCurrentItem(item)
            return
        if step == "compare":
            revisions = editor.revisions
            ids = revisions.revision_ids()
            compare_dialog = revisions.compare(ids[-2] if len(ids) > 2 else ids[-1], ids[0])
            compare_dialog.resize(1100, 780)
            keep.append(compare_dialog)

    QTimer.singleShot(400, show_step)
    return app.exec()


if __name__ == "__main__":
    if len(sys.argv) < 3:
        print("usage: review_loop_screens.py send|import|comments|compare FOLDER [en|fr|ru]", file=sys.stderr)
        raise SystemExit(2)
    raise SystemExit(main(sys.argv[1], Path(sys.argv[2]), *(sys.argv[3:4])))
