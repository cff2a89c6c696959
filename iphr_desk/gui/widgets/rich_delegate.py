"""Draws a cell's text as a small piece of rich text, so search snippets show their highlighted words."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget


class RichTextDelegate(QStyledItemDelegate):
    """Renders the DisplayRole as HTML with the view's palette (light or dark), one line high."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = QTextDocument(self)
        self._doc.setDocumentMargin(0)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        html = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        self._doc.setDefaultFont(opt.font)
        self._doc.setHtml(html)
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        self._doc.setTextWidth(-1)  # one line, clipped at the cell's edge like plain cells
        top = text_rect.top() + max(0, (text_rect.height() - int(self._doc.size().height())) // 2)
        painter.save()
        painter.translate(text_rect.left(), top)
        painter.setClipRect(0, 0, text_rect.width(), text_rect.height())
        self._doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        """One line, like the plain cells: the markup must not make rows taller."""
        base = super().sizeHint(option, index)
        return QSize(min(base.width(), 600), base.height())
