"""The French and Russian interfaces: complete catalogs, and no English left on screen.

The catalog tests read resources/translations/*.ts; the screen tests build the main window, the letter
editor and the dialogs with the French or Russian translators installed and read every text a user sees
(menus, buttons, labels, headers, tabs, placeholders, combo items, tooltips). A text that is an English
source string of our catalogs (or a standard Qt button) whose translation differs is English on screen.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QTreeWidget,
    QWidget,
)

from iphr_desk.gui.i18n import install_translators, remove_translators
from iphr_desk.resources import resource

LANGUAGES = ("fr", "ru")
TRANSLATIONS = resource("translations")
#: Qt's own button texts: translated by the qtbase catalog, so they must not show in English either.
#: The interface-language picker names each language in itself (a Russian user finds "English" as such).
ENDONYMS = {"English"}
QT_BUTTONS = {"Cancel", "&Cancel", "Save", "&Save", "Close", "&Close", "&Yes", "&No", "Apply", "&Apply"}
PLACEHOLDER = re.compile(r"%L?n|%\d|\{\w*\}|</?\w+>")
#: `:` `;` `!` `?` ending a phrase without a no-break space (U+00A0 or U+202F) before it.
FRENCH_MISSING_NBSP = re.compile(r"(?<![\u00a0\u202f])[:;!?](?=\s|$)")


def _catalogs() -> ModuleType:
    """resources/translations/catalogs.py, the script `make translations` runs (not a package module)."""
    spec = importlib.util.spec_from_file_location("iphr_catalogs", TRANSLATIONS / "catalogs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


catalogs = _catalogs()


def _entries(language: str) -> list[tuple[Any, list[str], str | None]]:
    """(message, its translation forms, its type attribute) for every entry of a catalog."""
    result = []
    for message, element in catalogs.catalog_messages(TRANSLATIONS / f"iphr_desk_{language}.ts"):
        forms = [f.text or "" for f in element.findall("numerusform")] or [element.text or ""]
        result.append((message, forms, element.get("type")))
    return result


# The catalogs -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_finished(language: str) -> None:
    plural_forms = catalogs.PLURAL_FORMS[language]
    problems = []
    for message, forms, kind in _entries(language):
        if kind is not None:
            problems.append(f"{kind}: {message}")
        if any(not form.strip() for form in forms):
            problems.append(f"empty: {message}")
        if message.numerus and len(forms) != plural_forms:
            problems.append(f"{len(forms)} plural forms, not {plural_forms}: {message}")
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_and_markup_are_kept(language: str) -> None:
    problems = []
    for message, forms, _ in _entries(language):
        wanted = sorted(PLACEHOLDER.findall(message.source))
        for form in forms:
            if sorted(PLACEHOLDER.findall(form)) != wanted:
                problems.append(f"{message.source!r} -> {form!r}")
            if ("&" in message.source.replace("&&", "")) != ("&" in form.replace("&&", "")):
                problems.append(f"keyboard mnemonic (&) lost or added: {message.source!r} -> {form!r}")
    assert problems == [], "\n".join(problems)


def test_french_has_no_break_space_before_high_punctuation() -> None:
    bad = [form for _, forms, _ in _entries("fr") for form in forms if FRENCH_MISSING_NBSP.search(form)]
    assert bad == []


def test_catalogs_hold_every_string_the_gui_asks_for() -> None:
    """A string added to the GUI without `make translations` (and a translation) fails here."""
    wanted = catalogs.extract(catalogs.gui_sources()).messages
    for language in LANGUAGES:
        have = {message for message, _, _ in _entries(language)}
        missing = sorted(wanted - have)
        assert missing == [], f"{language}: run `make translations` and translate:\n" + "\n".join(
            f"[{m.context}] {m.source!r}" for m in missing
        )


def test_extractor_reads_the_gui_patterns(tmp_path: Path) -> None:
    source = tmp_path / "sample.py"
    source.write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "def _tr(text):\n    return QCoreApplication.translate('Helper', text)\n"
        "class Base:\n    def a(self):\n        return self.tr('From base'), self.tr('%n item(s)', '', 2)\n"
        "class Child(Base):\n    pass\n"
        "def f(value):\n"
        "    tr = QCoreApplication.translate\n"
        "    return _tr('Helped'), tr('Alias', 'Aliased'), QCoreApplication.translate('Ctx', 'Direct'),"
        " _tr(value)\n",
        encoding="utf-8",
    )
    found = catalogs.extract([source])
    message = catalogs.Message
    assert found.messages == {
        message("Helper", "Helped"),
        message("Alias", "Aliased"),
        message("Ctx", "Direct"),
        message("Base", "From base"),
        message("Child", "From base"),  # PySide6 passes the run-time class as the context
        message("Base", "%n item(s)", "", True),
        message("Child", "%n item(s)", "", True),
    }
    assert found.dynamic == [f"{source}:11"]  # _tr(value): not a literal


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogs_match_their_sources(language: str, tmp_path: Path) -> None:
    """The committed .qm files are what lrelease makes of the .ts files (`make run` uses them as they are)."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not installed next to this Python")
    built = tmp_path / f"iphr_desk_{language}.qm"
    ts_file = TRANSLATIONS / f"iphr_desk_{language}.ts"
    subprocess.run([str(lrelease), "-silent", str(ts_file), "-qm", str(built)], check=True)
    assert built.read_bytes() == (TRANSLATIONS / f"iphr_desk_{language}.qm").read_bytes()


