"""How the letter editor shares its width: header form | body | side panes, whatever the screen.

The body is the letter: it never gets less than `BODY_CHARS` average characters of its font. When the
three columns do not fit (a 1024×700 laptop, long French or Russian labels), the side panes (preview,
cases, review, revisions) fold into tabs beside the header form ("Details"), on the left; when they fit
again they come back as their own column. The user can also hide the side panes altogether (View ▸
Letter Side Panel, F9). The header form's column is as wide as the form needs, so nothing in it
(an "Override" box, a label) is ever cut by its scroll area.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QSplitter, QStyle, QTabWidget, QWidget

#: The narrowest body, in average characters of the body's font.
BODY_CHARS = 60
#: The side column's width, in average characters of the interface font.
SIDE_CHARS = 48


def body_chars_width(text: QWidget) -> int:
    """BODY_CHARS average characters of the body's font (the document's font for a text edit)."""
    document = getattr(text, "document", None)
    font = document().defaultFont() if document is not None else text.font()
    return QFontMetrics(font).averageCharWidth() * BODY_CHARS


def body_min_width(text: QWidget, margin: int) -> int:
    """The width of a body showing BODY_CHARS average characters: text, document margins, frame, scrollbar."""
    font_chars = body_chars_width(text)
    scrollbar = text.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    return font_chars + 2 * margin + scrollbar + 4


class PaneLayout(QObject):
    """Owns the editor's splitter and moves the side panes between their column and the left tabs."""

    #: True when the side panes are folded into the left tabs.
    compactChanged = Signal(bool)

    def __init__(
        self,
        host: QWidget,
        form: QWidget,
        details_title: str,
        body: QWidget,
        body_text: QWidget,
        panes: list[tuple[QWidget, str]],
    ) -> None:
        super().__init__(host)
        self._host = host
        self._body = body
        self._body_text = body_text
        self._inner = [widget for widget, _ in panes]
        # Each side pane in a scroll area: folded beside the form it may get less than it asks for, and
        # then scrolls instead of being cut or widening the window.
        self._panes = [(_scrolled(widget, host), title) for widget, title in panes]
        self._details_title = details_title
        self.compact = False
        self.side_shown = True
        self._sized = False
        self.scroll = QScrollArea(host)
        self.scroll.setWidget(form)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.left = _tabs(host, "editorDetails")
        self.left.setTabBarAutoHide(True)
        self.side = _tabs(host, "editorSide")
        self.splitter = QSplitter(Qt.Orientation.Horizontal, host)
        self.splitter.setObjectName("editorSplitter")
        self.splitter.setChildrenCollapsible(False)
        for widget in (self.left, body, self.side):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        body.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.left.addTab(self.scroll, details_title)
        for widget, title in self._panes:
            self.side.addTab(widget, title)
        self.update_minimums()

    # Widths -----------------------------------------------------------------------------------------

    def form_width(self) -> int:
        """The form's column: the form's own minimum plus the vertical scrollbar (never cut)."""
        form = self.scroll.widget()
        assert form is not None
        scrollbar = self.scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return form.minimumSizeHint().width() + scrollbar + 2 * self.scroll.frameWidth()

    def body_width(self) -> int:
        margin = 0
        document = getattr(self._body_text, "document", None)
        if document is not None:
            margin = int(document().documentMargin())
        return body_min_width(self._body_text, margin)

    def side_width(self) -> int:
        """The side column: room for the preview's lines; a pane that wants more scrolls sideways."""
        tabs = self.side.tabBar().sizeHint().width() + 8  # its tab names whole, not scrolled away
        return max(self._host.fontMetrics().averageCharWidth() * SIDE_CHARS, tabs)

    def wide_width(self) -> int:
        """The splitter width from which the side panes get their own column."""
        handle = self.splitter.handleWidth()
        return self.form_width() + self.body_width() + self.side_width() + 2 * handle + 8

    def compact_width(self) -> int:
        handle = self.splitter.handleWidth()
        bar = self.left.tabBar().sizeHint()
        tabs = min(bar.width(), bar.height()) + 4  # the tabs' strip on the column's side (its thickness)
        return self.form_width() + tabs + self.body_width() + handle + 4

    def update_minimums(self) -> None:
        """Minimum widths from the current fonts and texts (called again when the language changes)."""
        self.scroll.setMinimumWidth(self.form_width())
        self._body.setMinimumWidth(self.body_width())
        self.side.setMinimumWidth(self.side_width())
        # The splitter may be narrower than its three columns' minimums: below `wide_width` the
        # columns become two (`fit`); without this the window could not be made that narrow.
        self.splitter.setMinimumWidth(self.compact_width())

    # Arranging --------------------------------------------------------------------------------------

    def fit(self, width: int) -> None:
        """Choose three columns or two for a splitter `width` pixels wide."""
        compact = self.side_shown and width < self.wide_width()
        if compact != self.compact or not self._sized:
            self.compact = compact
            self._arrange()
            self._share(width)
            self.compactChanged.emit(compact)

    def _share(self, width: int) -> None:
        """Columns at their minimum but the body, which takes the rest (after a change of columns)."""
        self._sized = True
        handle = self.splitter.handleWidth()
        form = max(self.form_width(), self.left.minimumSizeHint().width())
        side = self.side_width() if self.side.isVisibleTo(self._host) else 0
        body = max(self.body_width(), width - form - side - 2 * handle)
        self.splitter.setSizes([form, body, side])

    def set_side_shown(self, shown: bool) -> None:
        self.side_shown = shown
        self.compact = False
        self._sized = False
        self._arrange()
        self.fit(self.splitter.width())

    def _arrange(self) -> None:
        # Folded, the five tabs stand on the column's side: their names read whole, where a row of them
        # across a narrow column would be cut or scroll.
        position = QTabWidget.TabPosition
        self.left.setTabPosition(position.West if self.compact else position.North)
        if self.compact:
            for widget, title in self._panes:
                if self.left.indexOf(widget) < 0:
                    self.left.addTab(widget, title)
            self.side.hide()
        else:
            shown = self.left.currentWidget()
            for widget, title in self._panes:
                if self.side.indexOf(widget) < 0:
                    self.side.addTab(widget, title)
            if shown is not None and self.side.indexOf(shown) >= 0:
                self.side.setCurrentWidget(shown)
            self.left.setCurrentWidget(self.scroll)
            self.side.setVisible(self.side_shown)
        self.splitter.setMinimumWidth(self.compact_width())

    def show_pane(self, pane: QWidget) -> None:
        """Bring a side pane forward wherever it is (its column or the left tabs)."""
        widget = self._panes[self._inner.index(pane)][0]
        for tabs in (self.left, self.side):
            if tabs.indexOf(widget) >= 0:
                tabs.setCurrentWidget(widget)
                if tabs is self.side and not self.side_shown:
                    self.set_side_shown(True)

    def show_details(self) -> None:
        self.left.setCurrentWidget(self.scroll)


def _scrolled(widget: QWidget, parent: QWidget) -> QScrollArea:
    scroll = QScrollArea(parent)
    scroll.setObjectName(f"{widget.objectName() or type(widget).__name__}Scroll")
    scroll.setWidget(widget)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    return scroll


def _tabs(parent: QWidget, name: str) -> QTabWidget:
    tabs = QTabWidget(parent)
    tabs.setObjectName(name)
    tabs.setDocumentMode(True)
    bar = tabs.tabBar()
    bar.setElideMode(Qt.TextElideMode.ElideNone)  # tab names whole; arrows scroll when they do not fit
    bar.setUsesScrollButtons(True)
    bar.setExpanding(False)
    return tabs
