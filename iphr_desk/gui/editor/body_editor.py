"""The letter body: a QTextEdit limited to what a letter supports, with its toolbar and word count.

Formatting goes through the Markdown bridge's formats, so everything the toolbar makes can be stored
as CommonMark and exported; pasting keeps only bold, italic, links, lists, quotes and footnotes.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QFont,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextList,
    QTextListFormat,
)
from PySide6.QtWidgets import QLabel, QStyle, QTextEdit, QToolBar, QToolButton, QVBoxLayout, QWidget

from iphr_desk.gui.actions import themed_icon
from iphr_desk.gui.editor import markdown_bridge as bridge
from iphr_desk.gui.services import Services
from iphr_desk.gui.widgets.input_guard import TAB_IS_TEXT

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


class BodyTextEdit(QTextEdit):
    """The text area: sanitised paste, Markdown on the clipboard, footnote marks that stay atomic."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(True)
        self.setTabChangesFocus(False)
        self.setProperty(TAB_IS_TEXT, True)  # Tab nests list items here; elsewhere it moves the focus
        self.document().setDocumentMargin(12)
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        self.document().setDefaultFont(font)
        self.currentCharFormatChanged.connect(self._leave_footnote_format)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Tab and Shift+Tab in a list item nest it deeper or bring it out, as in a word processor."""
        key = event.key()
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and self.textCursor().currentList() is not None:
            back = key == Qt.Key.Key_Backtab or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            change_list_depth(self.textCursor(), -1 if back else 1)
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        body = bridge.body_from_mime(source)
        if body is None:
            self.insertPlainText(source.text())
            return
        self.textCursor().insertFragment(bridge.fragment_for(body))
        self.ensureCursorVisible()

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasText() or source.hasHtml() or source.hasFormat(bridge.MARKDOWN_MIME)

    def createMimeDataFromSelection(self) -> QMimeData:
        """Plain text for other programs, Markdown (with footnotes) for another letter."""
        cursor = self.textCursor()
        mime = QMimeData()
        mime.setText(cursor.selection().toPlainText().replace(bridge.LINE_SEPARATOR, "\n"))
        mime.setData(bridge.MARKDOWN_MIME, bridge.selection_markdown(cursor).encode("utf-8"))
        return mime

    def _leave_footnote_format(self, fmt: QTextCharFormat) -> None:
        """Text typed after a footnote mark, or at the end of a link, must not join the mark or the link."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            return
        clean = QTextCharFormat(fmt)
        changed = False
        if bridge.is_footnote(fmt):
            for prop in (bridge.FOOTNOTE_TEXT, bridge.FOOTNOTE_ID, bridge.FOOTNOTE_KEY):
                clean.clearProperty(prop)
            clean.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignNormal)
            clean.setToolTip("")
            changed = True
        if fmt.isAnchor() and not _inside_link(cursor, fmt.anchorHref()):
            _strip_link(clean)
            changed = True
        if changed:
            self.setCurrentCharFormat(clean)