# install_translators ------------------------------------------------------------------------------------


@pytest.fixture
def restore_locale(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    yield
    app = QApplication.instance()
    assert app is not None
    remove_translators(app)
    QLocale.setDefault(before)


@pytest.mark.parametrize(
    ("asked", "used", "word"),
    [("fr", "fr", "Brouillon"), ("ru", "ru", "Черновик"), ("en", "en", "Draft"), ("de", "en", "Draft")],
)
def test_install_translators(restore_locale: None, asked: str, used: str, word: str) -> None:
    app = QApplication.instance()
    assert app is not None
    assert install_translators(app, asked) == used
    assert QCoreApplication.translate("Labels", "Draft") == word
    assert QLocale().name().split("_")[0] == used


def test_qt_own_dialogs_are_translated(restore_locale: None) -> None:
    app = QApplication.instance()
    assert app is not None
    install_translators(app, "ru")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Отмена"
    install_translators(app, "fr")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"


def test_system_language_is_followed(qapp: QApplication) -> None:
    from iphr_desk.gui.i18n import choose_language

    assert choose_language(None, QLocale("ru_KZ")) == "ru"
    assert choose_language("", QLocale("fr_BE")) == "fr"
    assert choose_language(None, QLocale("de_DE")) == "en"
    assert choose_language("fr-CA", QLocale("ru_RU")) == "fr"


# What a French or Russian user sees ---------------------------------------------------------------------


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest, restore_locale: None) -> str:
    app = QApplication.instance()
    assert app is not None
    assert install_translators(app, request.param) == request.param
    return str(request.param)


def _english(language: str) -> set[str]:
    """English texts that must not be seen: our sources and Qt's button texts, mnemonics (&) or not,
    except those that are also a translation in this language ("Date", "Organisation", "Format" in French).
    """
    sources: set[str] = set(QT_BUTTONS)
    translated: set[str] = set()
    for message, forms, _ in _entries(language):
        sources.add(message.source)
        translated.update(forms)
    sources |= {text.replace("&", "") for text in sources}
    translated |= {text.replace("&", "") for text in translated}
    return sources - translated - ENDONYMS


def _action_texts(action: QAction) -> Iterator[str]:
    if not action.isSeparator():
        yield from (action.text(), action.toolTip(), action.statusTip())
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield menu.title()
        for child in menu.actions():
            yield from _action_texts(child)


