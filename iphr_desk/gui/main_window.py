"""The main window: navigation, the lists, the case view and one editor tab per open letter.

The window is built and shown before the store is open (start-up speed): with `defer_panels` only the menus,
the toolbar and the status bar exist at the first paint, and `build_panels()` adds the lists right after it;
`attach(ctx)` connects the window to the store once `app.py` has opened it. Panels emit `...Requested`
signals; this class wires them in one block (`_connect_panels`) and owns the slots that act on the store or
open dialogs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtCore import QPoint, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QPaintEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QWidget,
)

from iphr_desk import __version__
from iphr_desk.gui.actions import Actions
from iphr_desk.gui.services import Services
from iphr_desk.gui.settings import Settings

if TYPE_CHECKING:
    from collections.abc import Callable

    from iphr_desk.gui.context import AppContext
    from iphr_desk.gui.widgets.list_page import ListPage


class MainWindow(QMainWindow):
    """The app's one main window."""

    #: Emitted once, after the window's first paint: `app.py` opens the store then.
    firstPainted = Signal()
    #: Emitted after `attach()` has filled the lists.
    storeAttached = Signal()

    def __init__(
        self,
        settings: Settings,
        services: Services,
        parent: QWidget | None = None,
        *,
        defer_panels: bool = False,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.services = services
        self.ctx: AppContext | None = None
        self._painted = False
        self._built = False
        self._letter_headers_restored = False
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("IPHR Desk"))
        self.app_actions = Actions(self)
        self._build_menus()
        self._build_toolbar()
        self._connect_actions()
        self.store_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.store_label)
        self.statusBar().showMessage(self.tr("Opening your data…"))
        self._set_store_actions_enabled(False)
        self._restore_geometry()
        if not defer_panels:
            self.build_panels()

    def build_panels(self) -> None:
        """The navigation, the lists and the case view (once; at start-up just after the first paint)."""
        if self._built:
            return
        self._built = True
        # Here rather than in __init__: the first accessible name set loads Qt's accessibility support
        # (about 5 ms), which the first paint need not wait for; a screen reader meanwhile reads the title.
        self.setAccessibleName(self.tr("IPHR Desk"))
        self._build_panels()
        self._connect_panels()
        self._set_store_actions_enabled(self.ctx is not None)
        self._restore_splitters()

    # Building --------------------------------------------------------------------------------------------

    def _build_panels(self) -> None:
        from PySide6.QtWidgets import QSplitter, QStackedWidget, QTabBar, QTabWidget

        from iphr_desk.gui.models.cases import CaseTableModel
        from iphr_desk.gui.models.letters import LetterTableModel
        from iphr_desk.gui.models.records import (
            LetterheadTableModel,
            RecipientTableModel,
            SignatoryTableModel,
        )
        from iphr_desk.gui.widgets.case_view import CaseView
        from iphr_desk.gui.widgets.list_page import ListPage
        from iphr_desk.gui.widgets.navigation import PAGES, NavigationList

        self.navigation = NavigationList(self)
        self.letter_model = LetterTableModel(self)
        self.case_model = CaseTableModel(self)
        self.recipient_model = RecipientTableModel(self)
        self.signatory_model = SignatoryTableModel(self)
        self.letterhead_model = LetterheadTableModel(self)
        self.letters_page = ListPage("letters", self.letter_model, empty_state=True, parent=self)
        self.cases_page = ListPage("cases", self.case_model, parent=self)
        self.recipients_page = ListPage("recipients", self.recipient_model, parent=self)
        self.signatories_page = ListPage("signatories", self.signatory_model, parent=self)
        self.letterheads_page = ListPage("letterheads", self.letterhead_model, searchable=False, parent=self)
        self.trash_model = LetterTableModel(self, trashed=True)
        self.trash_model.setObjectName("trashModel")
        self.trash_page = ListPage("trash", self.trash_model, parent=self)
        self.trash_page.search.setPlaceholderText(self.tr("Search the trash…"))
        self.letters_page.search.setPlaceholderText(self.tr("Search letters (subject, text, recipients)…"))
        self.cases_page.search.setPlaceholderText(self.tr("Search cases (reference, title, people)…"))
        self.recipients_page.search.setPlaceholderText(self.tr("Filter recipients by name…"))
        self.signatories_page.search.setPlaceholderText(self.tr("Filter signatories by name…"))
        self.letter_model.install_filters(self.letters_page.filters)
        self.case_model.install_filters(self.cases_page.filters)
        self.case_view = CaseView(self)
        self.case_splitter = QSplitter(QtCore.Qt.Orientation.Horizontal, self)
        self.case_splitter.setObjectName("caseSplitter")
        self.case_splitter.addWidget(self.cases_page)
        self.case_splitter.addWidget(self.case_view)
        self.case_splitter.setStretchFactor(0, 3)
        self.case_splitter.setStretchFactor(1, 2)
        self.case_splitter.setChildrenCollapsible(False)
        self.pages = QStackedWidget(self)
        self._page_widgets: dict[str, QWidget] = {
            "cases": self.case_splitter,
            "letters": self.letters_page,
            "recipients": self.recipients_page,
            "signatories": self.signatories_page,
            "letterheads": self.letterheads_page,
            "trash": self.trash_page,
        }
        for name in PAGES:
            self.pages.addWidget(self._page_widgets[name])
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("documentTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setAccessibleName(self.tr("Lists and open letters"))
        self.tabs.addTab(self.pages, self.tr("Letters"))
        bar = self.tabs.tabBar()
        bar.setTabButton(0, QTabBar.ButtonPosition.RightSide, None)
        bar.setTabButton(0, QTabBar.ButtonPosition.LeftSide, None)
        self.splitter = QSplitter(QtCore.Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menus: dict[str, QMenu] = {}
        for collection in self.app_actions.collections:
            menu = bar.addMenu(collection.title)
            for item in collection.items:
                if item is None:
                    menu.addSeparator()
                else:
                    menu.addAction(item)
            self.menus[collection.title] = menu
        letter_menu = self.menus[self.app_actions.letter.title]
        self.status_menu = QMenu(self.tr("Change &Status"), self)
        self.status_menu.aboutToShow.connect(self._fill_status_menu)
        letter_menu.insertMenu(self.app_actions.export, self.status_menu)
        for action in self.app_actions.all_actions():
            self.addAction(action)  # shortcuts work whichever tab has the focus

    def _build_toolbar(self) -> None:
        toolbar = self.addToolBar(self.tr("Main Toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        # By name through the meta-object: `Qt.ToolButtonStyle` would build every Python enum of the Qt
        # namespace (about 16 ms) before the first paint; the lists need them only after it.
        toolbar.setProperty("toolButtonStyle", "ToolButtonTextBesideIcon")
        a = self.app_actions
        for action in (
            a.new_letter,
            a.new_case,
            a.new_letter_from_case,
            None,
            a.open_letter,
            a.export,
            None,
            a.refresh,
            a.preferences,
        ):
            if action is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(action)

    def _connect_actions(self) -> None:
        a = self.app_actions
        a.quit.triggered.connect(self.close)
        a.about.triggered.connect(self.show_about)
        a.about_qt.triggered.connect(self._about_qt)
        a.preferences.triggered.connect(self.show_preferences)
        a.new_letter.triggered.connect(lambda: self.new_letter(None))
        a.new_case.triggered.connect(self.new_case)
        a.edit_case.triggered.connect(self.edit_current_case)
        a.new_letter_from_case.triggered.connect(self._new_letter_from_current_case)
        a.open_letter.triggered.connect(self._open_current)
        a.export.triggered.connect(self.export_selected)
        a.move_to_trash.triggered.connect(self.trash_selected)
        a.refresh.triggered.connect(self.refresh)
        a.find.triggered.connect(self.focus_search)
        a.close_tab.triggered.connect(self._close_current_tab)
        a.next_tab.triggered.connect(lambda: self._step_tab(1))
        a.previous_tab.triggered.connect(lambda: self._step_tab(-1))
        a.backups.triggered.connect(self.show_backups)
        a.encrypt.triggered.connect(self.encrypt_store)
        a.import_letter.triggered.connect(self.import_letter_file)
        a.change_passphrase.triggered.connect(self.change_passphrase)
        a.load_demo.triggered.connect(self.load_demo)
        a.open_data_folder.triggered.connect(self._open_data_folder)
        for name, action in (
            ("cases", a.show_cases),
            ("letters", a.show_letters),
            ("recipients", a.show_recipients),
            ("signatories", a.show_signatories),
            ("letterheads", a.show_letterheads),
            ("trash", a.show_trash),
        ):
            action.triggered.connect(lambda _=False, page=name: self.show_page(page))

    def _connect_panels(self) -> None:
        self.navigation.pageRequested.connect(self._on_page_requested)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(lambda _: self._update_actions())
        for page in self._list_pages():
            page.search.searchChanged.connect(lambda text, p=page: self._on_search(p, text))
            page.filters.filtersChanged.connect(lambda values, p=page: self._on_filters(p, values))
            page.table.customContextMenuRequested.connect(lambda pos, p=page: self._context_menu(p, pos))
            page.table.openRequested.connect(lambda row, p=page: self._open_row(p, row))
            page.model.reloaded.connect(lambda _count: self._update_actions())
        self.letter_model.reloaded.connect(self._update_empty_state)
        assert self.letters_page.empty is not None
        self.letters_page.empty.loadDemoRequested.connect(self.load_demo)
        self.letters_page.empty.newCaseRequested.connect(self.new_case)
        self.letters_page.empty.newLetterRequested.connect(lambda: self.new_letter(None))
        self.cases_page.table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._show_case_row(cur.row())
        )
        self.case_model.modelReset.connect(self._reselect_case)
        self.case_view.editRequested.connect(self.edit_case)
        self.case_view.newLetterRequested.connect(self.new_letter)
        self.case_view.openLetterRequested.connect(self.open_letter)
        self.case_view.messageRequested.connect(lambda text: self.statusBar().showMessage(text, 4000))
        for kind, page in (
            ("recipient", self.recipients_page),
            ("signatory", self.signatories_page),
            ("letterhead", self.letterheads_page),
        ):
            page.add_button(self.tr("&New…"), lambda _=False, k=kind: self._edit_record(k, -1))
            page.add_button(self.tr("&Edit…"), lambda _=False, k=kind, p=page: self._edit_current(k, p))
            page.add_button(self.tr("&Delete"), lambda _=False, k=kind, p=page: self._delete_current(k, p))
        self.recipients_page.table.openRequested.connect(lambda row: self._edit_record("recipient", row))
        self.signatories_page.table.openRequested.connect(lambda row: self._edit_record("signatory", row))
        self.letterheads_page.table.openRequested.connect(lambda row: self._edit_record("letterhead", row))
        self.trash_page.add_button(self.tr("&Restore"), self.restore_selected)
        self.trash_page.add_button(self.tr("&Empty Trash…"), self.empty_trash)

    def _list_pages(self) -> list[ListPage]:
        return [
            self.letters_page,
            self.cases_page,
            self.recipients_page,
            self.signatories_page,
            self.letterheads_page,
            self.trash_page,
        ]

    # Store ----------------------------------------------------------------------------------------------

    def show_quick_rows(self, reader: Any, on_painted: Callable[[], None]) -> None:
        """The letter list's first rows before the store is open (a `QuickLetterReader`, app.py).

        Only the table is live (scroll, select, sort); searching, filters and every action wait for
        `attach`. `on_painted` is called once the rows are on screen (or at once if none will be).
        """
        self.build_panels()
        if self.ctx is not None:
            on_painted()
            return
        page = self.letters_page
        self.letter_model.show_quick(reader)
        self._restore_headers([page])
        self._letter_headers_restored = True
        page.setEnabled(True)
        page.search.setEnabled(False)
        page.filters.setEnabled(False)
        if self.letter_model.rowCount() == 0 or not self.isVisible() or self.current_list_page() is not page:
            on_painted()
            return
        page.firstRowsPainted.connect(on_painted)
        page.watch_first_rows()

    def attach(self, ctx: AppContext, *, defer_rest_ms: int | None = None) -> None:
        """Connect to the open store and fill the lists; called once the store is open.

        The letter list comes first. With `defer_rest_ms` the other lists, and the filter choices that need
        babel and the protocol data, fill that much later, so the letters are painted sooner at start-up.
        """
        self.build_panels()
        self.ctx = ctx
        self.case_view.set_context(ctx)
        self.letter_model.attach(ctx.store)
        self.letters_page.search.setEnabled(True)
        self.letters_page.filters.setEnabled(True)
        if not self._letter_headers_restored:
            self._restore_headers([self.letters_page])
        self.store_label.setText(self.tr("Data: %1").replace("%1", str(ctx.data_dir)))
        self.store_label.setToolTip(str(ctx.data_dir))
        self._set_store_actions_enabled(True)
        self._update_empty_state()
        self.statusBar().showMessage(self.tr("Ready"), 3000)
        if defer_rest_ms is None:
            self._attach_rest()
        else:
            QTimer.singleShot(defer_rest_ms, self._attach_rest)

    def _attach_rest(self) -> None:
        if self.ctx is None:
            return
        for model in (
            self.case_model,
            self.recipient_model,
            self.signatory_model,
            self.letterhead_model,
            self.trash_model,
        ):
            model.attach(self.ctx.store)
        # Country names need babel and office names the protocol data: off the path to the first rows.
        self.letter_model.refresh_filter_choices(self.letters_page.filters)
        self.case_model.refresh_filter_choices(self.cases_page.filters)
        self._restore_headers([page for page in self._list_pages() if page is not self.letters_page])
        self._update_actions()
        self.storeAttached.emit()

    def _set_store_actions_enabled(self, enabled: bool) -> None:
        a = self.app_actions
        for action in (
            a.new_letter,
            a.new_case,
            a.new_letter_from_case,
            a.open_letter,
            a.export,
            a.move_to_trash,
            a.edit_case,
            a.refresh,
            a.backups,
            a.encrypt,
            a.change_passphrase,
            a.import_letter,
            a.load_demo,
            a.open_data_folder,
            a.find,
        ):
            action.setEnabled(enabled)
        if not self._built:
            return
        for page in self._list_pages():
            page.setEnabled(enabled)
        self.case_view.setEnabled(enabled)

    def refresh(self) -> None:
        """Read the lists again (after an import, a demo load, or a change made in another tab)."""
        if self.ctx is None:
            return
        for page in self._list_pages():
            page.model.reload()
        self.letter_model.refresh_filter_choices(self.letters_page.filters)
        self.case_model.refresh_filter_choices(self.cases_page.filters)
        self.case_view.reload()

    def _update_empty_state(self, *_: Any) -> None:
        page = self.letters_page
        first_run = (
            self.ctx is not None
            and self.letter_model.rowCount() == 0
            and not page.search.query()
            and not any(page.filters.values().values())
        )
        page.show_empty_state(first_run)

    # Pages and tabs -------------------------------------------------------------------------------------

    def show_page(self, name: str) -> None:
        """Switch to a list and put the keyboard in its table (View menu, Ctrl+1…6)."""
        self.build_panels()
        self.navigation.select(name)
        self._on_page_requested(name)
        page = self.current_list_page()
        if page is not None and self.isVisible():
            page.table.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)

    def current_page_name(self) -> str:
        return self.navigation.current_page()

    def _on_page_requested(self, name: str) -> None:
        self.pages.setCurrentWidget(self._page_widgets[name])
        self.tabs.setTabText(0, self.navigation.currentItem().text() if self.navigation.currentItem() else "")
        self.tabs.setCurrentIndex(0)
        self._update_actions()

    def current_list_page(self) -> ListPage | None:
        from iphr_desk.gui.widgets.list_page import ListPage

        if not self._built or self.tabs.currentIndex() != 0:
            return None
        widget = self.pages.currentWidget()
        return (
            self.cases_page
            if widget is self.case_splitter
            else widget
            if isinstance(widget, ListPage)
            else None
        )

    def _close_current_tab(self) -> None:
        if self._built:
            self.close_tab(self.tabs.currentIndex())

    def _step_tab(self, step: int) -> None:
        if not self._built:
            return
        count = self.tabs.count()
        if count:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)

    def focus_search(self) -> None:
        self.build_panels()
        if self.current_list_page() is None or not self.current_list_page().search.isVisible():  # type: ignore[union-attr]
            self.show_page("letters")
        page = self.current_list_page()
        if page is not None:
            page.search.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)
            page.search.selectAll()

    def _on_search(self, page: ListPage, text: str) -> None:
        page.model.set_search(text)
        if page is self.letters_page:
            self._update_empty_state()

    def _on_filters(self, page: ListPage, values: dict[str, Any]) -> None:
        page.model.set_filters(values)
        if page is self.letters_page:
            self._update_empty_state()

    def _update_actions(self) -> None:
        if self.ctx is None or not self._built:
            return
        page = self.current_list_page()
        on_letters = page is self.letters_page
        on_cases = page is self.cases_page
        has_rows = page is not None and page.model.rowCount() > 0
        a = self.app_actions
        a.open_letter.setEnabled((has_rows and (on_letters or on_cases)) or self.tabs.currentIndex() > 0)
        a.export.setEnabled((on_letters and has_rows) or self.tabs.currentIndex() > 0)
        a.move_to_trash.setEnabled(has_rows and (on_letters or on_cases))
        # Cases have no trash in the store: say what will really happen.
        a.move_to_trash.setText(self.tr("&Delete Case…") if on_cases else self.tr("Move to &Trash"))
        a.edit_case.setEnabled(on_cases and self.case_view.case_id is not None)
        a.new_letter_from_case.setEnabled(on_cases and self.case_view.case_id is not None)
        a.close_tab.setEnabled(self.tabs.currentIndex() > 0)

    # Letters and editors --------------------------------------------------------------------------------

    def editor_tabs(self) -> list[QWidget]:
        if not self._built:
            return []
        widgets = (self.tabs.widget(i) for i in range(1, self.tabs.count()))
        return [widget for widget in widgets if widget is not None]

    def find_editor(self, letter_id: int) -> int:
        """The tab index of the editor showing `letter_id`, or -1."""
        for index in range(1, self.tabs.count()):
            if getattr(self.tabs.widget(index), "letter_id", None) == letter_id:
                return index
        return -1

    def open_letter(self, letter_id: int) -> QWidget | None:
        """Open the letter in an editor tab, or bring its tab forward when it is already open."""
        if self.ctx is None:
            return None
        index = self.find_editor(letter_id)
        if index >= 0:
            self.tabs.setCurrentIndex(index)
            return self.tabs.widget(index)
        try:
            from iphr_desk.gui.editor.letter_editor import LetterEditor
        except ImportError:
            self.services.info(
                self, self.tr("Letter Editor"), self.tr("The letter editor is not available in this build.")
            )
            return None
        editor = LetterEditor(self.ctx, letter_id, self)
        editor.titleChanged.connect(lambda title, e=editor: self._set_editor_title(e, title))
        editor.saved.connect(lambda _id: self._schedule_letter_refresh())
        editor.statusChanged.connect(lambda _id, _status: self._schedule_letter_refresh())
        title = self._letter_title(letter_id)
        index = self.tabs.addTab(editor, title)
        self.tabs.setTabToolTip(index, title)
        self.tabs.setCurrentIndex(index)
        return editor

    def _letter_title(self, letter_id: int) -> str:
        subject = self.letter_model.subject_of(letter_id)
        return subject or self.tr("Letter %1").replace("%1", str(letter_id))

    def _set_editor_title(self, editor: QWidget, title: str) -> None:
        index = self.tabs.indexOf(editor)
        if index > 0:
            shown = title if len(title) <= 40 else title[:39] + "…"
            self.tabs.setTabText(index, shown or self.tr("Untitled letter"))
            self.tabs.setTabToolTip(index, title)

    def _schedule_letter_refresh(self) -> None:
        if not hasattr(self, "_refresh_timer"):
            self._refresh_timer = QTimer(self)
            self._refresh_timer.setSingleShot(True)
            self._refresh_timer.setInterval(500)
            self._refresh_timer.timeout.connect(self._refresh_after_edit)
        self._refresh_timer.start()

    def _refresh_after_edit(self) -> None:
        self.letter_model.reload()
        self.case_view.reload()

    def close_tab(self, index: int) -> None:
        """Close an editor tab after it has saved what is pending (the list tab stays)."""
        if index <= 0:
            return
        editor = self.tabs.widget(index)
        self._flush(editor)
        self.tabs.removeTab(index)
        if editor is not None:
            editor.deleteLater()

    def _flush(self, editor: QWidget | None) -> None:
        flush = getattr(editor, "flush", None)
        if callable(flush):
            try:
                flush()
            except Exception as error:  # the user must hear that a save failed, whatever the cause
                self.services.error(
                    self, self.tr("Could Not Save"), self.tr("A letter could not be saved."), str(error)
                )

    def new_letter(self, case_id: int | None) -> int | None:
        """Create a letter (from a case, prefilled from it) and open it in the editor."""
        if self.ctx is None:
            return None
        import datetime as dt

        from iphr_desk.gui.models.drafts import create_draft

        try:
            letter_id = create_draft(self.ctx, case_id, today=dt.date.today())
        except Exception as error:  # any failure of the store is told, not swallowed
            self._report(self.tr("Could Not Create the Letter"), error)
            return None
        self.letter_model.reload()
        self.case_view.reload()
        self.open_letter(letter_id)
        return letter_id

    def _new_letter_from_current_case(self) -> None:
        if self.case_view.case_id is not None:
            self.new_letter(self.case_view.case_id)

    def _open_current(self) -> None:
        page = self.current_list_page()
        if page is not None:
            index = page.table.currentIndex()
            if index.isValid():
                self._open_row(page, index.row())

    def _open_row(self, page: ListPage, row: int) -> None:
        item = page.model.row_at(row)
        if item is None:
            return
        if page is self.letters_page:
            self.open_letter(int(item.id))
        elif page is self.cases_page:
            self.case_view.show_case(int(item.id))
            self.case_view.setFocus()

    def selected_letter_ids(self) -> list[int]:
        if self.tabs.currentIndex() > 0:
            letter_id = getattr(self.tabs.currentWidget(), "letter_id", None)
            return [int(letter_id)] if letter_id is not None else []
        if self.current_list_page() is not self.letters_page:
            return []
        return [int(item.id) for item in self.letters_page.selected_items()]  # type: ignore[attr-defined]

    def export_selected(self) -> None:
        ids = self.selected_letter_ids()
        if self.ctx is None or not ids:
            return
        for editor in self.editor_tabs():
            if getattr(editor, "letter_id", None) in ids:
                self._flush(editor)
        try:
            from iphr_desk.gui.export.controller import start_export
        except ImportError:
            self.services.info(self, self.tr("Export"), self.tr("Export is not available in this build."))
            return
        start_export(self.ctx, self, ids)

    def trash_selected(self) -> None:
        """Letters go to the trash (they can come back); cases are deleted after a clear question."""
        page = self.current_list_page()
        if self.ctx is None or page not in (self.letters_page, self.cases_page):
            return
        assert page is not None
        ids = [int(item.id) for item in page.selected_items()]  # type: ignore[attr-defined]
        if not ids:
            return
        on_letters = page is self.letters_page
        if on_letters:
            title = self.tr("Move to Trash")
            question = self.tr("Move %n letter(s) to the trash?", "", len(ids))
        else:
            title = self.tr("Delete Cases")
            question = self.tr(
                "Delete %n case(s) with their people and events? Letters keep their case reference.",
                "",
                len(ids),
            )
        if not self.services.ask_yes_no(self, title, question):
            return
        from iphr_desk.core.store.repository import cases as case_repo
        from iphr_desk.core.store.repository import letters as letter_repo

        try:
            for item_id in ids:
                if on_letters:
                    self._close_editor_of(item_id)
                    letter_repo.trash_letter(self.ctx.store, item_id, author=self.settings.user_name)
                else:
                    case_repo.delete_case(self.ctx.store, item_id)
        except Exception as error:  # tell the user; the lists are re-read either way
            self._report(self.tr("Could Not Delete"), error)
        self.refresh()

    def restore_selected(self) -> None:
        """Bring the selected letters back from the trash."""
        if self.ctx is None:
            return
        from iphr_desk.core.store.repository import letters as letter_repo

        ids = [int(item.id) for item in self.trash_page.selected_items()]  # type: ignore[attr-defined]
        try:
            for letter_id in ids:
                letter_repo.restore_from_trash(self.ctx.store, letter_id)
        except Exception as error:  # told, and the lists re-read
            self._report(self.tr("Could Not Restore"), error)
        self.refresh()
        if ids:
            self.statusBar().showMessage(self.tr("%n letter(s) restored", "", len(ids)), 4000)

    def empty_trash(self) -> None:
        """Delete the trashed letters for good, after a question that says so."""
        if self.ctx is None or self.trash_model.rowCount() == 0:
            return
        question = self.tr(
            "Delete the %n letter(s) in the trash for good, with their revisions and comments? "
            "This cannot be undone.",
            "",
            self.trash_model.rowCount(),
        )
        if not self.services.ask_yes_no(self, self.tr("Empty Trash"), question):
            return
        from iphr_desk.core.store.repository import letters as letter_repo

        try:
            letter_repo.empty_trash(self.ctx.store)
        except Exception as error:  # told, and the lists re-read
            self._report(self.tr("Could Not Empty the Trash"), error)
        self.refresh()

    def _close_editor_of(self, letter_id: int) -> None:
        index = self.find_editor(letter_id)
        if index > 0:
            self.close_tab(index)

    def _letter_status(self, letter_id: int) -> str | None:
        from iphr_desk.core.store.repository import letters as letter_repo

        try:
            return letter_repo.get_letter_info(self.ctx.store, letter_id).status  # type: ignore[union-attr]
        except Exception:  # the letter went to the trash meanwhile: no status to offer
            return None

    def _fill_status_menu(self) -> None:
        """Offer only the transitions the review workflow allows from the letter's current status."""
        from iphr_desk.gui.models import labels

        self.status_menu.clear()
        ids = self.selected_letter_ids()
        status = self._letter_status(ids[0]) if self.ctx is not None and len(ids) == 1 else None
        if status is None:
            action = self.status_menu.addAction(self.tr("Select one letter"))
            action.setEnabled(False)
            return
        from iphr_desk.core.vocabularies import allowed_transitions

        letter_id = ids[0]
        current = self.status_menu.addAction(self.tr("Now: %1").replace("%1", labels.letter_status(status)))
        current.setEnabled(False)
        self.status_menu.addSeparator()
        for target in allowed_transitions(status):
            action = self.status_menu.addAction(self._transition_text(status, target))
            action.triggered.connect(lambda _=False, s=target: self.change_status(letter_id, s))

    def _transition_text(self, current: str, target: str) -> str:
        from iphr_desk.gui.models import labels

        if target == "draft":
            return self.tr("Reopen as Draft")
        if target == "in_review" and current == "draft":
            return self.tr("Submit for Review")
        if target == "in_review":
            return self.tr("Resubmit for Review")
        return {
            "changes_requested": self.tr("Request Changes"),
            "approved": self.tr("Approve"),
            "signed": self.tr("Mark as Signed"),
            "sent": self.tr("Mark as Sent"),
        }.get(target, labels.letter_status(target))

    def change_status(self, letter_id: int, status: str) -> None:
        if self.ctx is None:
            return
        from iphr_desk.core.store.repository import letters as letter_repo

        index = self.find_editor(letter_id)
        if index > 0:
            self._flush(self.tabs.widget(index))
        author = self.settings.user_name or self.tr("Unnamed user")
        try:
            letter_repo.change_status(self.ctx.store, letter_id, status, author=author)
        except Exception as error:  # a refused transition is shown with the store's sentence
            self._report(self.tr("Could Not Change the Status"), error)
        self.letter_model.reload()
        self.case_view.reload()

    def _context_menu(self, page: ListPage, pos: QPoint) -> None:
        if self.ctx is None:
            return
        index = page.table.indexAt(pos)
        menu = QMenu(self)
        menu.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        a = self.app_actions
        if page is self.letters_page:
            if index.isValid():
                menu.addAction(a.open_letter)
                menu.addMenu(self.status_menu)
                menu.addAction(a.export)
                menu.addSeparator()
                menu.addAction(a.move_to_trash)
            menu.addAction(a.new_letter)
        elif page is self.cases_page:
            if index.isValid():
                menu.addAction(a.edit_case)
                menu.addAction(a.new_letter_from_case)
                menu.addSeparator()
                menu.addAction(a.move_to_trash)
            menu.addAction(a.new_case)
        elif page is self.trash_page:
            if index.isValid():
                menu.addAction(self.tr("&Restore"), self.restore_selected)
            menu.addAction(self.tr("&Empty Trash…"), self.empty_trash)
        else:
            kind = {
                self.recipients_page: "recipient",
                self.signatories_page: "signatory",
                self.letterheads_page: "letterhead",
            }[page]
            if index.isValid():
                menu.addAction(self.tr("&Edit…"), lambda: self._edit_record(kind, index.row()))
                menu.addAction(self.tr("&Delete"), lambda: self._delete_record(kind, index.row()))
                menu.addSeparator()
            menu.addAction(self.tr("&New…"), lambda: self._edit_record(kind, -1))
        menu.popup(page.popup_position(pos))

    # Cases ----------------------------------------------------------------------------------------------

    def _show_case_row(self, row: int) -> None:
        item = self.case_model.row_at(row)
        self.case_view.show_case(int(item.id) if item is not None else None)
        self._update_actions()

    def _reselect_case(self) -> None:
        """After a reload the selection is gone: keep showing the case the user was looking at."""
        self.case_view.reload()

    def new_case(self) -> None:
        if self.ctx is None:
            return
        from iphr_desk.gui.dialogs.case_dialog import CaseDialog

        dialog = CaseDialog(self.ctx, None, self)
        if dialog.exec() and dialog.case_id is not None:
            self.show_page("cases")
            self.refresh()
            self.case_view.show_case(dialog.case_id)

    def edit_current_case(self) -> None:
        if self.case_view.case_id is not None:
            self.edit_case(self.case_view.case_id)

    def edit_case(self, case_id: int) -> None:
        if self.ctx is None:
            return
        from iphr_desk.gui.dialogs.case_dialog import CaseDialog

        dialog = CaseDialog(self.ctx, case_id, self)
        if dialog.exec():
            self.case_model.reload()
            self.case_view.show_case(case_id)

    # Recipients, signatories, letterheads --------------------------------------------------------------

    def _record_model(self, kind: str) -> Any:
        return {
            "recipient": self.recipient_model,
            "signatory": self.signatory_model,
            "letterhead": self.letterhead_model,
        }[kind]

    def _edit_record(self, kind: str, row: int) -> None:
        if self.ctx is None:
            return
        from iphr_desk.gui.dialogs.record_dialogs import edit_record

        model = self._record_model(kind)
        item = model.row_at(row) if row >= 0 else None
        if edit_record(self.ctx, kind, getattr(item, "id", None), self):
            model.reload()

    def _edit_current(self, kind: str, page: ListPage) -> None:
        index = page.table.currentIndex()
        if index.isValid():
            self._edit_record(kind, index.row())

    def _delete_current(self, kind: str, page: ListPage) -> None:
        index = page.table.currentIndex()
        if index.isValid():
            self._delete_record(kind, index.row())

    def _delete_record(self, kind: str, row: int) -> None:
        if self.ctx is None:
            return
        from iphr_desk.gui.dialogs.record_dialogs import delete_record

        model = self._record_model(kind)
        item = model.row_at(row)
        if item is not None and delete_record(self.ctx, kind, int(item.id), self):
            model.reload()

    # Dialogs --------------------------------------------------------------------------------------------

    def show_preferences(self) -> None:
        from iphr_desk.gui.dialogs.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self.services, self.ctx, self)
        dialog.exec()

    def show_backups(self) -> None:
        if self.ctx is None:
            return
        from iphr_desk.gui.dialogs.backup_dialog import BackupDialog

        for editor in self.editor_tabs():
            self._flush(editor)
        dialog = BackupDialog(self.ctx, self)
        dialog.exec()
        if dialog.restored:
            self.refresh()

    def encrypt_store(self) -> None:
        if self.ctx is None:
            return
        from iphr_desk.gui.dialogs.backup_dialog import encrypt_store

        for editor in self.editor_tabs():
            self._flush(editor)
        encrypt_store(self.ctx, self)

    def import_letter_file(self) -> int | None:
        """Store a letter file (Markdown with front matter) and open it; a bad file is told, not stored."""
        if self.ctx is None:
            return None
        path = self.services.open_file(
            self, self.tr("Import a Letter File"), self.tr("Letter files (*.md *.markdown);;All files (*)")
        )
        if path is None:
            return None
        from iphr_desk.core.letters.letterfile import parse_letter_file
        from iphr_desk.core.store.repository import letters as letter_repo

        try:
            letter = parse_letter_file(path)
            author = self.settings.user_name or self.tr("Imported")
            letter_id = int(letter_repo.add_letter(self.ctx.store, letter, author=author, reason="imported"))
        except Exception as error:  # the parser's sentence names the file, the key and the problem
            self._report(self.tr("Could Not Import the Letter"), error)
            return None
        self.show_page("letters")
        self.refresh()
        self.open_letter(letter_id)
        return letter_id

    def change_passphrase(self) -> None:
        if self.ctx is None:
            return
        from iphr_desk.gui.dialogs.backup_dialog import change_passphrase

        for editor in self.editor_tabs():
            self._flush(editor)
        change_passphrase(self.ctx, self)

    def show_about(self) -> None:
        text = self.tr(
            "<h3>IPHR Desk %1</h3>"
            "<p>Cases and advocacy letters on the organisation's letterhead, offline.</p>"
            "<p>Your data stays on this computer: IPHR Desk never connects to the network.</p>"
        ).replace("%1", __version__)
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.NoIcon, self.tr("About IPHR Desk"), text, QMessageBox.StandardButton.Ok, self
        )
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _about_qt(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.aboutQt(self, self.tr("About Qt"))

    def load_demo(self) -> None:
        if self.ctx is None:
            return
        try:
            from iphr_desk.core.demo import load_demo
        except ImportError:
            self.services.info(
                self, self.tr("Demo Data"), self.tr("The demo data is not available in this build.")
            )
            return
        try:
            load_demo(self.ctx.store)
        except Exception as error:  # tell the user what the store said
            self._report(self.tr("Could Not Load the Demo Data"), error)
        self.refresh()
        self._update_empty_state()
        self.statusBar().showMessage(self.tr("Demo cases and letters loaded"), 4000)

    def _open_data_folder(self) -> None:
        if self.ctx is not None:
            self.services.open_folder(Path(self.ctx.data_dir))

    def _report(self, title: str, error: Exception) -> None:
        from iphr_desk.core.errors import IphrError

        if isinstance(error, IphrError):
            self.services.error(self, title, str(error))
        else:
            self.services.error(
                self, title, self.tr("Something went wrong."), f"{type(error).__name__}: {error}"
            )

    # Window life ----------------------------------------------------------------------------------------

    def set_app_icon(self, icon: QIcon) -> None:
        self.setWindowIcon(icon)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.firstPainted.emit()

    def _restore_geometry(self) -> None:
        s = self.settings
        if not s.window_geometry.isEmpty():
            self.restoreGeometry(s.window_geometry)
        else:
            available = self.screen().availableGeometry()
            self.resize(min(1280, int(available.width() * 0.9)), min(820, int(available.height() * 0.9)))
        if not s.window_state.isEmpty():
            self.restoreState(s.window_state)

    def _restore_splitters(self) -> None:
        for splitter in (self.splitter, self.case_splitter):
            state = self.settings.splitter_state(splitter.objectName())
            if not state.isEmpty():
                splitter.restoreState(state)
            elif splitter is self.splitter:
                splitter.setSizes([170, 1030])
            else:
                splitter.setSizes([560, 470])
        self.show_page("letters")

    def _restore_headers(self, pages: list[ListPage]) -> None:
        for page in pages:
            state = self.settings.header_state(page.objectName())
            if not state.isEmpty():
                page.table.horizontalHeader().restoreState(state)
            page.model.apply_header_sort(page.table.horizontalHeader())

    def save_layout(self) -> None:
        s = self.settings
        s.window_geometry = self.saveGeometry()
        s.window_state = self.saveState()
        if not self._built:
            s.sync()
            return
        for splitter in (self.splitter, self.case_splitter):
            s.set_splitter_state(splitter.objectName(), splitter.saveState())
        if self.ctx is not None:
            for page in self._list_pages():
                s.set_header_state(page.objectName(), page.table.horizontalHeader().saveState())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save every open letter and the layout; nothing typed is lost on closing."""
        for editor in self.editor_tabs():
            self._flush(editor)
        self.save_layout()
        if self._built:
            self.letter_model.wait_for_background()
        event.accept()