class BodyEditor(QWidget):
    """Toolbar + text area + word count. `changed` fires on every edit (the letter editor debounces)."""

    changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.text = BodyTextEdit(self)
        self.text.setAccessibleName(self.tr("Letter body"))
        self.toolbar = QToolBar(self.tr("Formatting"), self)
        # Icons where there are standard ones (Undo, Redo), short text for the rest; what does not fit
        # goes behind the toolbar's "»" from the right, so the actions are ordered by use.
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.words = QLabel(self)
        self.words.setAccessibleName(self.tr("Word count"))
        self._build_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.words, 0, Qt.AlignmentFlag.AlignRight)
        self.text.textChanged.connect(self._on_text_changed)
        self.text.currentCharFormatChanged.connect(self._sync_buttons)
        self._update_word_count()

    # Actions ----------------------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: object,
        checkable: bool = False,
        *,
        label: str | None = None,
        icon: QIcon | None = None,
    ) -> QAction:
        """A toolbar action; `label` is a shorter text for the button (B for Bold), `text` its full name
        (menus, tooltip, screen readers)."""
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setCheckable(checkable)
        if icon is not None and not icon.isNull():
            action.setIcon(icon)
        if label is not None:
            action.setIconText(label)  # what a toolbar button shows; menus show `text`
        plain = text.replace("&", "")
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if shortcut is None and isinstance(self._tip_keys.get(plain), QKeySequence):
            keys = self._tip_keys[plain].toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{plain} ({keys})" if keys else plain)
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        button = self.toolbar.widgetForAction(action)
        if button is not None:
            button.setAccessibleName(plain.rstrip("…"))
            if isinstance(button, QToolButton) and not action.icon().isNull():
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.addAction(action)  # the shortcut works wherever the focus is inside the editor
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        # Undo and Redo take their keys from the window's Edit menu (the same keys on the text); here
        # the tooltips say them. Enabled as the document says (undoAvailable, redoAvailable).
        self._tip_keys = {
            self.tr("Undo"): QKeySequence(key.Undo),
            self.tr("Redo"): QKeySequence(key.Redo),
        }
        self.undo_action = self._action(
            self.tr("Undo"),
            None,
            self.text.undo,
            icon=themed_icon("edit-undo", QStyle.StandardPixmap.SP_ArrowBack),
        )
        self.redo_action = self._action(
            self.tr("Redo"),
            None,
            self.text.redo,
            icon=themed_icon("edit-redo", QStyle.StandardPixmap.SP_ArrowForward),
        )
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.text.undoAvailable.connect(self.undo_action.setEnabled)
        self.text.redoAvailable.connect(self.redo_action.setEnabled)
        self.toolbar.addSeparator()
        # By use: bold and italic, footnotes and links (every advocacy letter cites its sources), lists.
        self.bold_action = self._action(
            self.tr("Bold"), key.Bold, self.toggle_bold, checkable=True, label=self.tr("B", "Bold button")
        )
        self.italic_action = self._action(
            self.tr("Italic"),
            key.Italic,
            self.toggle_italic,
            checkable=True,
            label=self.tr("I", "Italic button"),
        )
        self.toolbar.addSeparator()
        self.footnote_action = self._action(self.tr("Footnote…"), "Ctrl+Alt+F", self.insert_footnote)
        self.link_action = self._action(self.tr("Link…"), "Ctrl+K", self.insert_link)
        self.toolbar.addSeparator()
        self.bullets_action = self._action(self.tr("• List"), "Ctrl+Shift+8", self.toggle_bullets)
        self.numbers_action = self._action(self.tr("1. List"), "Ctrl+Shift+7", self.toggle_numbers)
        self.quote_action = self._action(self.tr("Quote"), "Ctrl+Shift+Q", self.toggle_quote)
        for action, bold, italic in ((self.bold_action, True, False), (self.italic_action, False, True)):
            button = self.toolbar.widgetForAction(action)
            if button is not None:
                font = button.font()
                font.setBold(bold)
                font.setItalic(italic)
                button.setFont(font)
        font = self.bold_action.font()
        font.setBold(True)
        self.bold_action.setFont(font)
        font = self.italic_action.font()
        font.setItalic(True)
        self.italic_action.setFont(font)

    def format_actions(self) -> list[QAction | None]:
        """The Format menu (format_menu.py): the toolbar's formatting actions; None marks a separator."""
        return [
            self.bold_action,
            self.italic_action,
            None,
            self.footnote_action,
            self.link_action,
            None,
            self.bullets_action,
            self.numbers_action,
            self.quote_action,
        ]

    # Content ----------------------------------------------------------------------------------------

    def markdown(self) -> str:
        return bridge.to_markdown(self.text.document())

    def set_markdown(self, markdown: str) -> None:
        blocker = self.text.blockSignals(True)
        bridge.set_markdown(self.text.document(), markdown)
        self.text.blockSignals(blocker)
        # The signals were blocked: the buttons follow the fresh (empty) undo history here.
        self.undo_action.setEnabled(self.text.document().isUndoAvailable())
        self.redo_action.setEnabled(self.text.document().isRedoAvailable())
        self._update_word_count()

    def set_read_only(self, read_only: bool) -> None:
        self.text.setReadOnly(read_only)
        self.toolbar.setEnabled(not read_only)

    def insert_text(self, text: str) -> None:
        """Insert plain text at the cursor (e.g. a fact from the case panel) as one undo step."""
        if self.text.isReadOnly():
            return
        cursor = self.text.textCursor()
        cursor.insertText(text, QTextCharFormat())
        self.text.setTextCursor(cursor)
        self.text.setFocus()

    def word_count(self) -> int:
        return count_words(self.text.toPlainText())

    def _on_text_changed(self) -> None:
        self._update_word_count()
        self.changed.emit()

    def _update_word_count(self) -> None:
        count = self.word_count()
        self.words.setText(self.tr("%n word(s)", "", count))

    def _sync_buttons(self, fmt: QTextCharFormat) -> None:
        self.bold_action.setChecked(fmt.fontWeight() >= int(QFont.Weight.DemiBold))
        self.italic_action.setChecked(fmt.fontItalic())

    # Formatting -------------------------------------------------------------------------------------

    def _merge(self, fmt: QTextCharFormat) -> None:
        """Apply to the selection, or (no selection) to what is typed next."""
        self.text.mergeCurrentCharFormat(fmt)

    def toggle_bold(self) -> None:
        fmt = QTextCharFormat()
        bold = self.text.fontWeight() < int(QFont.Weight.DemiBold)
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        self._merge(fmt)

    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.text.fontItalic())
        self._merge(fmt)

    def insert_link(self) -> None:
        cursor = self.text.textCursor()
        current = cursor.charFormat().anchorHref() if cursor.charFormat().isAnchor() else ""
        url = self._services.ask_text(self, self.tr("Link"), self.tr("Address (URL):"), current or "https://")
        if url is None:
            return
        url = url.strip()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        fmt = QTextCharFormat()
        if url and url != "https://":
            fmt = bridge.char_format(_link_run(url))
            fmt.setFontWeight(cursor.charFormat().fontWeight())
            fmt.setFontItalic(cursor.charFormat().fontItalic())
            if not cursor.hasSelection():
                cursor.insertText(url, fmt)
                return
            cursor.mergeCharFormat(fmt)
        else:  # an empty address removes the link
            _strip_link(fmt)
            cursor.mergeCharFormat(fmt)

    def _toggle_list(self, style: QTextListFormat.Style) -> None:
        cursor = self.text.textCursor()
        current = cursor.currentList()
        cursor.beginEditBlock()
        if current is not None and current.format().style() == style:
            for block in _blocks_in(cursor):
                lst = block.textList()
                if lst is not None:
                    lst.remove(block)
                fmt = block.blockFormat()
                fmt.setIndent(0)
                QTextCursor(block).setBlockFormat(fmt)
        else:
            depth = 1
            if current is not None:
                depth = bridge.int_property(current.format(), bridge.LIST_DEPTH) or 1
            list_fmt = bridge.list_format(style == QTextListFormat.Style.ListDecimal, depth)
            if current is not None:
                current.setFormat(list_fmt)
            else:
                cursor.createList(list_fmt)
        cursor.endEditBlock()

    def toggle_bullets(self) -> None:
        self._toggle_list(QTextListFormat.Style.ListDisc)

    def toggle_numbers(self) -> None:
        self._toggle_list(QTextListFormat.Style.ListDecimal)

    def toggle_quote(self) -> None:
        cursor = self.text.textCursor()
        cursor.beginEditBlock()
        quoted = bridge.int_property(cursor.blockFormat(), bridge.QUOTE_LEVEL) > 0
        for block in _blocks_in(cursor):
            fmt = block.blockFormat()
            if quoted:
                fmt.clearProperty(bridge.QUOTE_LEVEL)
                fmt.setLeftMargin(0)
            else:
                fmt.setProperty(bridge.QUOTE_LEVEL, 1)
                fmt.setLeftMargin(bridge.INDENT_WIDTH)
            QTextCursor(block).setBlockFormat(fmt)
        cursor.endEditBlock()

    def insert_footnote(self) -> None:
        """Insert a footnote at the cursor; just after an existing mark, edit that note instead."""
        cursor = self.text.textCursor()
        if not cursor.hasSelection() and bridge.is_footnote(_format_before(cursor)):
            self.edit_footnote(_format_before(cursor))
            return
        note = self._services.ask_text(self, self.tr("Footnote"), self.tr("Footnote text:"))
        if note is None or not note.strip():
            return
        cursor.beginEditBlock()
        cursor.clearSelection()
        cursor.insertText("0", bridge.footnote_format(note.strip()))
        cursor.setCharFormat(QTextCharFormat())
        renumber_footnotes(self.text.document().begin(), cursor)
        cursor.endEditBlock()
        self.text.setTextCursor(cursor)

    def edit_footnote(self, fmt: QTextCharFormat) -> None:
        note = self._services.ask_text(
            self, self.tr("Footnote"), self.tr("Footnote text:"), bridge.note_text(fmt)
        )
        if note is None or not note.strip():
            return
        key = bridge.int_property(fmt, bridge.FOOTNOTE_KEY)
        edit = QTextCursor(self.text.document())
        edit.beginEditBlock()
        for position, length, mark in _footnote_marks(self.text.document().begin()):
            if bridge.int_property(mark, bridge.FOOTNOTE_KEY) == key:
                mark.setProperty(bridge.FOOTNOTE_TEXT, note.strip())
                mark.setToolTip(note.strip())
                edit.setPosition(position)
                edit.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
                edit.setCharFormat(mark)
        edit.endEditBlock()