def _view_headers(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if isinstance(view, QTableView):
        columns = view.horizontalHeader().count()
    elif isinstance(view, QTreeView):
        columns = view.header().count()
    else:
        return
    for column in range(columns):
        yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")


def _widget_texts(widget: QWidget) -> Iterator[str]:
    """Every text of a widget a user reads; data labels (names, subjects) are data, not interface."""
    if isinstance(widget, QLabel) and widget.objectName() != "dataLabel":
        yield widget.text()
    if isinstance(widget, QAbstractButton):
        yield widget.text()
    if isinstance(widget, QGroupBox):
        yield widget.title()
    if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
        yield widget.placeholderText()
    if isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    if isinstance(widget, QTabWidget):
        yield from (widget.tabText(i) for i in range(widget.count()))
    if isinstance(widget, QDockWidget):
        yield widget.windowTitle()
    if isinstance(widget, QListWidget):
        yield from (item.text() for item in (widget.item(i) for i in range(widget.count())) if item)
    if isinstance(widget, QTreeWidget):
        header = widget.headerItem()
        if header is not None:
            yield from (header.text(i) for i in range(header.columnCount()))
    elif isinstance(widget, QAbstractItemView):
        yield from _view_headers(widget)
    yield widget.toolTip()
    yield widget.accessibleName()


def _english_on_screen(top: QWidget, english: set[str]) -> list[str]:
    texts: list[tuple[str, str]] = [("window title", top.windowTitle())]
    for action in top.findChildren(QAction):
        texts += [(f"action {action.objectName()}", text) for text in _action_texts(action)]
    for child in [top, *top.findChildren(QWidget)]:
        where = f"{type(child).__name__} {child.objectName()}".strip()
        texts += [(where, text) for text in _widget_texts(child)]
    return sorted({f"{where}: {text!r}" for where, text in texts if text and text in english})


def test_main_window_and_letter_editor_show_no_english(
    language: str, qtbot: Any, ctx: Any, seeded: dict[str, int]
) -> None:
    from iphr_desk.gui.main_window import MainWindow
    from iphr_desk.gui.widgets.navigation import PAGES

    window = MainWindow(ctx.settings, ctx.services)
    qtbot.addWidget(window)
    window.show()
    window.attach(ctx)
    english = _english(language)
    found: list[str] = []
    for page in PAGES:  # each list builds its own headers, filters and placeholder
        window.show_page(page)
        found += _english_on_screen(window, english)
    window.show_page("cases")
    window.case_view.show_case(seeded["case_kz"])
    editor = window.open_letter(seeded[f"letter_{language}"])
    assert editor is not None
    found += _english_on_screen(window, english)
    window.letter_model.wait_for_background()
    assert sorted(set(found)) == [], f"English in the {language} interface:\n" + "\n".join(sorted(set(found)))


def test_dialogs_show_no_english(language: str, qtbot: Any, ctx: Any, seeded: dict[str, int]) -> None:
    from iphr_desk.gui.dialogs.backup_dialog import BackupDialog
    from iphr_desk.gui.dialogs.case_dialog import CaseDialog
    from iphr_desk.gui.dialogs.preferences import PreferencesDialog
    from iphr_desk.gui.dialogs.record_dialogs import RecordDialog
    from iphr_desk.gui.export.dialog import ExportDialog

    english = _english(language)
    found: list[str] = []
    for dialog in (
        PreferencesDialog(ctx.settings, ctx.services, ctx),
        CaseDialog(ctx, seeded["case_kz"]),
        CaseDialog(ctx, None),
        BackupDialog(ctx),
        RecordDialog(ctx, "recipient", None),
        RecordDialog(ctx, "signatory", None),
        RecordDialog(ctx, "letterhead", None),
        ExportDialog(ctx.services, 2, True, False),
    ):
        qtbot.addWidget(dialog)
        found += _english_on_screen(dialog, english)
    assert found == [], f"English in the {language} dialogs:\n" + "\n".join(found)


def test_english_is_detected(qtbot: Any) -> None:
    """The screen check itself: an untranslated label is reported."""
    widget = QWidget()
    qtbot.addWidget(widget)
    QLabel("Closing", widget)
    assert _english_on_screen(widget, _english("fr")) == ["QLabel: 'Closing'"]


# Word by word: no English word that is not a proper name, in any window, dialog or menu -----------------

#: Names that read the same in every language: the product, programs, formats, keys, the organisation.
PROPER_NAMES = {
    "iphr",
    "desk",
    "libreoffice",
    "word",
    "pdf",
    "docx",
    "markdown",
    "yaml",
    "utf",
    "ctrl",
    "shift",
    "alt",
    "del",
    "tab",
    "esc",
    "english",
    "pades",
    "sqlcipher",
    "https",
    "http",
    "www",
    "org",
    "demo",
}
#: A word, in any script; only words written in Latin letters without accents can be English.
WORD = re.compile(r"\b[^\W\d_]{3,}\b")
ASCII_WORD = re.compile(r"[A-Za-z]+")
MARKUP = re.compile(r"<[^>]*>|&[a-z]+;")
#: Quoted names in a translation (the letter file's keys: « recipients »): not words of the language.
QUOTED = re.compile(r"«[^»]*»|'[^']*'|“[^”]*”|`[^`]*`")
#: Never a proper name: Qt's internal name of Shift+Tab, which no keyboard shows.
ALWAYS_ENGLISH = {"backtab"}
ROWS_READ = 20


def _english_words(language: str) -> set[str]:
    """Words of our English interface that no translation in `language` uses ("Date", "Format" and
    "Organisation" are French too), proper names aside: seen in that language, they are English."""
    english: set[str] = set()
    native: set[str] = set()
    for message, forms, _ in _entries(language):
        source = MARKUP.sub(" ", PLACEHOLDER.sub(" ", message.source.replace("&", "")))
        english |= {w.lower() for w in WORD.findall(source) if ASCII_WORD.fullmatch(w)}
        for form in forms:
            native |= {w.lower() for w in WORD.findall(QUOTED.sub(" ", form.replace("&", "")))}
    return (english - native - PROPER_NAMES) | ALWAYS_ENGLISH


def _data_texts(store: Any) -> list[str]:
    """What the user typed into the store (subjects, names, case facts): data, in any language."""
    from iphr_desk.core.store.repository import address_book, cases, comments, letter_lists

    texts: list[str] = []
    for summary in letter_lists.letter_summaries(store):
        texts += [str(getattr(summary, name, "") or "") for name in ("subject", "recipient_name", "place")]
    for case in cases.case_summaries(store):
        detail = cases.get_case_detail(store, case.id)
        texts += [detail.reference, detail.title, detail.summary or "", detail.region or ""]
        texts += [person.name for person in detail.people]
        texts += [event.description for event in detail.events]
        texts += [str(event.source_url or "") for event in detail.events]
        texts += list(detail.themes)
    for record in address_book.list_recipients(store):
        texts += [record.recipient.name, record.recipient.title or ""]
    for signatory in address_book.list_signatories(store):
        texts += [
            signatory.signatory.name,
            signatory.signatory.title or "",
            signatory.signatory.organisation or "",
        ]
    for letter in letter_lists.letter_summaries(store):
        texts += [comment.text for comment in comments.list_comments(store, letter.id)]
    texts += _REVIEW_DATA
    return sorted({t for t in texts if t.strip()}, key=len, reverse=True)


def _shortcut_texts(top: QWidget) -> Iterator[tuple[str, str]]:
    from PySide6.QtGui import QKeySequence

    for action in top.findChildren(QAction):
        for sequence in action.shortcuts():
            yield f"shortcut of {action.text()!r}", sequence.toString(QKeySequence.SequenceFormat.NativeText)


def _item_texts(widget: QWidget) -> Iterator[str]:
    """The cells a list shows (statuses, languages, dates: labels; names and subjects are data)."""
    from PySide6.QtWidgets import QTreeWidgetItemIterator

    if isinstance(widget, QTreeWidget):
        iterator = QTreeWidgetItemIterator(widget)
        while iterator.value() is not None:
            item = iterator.value()
            yield from (item.text(column) for column in range(item.columnCount()))
            iterator += 1
        return
    if isinstance(widget, QAbstractItemView) and not isinstance(widget, QListWidget):
        model = widget.model()
        if model is None:
            return
        for row in range(min(model.rowCount(), ROWS_READ)):
            for column in range(model.columnCount()):
                yield str(model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole) or "")


