"""Nothing cut, in English, French and Russian, on a 1024×700 screen and a 1400×900 one.

The main window (every list), the letter editor and each dialog are built with the language's translators
installed, shown, and every widget a user reads is measured against its own text with the font's metrics:
labels, buttons and check boxes, combo boxes (the choice shown, and the drop-down list against its longest
item), column headers, group box titles, tab names and dialog titles. A widget counts only the part of it
its parents let be seen (`visibleRegion`), so a check box pushed out of a scroll area is cut too.
The letter body must show at least 60 average characters of its font.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QPoint, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QToolButton,
    QWidget,
)

from iphr_desk.gui.editor.pane_layout import BODY_CHARS, body_chars_width
from iphr_desk.gui.i18n import install_translators, remove_translators
from iphr_desk.gui.widgets.input_guard import install_input_guard, title_width

LANGUAGES = ("en", "fr", "ru")
SCREENS = ((1024, 700), (1400, 900))


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    before = QLocale()
    install_translators(qapp, request.param)
    install_input_guard(qapp)
    yield str(request.param)
    remove_translators(qapp)
    QLocale.setDefault(before)  # the translators set the default locale too


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _seen_width(widget: QWidget) -> int | None:
    """The width of the part of `widget` its parents show; None when none of it is on screen.

    A scroll area that scrolls sideways shows the rest on demand, so it does not cut; one that does not
    (the header form's) cuts what sticks out.
    """
    top = widget.window()
    visible = QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())
    ancestor = widget.parentWidget()
    sideways = False  # inside a scroll area that scrolls sideways: what sticks out is reached by scrolling
    while ancestor is not None:
        area = (
            QRect(ancestor.mapTo(top, QPoint(0, 0)), ancestor.size()) if ancestor is not top else top.rect()
        )
        scroll = ancestor.parentWidget()
        if (
            isinstance(scroll, QAbstractScrollArea)
            and ancestor is scroll.viewport()
            and scroll.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        ):
            sideways = True
        if sideways:
            area = QRect(visible.left(), area.top(), visible.width(), area.height())
        visible = visible.intersected(area)
        if ancestor is top:
            break
        ancestor = ancestor.parentWidget()
    return None if visible.isEmpty() else visible.width()


def _needed(widget: QWidget) -> tuple[str, int] | None:
    """(the text, the width it needs) for a widget whose text must be read whole, else None."""
    metrics = widget.fontMetrics()
    if isinstance(widget, QLabel):
        text = widget.text()
        if (
            not text
            or widget.wordWrap()
            or widget.objectName() == "dataLabel"  # data (a subject), shortened on purpose
            or "<" in text
            or not widget.pixmap().isNull()
        ):
            return None
        margins = widget.contentsMargins()
        return text, metrics.horizontalAdvance(_plain(text)) + margins.left() + margins.right()
    if isinstance(widget, QComboBox):
        # The style's text field inside the box (without frame and arrow) must hold the text.
        option = QStyleOptionComboBox()
        widget.initStyleOption(option)
        field = widget.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, widget
        )
        icon = widget.iconSize().width() + 4 if not widget.itemIcon(widget.currentIndex()).isNull() else 0
        frame = widget.width() - field.width()
        return widget.currentText(), metrics.horizontalAdvance(widget.currentText()) + icon + frame
    if isinstance(widget, QAbstractButton) and widget.text():
        if isinstance(widget, QToolButton) and (
            not widget.text().strip()
            or (
                widget.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
                and not widget.icon().isNull()
            )
        ):
            return None
        return widget.text(), widget.minimumSizeHint().width() if isinstance(
            widget, QCheckBox
        ) else metrics.horizontalAdvance(_plain(widget.text()))
    return None


def _cut(top: QWidget) -> list[str]:
    """Every text of `top` (and its children) shown narrower than it needs."""
    problems: list[str] = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        where = f"{type(widget).__name__} {widget.objectName()}".strip()
        seen = _seen_width(widget)
        need = _needed(widget)
        if need is not None and seen is not None and seen < need[1]:
            problems.append(f"{where}: {need[0]!r} needs {need[1]} px, shows {seen}")
        if isinstance(widget, QComboBox) and widget.count() and widget.isEnabled():
            widget.showPopup()  # its list, as the user opens it: every entry whole
            view = widget.view()
            longest = view.sizeHintForColumn(0)
            shown = view.viewport().width()
            if shown < longest:
                problems.append(f"{where}: its list is {shown} px for items of {longest} px")
            widget.hidePopup()
        if isinstance(widget, QGroupBox) and widget.title() and seen is not None:
            font = QFont(widget.font())
            needed = QFontMetrics(font).horizontalAdvance(_plain(widget.title())) + 16
            if seen < needed:
                problems.append(f"{where}: title {widget.title()!r} needs {needed} px, shows {seen}")
        if isinstance(widget, QHeaderView) and widget.orientation().name == "Horizontal":
            problems += _cut_headers(widget, where)
        if isinstance(widget, QTabBar):
            owner = widget.parentWidget()
            if owner is not None and owner.objectName() == "documentTabs":
                continue  # the letters' subjects: data, shortened with their whole text as a tooltip
            problems += _cut_tabs(widget, where)
    return problems


def _cut_headers(header: QHeaderView, where: str) -> list[str]:
    problems = []
    model = header.model()
    if model is None:
        return problems
    metrics = header.fontMetrics()
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, header.orientation()) or "")
        # Text and the style's margins on both sides (Fusion: 4 px; 2 px are left to rounding between
        # this measure and the style's own), and the sort arrow when it is shown.
        needed = metrics.horizontalAdvance(text) + 6
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
            needed += 12
        if text and header.sectionSize(section) < needed:
            problems.append(f"{where}: column {text!r} is {header.sectionSize(section)} px, needs {needed}")
    return problems


def _cut_tabs(bar: QTabBar, where: str) -> list[str]:
    problems = []
    metrics = bar.fontMetrics()
    vertical = bar.shape().name.startswith(("RoundedWest", "RoundedEast", "TriangularWest", "TriangularEast"))
    for index in range(bar.count()):
        text = _plain(bar.tabText(index))
        rect = bar.tabRect(index)
        length = rect.height() if vertical else rect.width()
        inside = bar.rect().contains(rect)
        if text and (length < metrics.horizontalAdvance(text) or not inside):
            problems.append(f"{where}: tab {text!r} cut or out of sight")
    return problems


def _window(qtbot: Any, ctx: Any, size: tuple[int, int]) -> Any:
    from iphr_desk.gui.main_window import MainWindow

    window = MainWindow(ctx.settings, ctx.services)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    window.attach(ctx)
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("size", SCREENS, ids=["1024x700", "1400x900"])
def test_main_window_lists_fit(
    language: str, size: tuple[int, int], qtbot: Any, ctx: Any, seeded: Any
) -> None:
    from iphr_desk.gui.widgets.navigation import PAGES

    window = _window(qtbot, ctx, size)
    assert window.minimumSizeHint().width() <= 1024
    assert window.width() == size[0]
    problems: list[str] = []
    for page in PAGES:
        window.show_page(page)
        QApplication.processEvents()
        problems += [f"{page}: {p}" for p in _cut(window)]
    window.letter_model.wait_for_background()
    assert problems == [], f"{language} at {size}:\n" + "\n".join(sorted(set(problems)))


@pytest.mark.parametrize("size", SCREENS, ids=["1024x700", "1400x900"])
def test_letter_editor_fits_and_the_body_keeps_60_characters(
    language: str, size: tuple[int, int], qtbot: Any, ctx: Any, seeded: Any
) -> None:
    window = _window(qtbot, ctx, size)
    editor = window.open_letter(seeded["letter_ru"])
    assert editor is not None
    QApplication.processEvents()
    assert window.width() == size[0], "the editor must not widen the window"
    assert window.minimumSizeHint().width() <= 1024, "with a letter open the window still fits 1024 px"
    text = editor.body.text
    assert text.viewport().width() - 2 * text.document().documentMargin() >= body_chars_width(text)
    assert BODY_CHARS == 60
    # At 1024 px the side panes fold beside the form; at 1400 px they have their own column.
    assert editor.panes.compact == (size[0] < 1200 and editor.panes.wide_width() > editor.splitter.width())
    problems = [f"details: {p}" for p in _cut(window)]
    for index in range(editor.panes.left.count()):
        editor.panes.left.setCurrentIndex(index)
        QApplication.processEvents()
        problems += [f"left tab {index}: {p}" for p in _cut(window)]
    for index in range(editor.panes.side.count()):
        editor.panes.side.setCurrentIndex(index)
        QApplication.processEvents()
        problems += [f"side tab {index}: {p}" for p in _cut(window)]
    # The recipient part of the form (scrolled into view) with the Override boxes.
    scroll = editor.panes.scroll
    editor.panes.show_details()
    scroll.ensureWidgetVisible(editor.form.salutation.override)
    QApplication.processEvents()
    problems += [f"recipient: {p}" for p in _cut(window)]
    assert _seen_width(editor.form.salutation.override) is not None
    window.letter_model.wait_for_background()
    assert problems == [], f"{language} at {size}:\n" + "\n".join(sorted(set(problems)))


def test_the_side_panel_can_be_hidden_and_the_body_takes_the_room(qtbot: Any, ctx: Any, seeded: Any) -> None:
    window = _window(qtbot, ctx, (1400, 900))
    editor = window.open_letter(seeded["letter_en"])
    QApplication.processEvents()
    before = editor.body.width()
    window.app_actions.side_panel.trigger()
    QApplication.processEvents()
    assert not editor.side_visible()
    assert not editor.panes.side.isVisible()
    assert editor.body.width() > before
    window.app_actions.side_panel.trigger()
    QApplication.processEvents()
    assert editor.panes.side.isVisible()
    window.letter_model.wait_for_background()


def test_dialogs_fit_their_texts_and_titles(language: str, qtbot: Any, ctx: Any, seeded: Any) -> None:
    from iphr_desk.gui.dialogs.backup_dialog import BackupDialog
    from iphr_desk.gui.dialogs.case_dialog import CaseDialog
    from iphr_desk.gui.dialogs.preferences import PreferencesDialog
    from iphr_desk.gui.dialogs.record_dialogs import RecordDialog
    from iphr_desk.gui.export.dialog import ExportDialog

    problems: list[str] = []
    dialogs: list[QDialog] = [
        PreferencesDialog(ctx.settings, ctx.services, ctx),
        CaseDialog(ctx, seeded["case_kz"]),
        CaseDialog(ctx, None),
        BackupDialog(ctx),
        RecordDialog(ctx, "recipient", None),
        RecordDialog(ctx, "signatory", None),
        RecordDialog(ctx, "letterhead", None),
        ExportDialog(ctx.services, 2, True, False),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        name = type(dialog).__name__
        if dialog.width() < title_width(dialog.windowTitle()):
            problems.append(f"{name}: title {dialog.windowTitle()!r} cut at {dialog.width()} px")
        problems += [f"{name}: {p}" for p in _cut(dialog)]
        dialog.hide()  # not close(): a dialog may delete itself on closing, before qtbot's teardown
    assert problems == [], f"{language}:\n" + "\n".join(problems)


def test_the_check_finds_a_cut_label(qtbot: Any) -> None:
    """The measure itself: a label narrower than its text, or pushed out of its parent, is reported."""
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(120, 40)
    label = QLabel("Toutes les langues disponibles", parent)
    label.setGeometry(0, 0, 60, 20)
    parent.show()
    qtbot.waitExposed(parent)
    assert any("Toutes les langues" in p for p in _cut(parent))
    label.setGeometry(80, 0, label.sizeHint().width(), 20)  # whole, but its parent shows only 40 px of it
    assert any("Toutes les langues" in p for p in _cut(parent))
    label.setGeometry(0, 0, 120, 20)
    label.setText("Langues")
    assert _cut(parent) == []


def test_list_values_of_a_few_words_are_whole(language: str, qtbot: Any, ctx: Any, seeded: Any) -> None:
    """The language column read "Английс…" in Russian: a column shows its values whole, up to its cap."""
    from iphr_desk.gui.widgets.list_page import COLUMN_MAX_CHARS

    window = _window(qtbot, ctx, (1024, 700))
    problems = []
    for page in (window.letters_page, window.cases_page):
        window.show_page(page.objectName())
        QApplication.processEvents()
        header = page.table.horizontalHeader()
        most = page.fontMetrics().averageCharWidth() * COLUMN_MAX_CHARS
        for number in range(page.model.columnCount()):
            column = page.model.column(number)
            if column.stretch or column.rich or header.isSectionHidden(number):
                continue
            needed = min(page.table.sizeHintForColumn(number), most)
            if header.sectionSize(number) < needed:
                problems.append(f"{page.objectName()}: {column.title} {header.sectionSize(number)}<{needed}")
    window.letter_model.wait_for_background()
    assert problems == []


def test_a_label_above_its_field_comes_and_goes_with_it(qtbot: Any, ctx: Any, seeded: Any) -> None:
    """The Russian address block's row shows for Russian letters only: its label (above it) too."""
    window = _window(qtbot, ctx, (1024, 700))
    editor = window.open_letter(seeded["letter_en"])
    form = editor.form
    labels = [label for label in form.findChildren(QLabel) if label.buddy() is form.address_dative]
    assert len(labels) == 1
    assert not labels[0].isVisibleTo(form)
    form.language.setCurrentIndex(form.language.findData("ru"))
    assert labels[0].isVisibleTo(form) and form.address_dative.isVisibleTo(form)
    form.language.setCurrentIndex(form.language.findData("en"))
    assert not labels[0].isVisibleTo(form)
    window.letter_model.wait_for_background()