def _format_before(cursor: QTextCursor) -> QTextCharFormat:
    """The format of the character before the cursor, as stored (not the format typing would use)."""
    probe = QTextCursor(cursor.document())
    probe.setPosition(cursor.position())
    return probe.charFormat()


def _footnote_marks(block: QTextBlock) -> list[tuple[int, int, QTextCharFormat]]:
    marks = []
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            if bridge.is_footnote(fragment.charFormat()):
                marks.append((fragment.position(), fragment.length(), fragment.charFormat()))
        block = block.next()
    return marks


def _strip_link(fmt: QTextCharFormat) -> None:
    fmt.setAnchor(False)
    fmt.setAnchorHref("")
    fmt.setFontUnderline(False)
    fmt.clearForeground()


def _inside_link(cursor: QTextCursor, href: str) -> bool:
    """Whether the character after the cursor belongs to the same link (so typing extends it)."""
    if cursor.atBlockEnd():
        return False
    after = QTextCursor(cursor)
    after.movePosition(QTextCursor.MoveOperation.NextCharacter)
    fmt = after.charFormat()
    return fmt.isAnchor() and fmt.anchorHref() == href


def _link_run(url: str) -> bridge.Text:
    return bridge.Text("", href=url)


def list_depth(qlist: QTextList) -> int:
    return bridge.int_property(qlist.format(), bridge.LIST_DEPTH) or max(1, qlist.format().indent())