def _english_words_on_screen(top: QWidget, words: set[str], data: list[str]) -> list[str]:
    """Each text a user reads in `top` (window title, menus, shortcuts, widgets) holding an English word,
    once the data it shows is taken out."""
    texts: list[tuple[str, str]] = [("window title", top.windowTitle())]
    for action in top.findChildren(QAction):
        texts += [(f"action {action.objectName()}", text) for text in _action_texts(action)]
    texts += list(_shortcut_texts(top))
    for child in [top, *top.findChildren(QWidget)]:
        if child.objectName() == "dataLabel":
            continue
        where = f"{type(child).__name__} {child.objectName()}".strip()
        texts += [(where, text) for text in _widget_texts(child)]
        texts += [(f"{where} item", text) for text in _item_texts(child)]
    found = set()
    for where, text in texts:
        shown = (text or "").replace("&&", "\0").replace("&", "").replace("\0", "&")
        for value in data:
            shown = shown.replace(value, " ")
        shown = MARKUP.sub(" ", shown)
        # Links, e-mail addresses, paths and file names ("reviewed.docx", "letters.iphrpkg").
        shown = re.sub(r"https?://\S+|\S+@\S+|[\w.-]*[/\\][\w./\\-]*|[\w-]+\.[A-Za-z]{2,8}\b", " ", shown)
        hits = sorted({w for w in WORD.findall(PLACEHOLDER.sub(" ", shown)) if w.lower() in words})
        if hits:
            found.add(f"{where}: {text!r} ({', '.join(hits)})")
    return sorted(found)


def _walk_dialogs(ctx: Any, seeded: dict[str, int]) -> Iterator[QWidget]:
    """Every dialog of the app, built as the app builds it (new ones are added here as they come)."""
    from iphr_desk.gui.dialogs.backup_dialog import BackupDialog
    from iphr_desk.gui.dialogs.case_dialog import CaseDialog
    from iphr_desk.gui.dialogs.preferences import PreferencesDialog
    from iphr_desk.gui.dialogs.record_dialogs import RecordDialog
    from iphr_desk.gui.export.dialog import ExportDialog

    yield PreferencesDialog(ctx.settings, ctx.services, ctx)
    yield CaseDialog(ctx, seeded["case_kz"])
    yield CaseDialog(ctx, None)
    yield BackupDialog(ctx)
    for kind in ("recipient", "signatory", "letterhead"):
        yield RecordDialog(ctx, kind, None)
    yield ExportDialog(ctx.services, 1, False, True)
    yield ExportDialog(ctx.services, 2, True, False)
    yield from _walk_new_dialogs(ctx, seeded)


def _walk_new_dialogs(ctx: Any, seeded: dict[str, int]) -> Iterator[QWidget]:
    """The review, signing and comparison dialogs (issue 16's other helpers)."""
    from pathlib import Path as _Path

    from iphr_desk.gui.dialogs.profile_dialog import ProfileQuestion
    from iphr_desk.gui.dialogs.status_dialog import StatusChangeDialog
    from iphr_desk.gui.editor.compare_view import CompareDialog
    from iphr_desk.gui.review_actions import SendForReviewDialog
    from iphr_desk.gui.sign_actions import SignDialog

    yield ProfileQuestion(ctx.settings)
    for target in ("changes_requested", "signed", "approved"):
        yield StatusChangeDialog(target, ["Brigitte Dufour"])
    subject = "Zebra crossing of human rights concerns"  # a seeded letter's subject: data
    yield SendForReviewDialog(subject)
    yield SignDialog(ctx, subject, ["Brigitte Dufour"], _Path("letter.pdf"), None)
    compare = CompareDialog()
    yield compare
    yield from _walk_exchange_dialogs(ctx, seeded)


def _walk_exchange_dialogs(ctx: Any, seeded: dict[str, int]) -> Iterator[QWidget]:
    """Comparing two versions, a reviewed copy coming back, and the exchange packages' passphrase."""
    import tempfile
    from dataclasses import replace

    from iphr_desk.core.exchange.review_import import export_for_review, plan_review_import
    from iphr_desk.core.store.repository import comments as comment_repo
    from iphr_desk.core.store.repository import letters as letter_repo
    from iphr_desk.gui.dialogs.review_import_dialog import ReviewImportDialog
    from iphr_desk.gui.editor.compare_view import CompareDialog
    from iphr_desk.gui.package_actions import PassphraseDialog
    from tests.core.exchange.word_fixtures import word_review

    store = ctx.store
    letter_id = seeded["letter_en"]
    before = letter_repo.get_letter(store, letter_id)
    after = replace(before, subject=before.subject + " (2)", body=before.body + "\n\nA new paragraph.\n")
    compare = CompareDialog()
    compare.set_texts(_letter_text(before), _letter_text(after), "A", "B")
    yield compare
    # A reviewed copy with tracked changes and comments, as Word writes it (tests/core/exchange).
    from iphr_desk.core.letters.letterfile import parse_letter_file

    review_letter = Path(__file__).resolve().parents[1] / "core" / "exchange" / "review_letter.md"
    letter = parse_letter_file(review_letter)
    reviewed_id = int(letter_repo.add_letter(store, letter, author="Aigerim"))
    comment_repo.add_comment(store, reviewed_id, "Is the name right?", author="Aigerim")
    folder = Path(tempfile.mkdtemp())
    sent = export_for_review(store, reviewed_id, folder / "sent.docx", author="Aigerim")
    plan = plan_review_import(store, word_review(sent, folder / "reviewed.docx"))
    # The reviewers' words are data, in whatever language they wrote.
    _REVIEW_DATA[:] = [c.text for c in plan.comments] + [c.text for c in plan.changes]
    _REVIEW_DATA.extend([*(c.text for c in plan.to_store), *plan.reviewers])
    yield ReviewImportDialog(plan, letter.subject, "2024-05-02 · Aigerim")
    yield PassphraseDialog(confirm=True, file_name="letters.iphrpkg", parent=None)
    yield PassphraseDialog(confirm=False, file_name="letters.iphrpkg", parent=None)