def _is_ordered(qlist: QTextList) -> bool:
    return qlist.format().style() == QTextListFormat.Style.ListDecimal


def change_list_depth(cursor: QTextCursor, delta: int) -> None:
    """Move the list item under the cursor one level deeper (+1) or out (-1).

    The item joins the neighbouring list at its new depth when there is one just above it (so
    Shift+Tab brings it back into its parent list), else it starts a new list.
    """
    block = cursor.block()
    current = block.textList()
    if current is None:
        return
    depth = list_depth(current) + delta
    cursor.beginEditBlock()
    current.remove(block)
    fmt = block.blockFormat()
    fmt.setIndent(0)
    QTextCursor(block).setBlockFormat(fmt)
    if depth >= 1:
        target = _list_above(block, depth)
        if target is not None:
            target.add(block)
        else:
            QTextCursor(block).createList(bridge.list_format(_is_ordered(current), depth))
    cursor.endEditBlock()


def _list_above(block: QTextBlock, depth: int) -> QTextList | None:
    """The nearest list at `depth` above `block` within the same run of list items."""
    previous = block.previous()
    while previous.isValid():
        qlist = previous.textList()
        if qlist is None:
            return None
        if list_depth(qlist) == depth:
            return qlist
        if list_depth(qlist) < depth:
            return None
        previous = previous.previous()
    return None


def _blocks_in(cursor: QTextCursor) -> list[QTextBlock]:
    doc = cursor.document()
    first = doc.findBlock(cursor.selectionStart())
    last = doc.findBlock(cursor.selectionEnd())
    blocks = [first]
    while blocks[-1] != last and blocks[-1].next().isValid():
        blocks.append(blocks[-1].next())
    return blocks


def renumber_footnotes(block: QTextBlock, cursor: QTextCursor) -> None:
    """Show footnote marks as 1, 2, 3 in document order (a repeated note keeps its number)."""
    numbers: dict[int, int] = {}
    edits: list[tuple[int, int, str, QTextCharFormat]] = []
    for position, length, fmt in _footnote_marks(block):
        key = bridge.int_property(fmt, bridge.FOOTNOTE_KEY)
        number = numbers.setdefault(key, len(numbers) + 1)
        edits.append((position, length, str(number), fmt))
    doc = cursor.document()
    for position, length, text, fmt in reversed(edits):
        edit = QTextCursor(doc)
        edit.setPosition(position)
        edit.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        if edit.selectedText() != text:
            edit.insertText(text, fmt)