#: What the reviewed copy of `_walk_exchange_dialogs` brings: its comments and changes (data).
_REVIEW_DATA: list[str] = []


def _letter_text(letter: Any) -> str:
    from iphr_desk.core.letters.letterfile import write_letter_text

    return str(write_letter_text(letter))


def test_every_window_dialog_and_menu_shows_no_english_word(
    language: str, qtbot: Any, ctx: Any, seeded: dict[str, int]
) -> None:
    from iphr_desk.gui.main_window import MainWindow
    from iphr_desk.gui.widgets.navigation import PAGES

    words = _english_words(language)
    data = _data_texts(ctx.store)
    window = MainWindow(ctx.settings, ctx.services)
    qtbot.addWidget(window)
    window.show()
    window.attach(ctx)
    found: list[str] = []
    for page in PAGES:
        window.show_page(page)
        found += _english_words_on_screen(window, words, data)
    window.show_page("cases")
    window.case_view.show_case(seeded["case_kz"])
    for code in ("fr", "en", "ru", "de"):  # an editor per letter language: the form follows the letter
        editor = window.open_letter(seeded[f"letter_{code}"])
        side = getattr(editor, "side", None)
        assert isinstance(side, QTabWidget)
        for index in range(side.count()):
            side.setCurrentIndex(index)
            found += _english_words_on_screen(window, words, data)
    for dialog in _walk_dialogs(ctx, seeded):
        qtbot.addWidget(dialog)
        found += _english_words_on_screen(dialog, words, _data_texts(ctx.store))  # dialogs may add data
    window.letter_model.wait_for_background()
    found = sorted(set(found))
    assert found == [], f"English words in the {language} interface:\n" + "\n".join(found)


def test_an_english_word_is_found_in_a_translated_sentence(qtbot: Any) -> None:
    """The word check itself: "Exporter 3 letters" is caught, a proper name and data are not."""
    widget = QWidget()
    qtbot.addWidget(widget)
    QLabel("Exporter 3 letters", widget)
    QLabel("Ouvrir dans LibreOffice", widget)
    QLabel("Trial of peaceful protesters in Almaty", widget)
    words = _english_words("fr")
    found = _english_words_on_screen(widget, words, ["Trial of peaceful protesters in Almaty"])
    assert found == ["QLabel: 'Exporter 3 letters' (letters)"]


# English plurals -----------------------------------------------------------------------------------------


def test_english_has_every_plural_form_and_its_compiled_catalog(tmp_path: Path) -> None:
    """English's catalog holds each plural message with one/many forms ("1 letter", "3 letters")."""
    wanted = {m for m in catalogs.extract(catalogs.gui_sources()).messages if m.numerus}
    have = {message: forms for message, forms, _ in _entries("en")}
    assert set(have) == wanted, "run `make translations`"
    for message, forms in have.items():
        assert len(forms) == 2 and "(s)" not in "".join(forms), (message, forms)
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    if lrelease.exists():
        built = tmp_path / "iphr_desk_en.qm"
        ts_file = TRANSLATIONS / "iphr_desk_en.ts"
        subprocess.run([str(lrelease), "-silent", str(ts_file), "-qm", str(built)], check=True)
        assert built.read_bytes() == (TRANSLATIONS / "iphr_desk_en.qm").read_bytes()


def test_english_plural_forms_are_made_from_the_source() -> None:
    assert catalogs.english_forms("%n file(s) written to %1.") == [
        "%n file written to %1.",
        "%n files written to %1.",
    ]
    assert catalogs.english_forms("%Ln row(s)") == ["%Ln row", "%Ln rows"]
    assert catalogs.english_forms("%n box(es)") == ["%n box", "%n boxes"]
