"""The main window: navigation, the lists, the case view and one editor tab per open letter.

The window is built and shown before the store is open (start-up speed): with `defer_panels` only the menus,
the toolbar and the status bar exist at the first paint, and `build_panels()` adds the lists right after it;
`attach(ctx)` connects the window to the store once `app.py` has opened it, and asks the user's name on
the first start (profile.py). Panels emit `...Requested` signals; this class wires them in one block
(`_connect_panels`, and `_connect_store_actions` once the store is open). What acts on the store lives
elsewhere, one path per action: letters in letter_actions.py, cases in case_actions.py, the address book and
the trash in pages/, the Tools and Help menus in tools_menu.py; each tells the window what changed
(`refresh_changed`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtCore import QPoint, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QPaintEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QWidget

from iphr_desk.gui.actions import Actions
from iphr_desk.gui.edit_menu import EditCommands
from iphr_desk.gui.exchange_menu import ExchangeMenu
from iphr_desk.gui.format_menu import EditorCommands
from iphr_desk.gui.list_menu import show_list_menu
from iphr_desk.gui.services import Services
from iphr_desk.gui.settings import Settings
from iphr_desk.gui.store_op import Changes
from iphr_desk.gui.tools_menu import ToolsMenu
from iphr_desk.gui.window_layout import restore_geometry, restore_headers, restore_splitters, save_layout

if TYPE_CHECKING:
    from collections.abc import Callable

    from iphr_desk.gui.case_actions import CaseActions
    from iphr_desk.gui.context import AppContext
    from iphr_desk.gui.letter_actions import LetterActions
    from iphr_desk.gui.pages.records import RecordPages
    from iphr_desk.gui.pages.trash import TrashPage
    from iphr_desk.gui.profile import ProfileQuestion
    from iphr_desk.gui.status_menu import StatusMenu
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
        #: The one path of every letter and case action; made by `attach`, when the store is open.
        self.letter_actions: LetterActions | None = None
        self.case_actions: CaseActions | None = None
        self.profile_question: ProfileQuestion | None = None
        self.tools = ToolsMenu(self)
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
        restore_geometry(self, self.settings)
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
        from PySide6.QtWidgets import QSplitter

        from iphr_desk.gui.document_tabs import DocumentTabs
        from iphr_desk.gui.pages.lists import ListStack
        from iphr_desk.gui.widgets.navigation import NavigationList

        self.navigation = NavigationList(self)
        self.pages = lists = ListStack(self)
        # The window wires these; the list stack made them.
        self.letter_model = lists.letter_model
        self.trash_model = lists.trash_model
        self.case_model = lists.case_model
        self.recipient_model = lists.recipient_model
        self.signatory_model = lists.signatory_model
        self.letterhead_model = lists.letterhead_model
        self.letters_page = lists.letters_page
        self.cases_page = lists.cases_page
        self.recipients_page = lists.recipients_page
        self.signatories_page = lists.signatories_page
        self.letterheads_page = lists.letterheads_page
        self.trash_page = lists.trash_page
        self.case_view = lists.case_view
        self.case_splitter = lists.case_splitter
        self.tabs = DocumentTabs(self.pages, self.tr("Letters"), self.services, self)
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
        from iphr_desk.gui.status_menu import StatusMenu

        letter_menu = self.menus[self.app_actions.letter.title]
        self.status_menu: StatusMenu = StatusMenu(self.selected_letter_ids, self)
        letter_menu.insertMenu(self.app_actions.export, self.status_menu)
        self.exchange_menu = ExchangeMenu(self.selected_letter_ids, self)
        letter_menu.insertMenu(self.app_actions.export, self.exchange_menu)
        for action in self.app_actions.all_actions():
            self.addAction(action)  # shortcuts work whichever tab has the focus
        self.edit_commands = EditCommands(self.app_actions, self)
        self.editor_commands = EditorCommands(
            self.app_actions,
            self.menus[self.app_actions.format.title],
            lambda: self.tabs.currentWidget() if self._built else None,
            self,
        )

    def _build_toolbar(self) -> None:
        toolbar = self.addToolBar(self.tr("Main Toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        # By name through the meta-object: `Qt.ToolButtonStyle` would build every Python enum of the Qt
        # namespace (about 16 ms) before the first paint; the lists need them only after it.
        toolbar.setProperty("toolButtonStyle", "ToolButtonTextBesideIcon")
        for action in self.app_actions.toolbar_items():
            if action is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(action)

    def _connect_actions(self) -> None:
        a = self.app_actions
        t = self.tools
        a.quit.triggered.connect(self.close)
        a.about.triggered.connect(t.show_about)
        a.about_qt.triggered.connect(t.about_qt)
        a.preferences.triggered.connect(t.show_preferences)
        a.open_letter.triggered.connect(self._open_current)
        a.export.triggered.connect(self.export_selected)
        a.move_to_trash.triggered.connect(self.trash_selected)
        a.refresh.triggered.connect(self.refresh)
        a.find.triggered.connect(self.focus_search)
        a.close_tab.triggered.connect(self._close_current_tab)
        a.next_tab.triggered.connect(lambda: self._step_tab(1))
        a.previous_tab.triggered.connect(lambda: self._step_tab(-1))
        a.backups.triggered.connect(t.show_backups)
        a.encrypt.triggered.connect(t.encrypt_store)
        a.change_passphrase.triggered.connect(t.change_passphrase)
        a.load_demo.triggered.connect(t.load_demo)
        a.open_data_folder.triggered.connect(t.open_data_folder)
        for name, action in a.page_actions().items():
            action.triggered.connect(lambda _=False, page=name: self.show_page(page))

    def _connect_panels(self) -> None:
        self.navigation.pageRequested.connect(self._on_page_requested)
        self.tabs.letterSaved.connect(lambda _id: self._schedule_letter_refresh())
        self.tabs.currentChanged.connect(lambda _: self._update_actions())
        self.tabs.currentChanged.connect(lambda _: self.editor_commands.update())
        for page in self._list_pages():
            page.search.searchChanged.connect(lambda text, p=page: self._on_search(p, text))
            page.filters.filtersChanged.connect(lambda values, p=page: self._on_filters(p, values))
            page.table.customContextMenuRequested.connect(lambda pos, p=page: self._context_menu(p, pos))
            page.table.openRequested.connect(lambda row, p=page: self._open_row(p, row))
            page.model.reloaded.connect(lambda _count: self._update_actions())
        self.letter_model.reloaded.connect(self._update_empty_state)
        assert self.letters_page.empty is not None
        self.letters_page.empty.loadDemoRequested.connect(self.tools.load_demo)
        self.cases_page.table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._show_case_row(cur.row())
        )
        # After a reload the selection is gone: keep showing the case the user was looking at.
        self.case_model.modelReset.connect(self.case_view.reload)
        self.case_view.openLetterRequested.connect(self.open_letter)
        self.case_view.messageRequested.connect(lambda text: self.statusBar().showMessage(text, 4000))
        from iphr_desk.gui.pages.records import RecordPages
        from iphr_desk.gui.pages.trash import TrashPage

        self.record_pages: RecordPages = RecordPages(
            {
                "recipient": self.recipients_page,
                "signatory": self.signatories_page,
                "letterhead": self.letterheads_page,
            },
            lambda: self.ctx,
            self,
        )
        self.trash: TrashPage = TrashPage(self.trash_page, lambda: self.letter_actions, self)
        self.trash.messageRequested.connect(lambda text: self.statusBar().showMessage(text, 4000))

    def _list_pages(self) -> list[ListPage]:
        return self.pages.list_pages()

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
        self._connect_store_actions(ctx)
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
        QTimer.singleShot(0, self._ask_name_once)

    def _connect_store_actions(self, ctx: AppContext) -> None:
        """The letter and case actions, on the open store, wired to what asks for them and what they change.

        The menus, the toolbar, the empty state and the case view all reach the same two objects.
        """
        from iphr_desk.gui.case_actions import CaseActions
        from iphr_desk.gui.letter_actions import LetterActions

        a, empty = self.app_actions, self.letters_page.empty
        assert empty is not None
        self.letter_actions = letters = LetterActions(ctx, self)
        letters.changed.connect(self.refresh_changed)
        letters.openRequested.connect(self.open_letter)
        self.tabs.attach(ctx, letters)  # close requests, and the last session's tabs reopened
        self.status_menu.letter_actions = self.exchange_menu.letter_actions = letters
        focus = self.editor_commands.focus_new_letter  # the keyboard goes to the new letter's header
        a.new_letter.triggered.connect(lambda: focus(letters.new_letter(None), self._editor_of))
        a.import_letter.triggered.connect(letters.import_letter_file)
        empty.newLetterRequested.connect(lambda: focus(letters.new_letter(None), self._editor_of))
        self.case_view.newLetterRequested.connect(
            lambda case: focus(letters.new_letter(case), self._editor_of)
        )
        a.new_letter_from_case.triggered.connect(
            lambda: (
                self.case_view.case_id is not None
                and focus(letters.new_letter(self.case_view.case_id), self._editor_of)
            )
        )
        self.case_actions = cases = CaseActions(ctx, self)
        cases.changed.connect(self.refresh_changed)
        cases.showRequested.connect(self._show_case)
        a.new_case.triggered.connect(cases.new_case)
        empty.newCaseRequested.connect(cases.new_case)
        self.case_view.editRequested.connect(cases.edit_case)
        a.edit_case.triggered.connect(
            lambda: self.case_view.case_id is not None and cases.edit_case(self.case_view.case_id)
        )

    def _ask_name_once(self) -> None:
        """The first start asks who the user is (not modal; never again once asked)."""
        from iphr_desk.gui.profile import ask_name_once

        if self.profile_question is None and self.isVisible():
            self.profile_question = ask_name_once(self.settings, self)

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
        for action in self.app_actions.store_actions():
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

    def refresh_changed(self, changes: Changes) -> None:
        """Read again only the views an operation changed (a `Changes` from a `StoreOp`)."""
        if self.ctx is None or not self._built:
            return
        if changes == Changes.ALL:
            self.refresh()
            return
        if Changes.LETTERS in changes:
            self.letter_model.reload()
            self.letter_model.refresh_filter_choices(self.letters_page.filters)
        if Changes.TRASH in changes:
            self.trash_model.reload()
        if changes & (Changes.LETTERS | Changes.CASES):  # a case's letter count
            self.case_model.reload()
            self.case_model.refresh_filter_choices(self.cases_page.filters)
        if Changes.RECORDS in changes:
            for model in (self.recipient_model, self.signatory_model, self.letterhead_model):
                model.reload()
        if changes & (Changes.LETTERS | Changes.CASES):
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
        self.pages.show(name)
        self.tabs.setTabText(0, self.navigation.currentItem().text() if self.navigation.currentItem() else "")
        self.tabs.setCurrentIndex(0)
        self._update_actions()

    def current_list_page(self) -> ListPage | None:
        if not self._built or self.tabs.currentIndex() != 0:
            return None
        return self.pages.current_page()

    def _close_current_tab(self) -> None:
        if self._built:
            self.close_tab(self.tabs.currentIndex())

    def _step_tab(self, step: int) -> None:
        if self._built:
            self.tabs.step(step)

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
        return self.tabs.editors() if self._built else []

    def find_editor(self, letter_id: int) -> int:
        """The tab index of the editor showing `letter_id`, or -1."""
        return self.tabs.find_editor(letter_id) if self._built else -1

    def _editor_of(self, letter_id: int) -> QWidget | None:
        index = self.find_editor(letter_id)
        return self.tabs.widget(index) if index > 0 else None

    def open_letter(self, letter_id: int) -> QWidget | None:
        """Open the letter in an editor tab, or bring its tab forward when it is already open."""
        if self.ctx is None:
            return None
        subject = self.letter_model.subject_of(letter_id)
        title = subject or self.tr("Letter %1").replace("%1", str(letter_id))
        return self.tabs.open_letter(self.ctx, self.letter_actions, letter_id, title)

    def close_tab(self, index: int) -> None:
        self.tabs.close_tab(index)

    def flush_editors(self) -> None:
        """Save every open letter (before a backup, an encryption or closing)."""
        if self._built:
            self.tabs.flush_all()

    def _schedule_letter_refresh(self) -> None:
        """After an autosave: read the letter list again once typing pauses, not at every save."""
        if not hasattr(self, "_refresh_timer"):
            self._refresh_timer = QTimer(self)
            self._refresh_timer.setSingleShot(True)
            self._refresh_timer.setInterval(500)
            self._refresh_timer.timeout.connect(lambda: self.refresh_changed(Changes.LETTERS))
        self._refresh_timer.start()

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
        if not self._built:
            return []
        if self.tabs.currentIndex() > 0:
            letter_id = self.tabs.current_letter_id()
            return [letter_id] if letter_id is not None else []
        if self.current_list_page() is not self.letters_page:
            return []
        return self.letters_page.selected_ids()

    # Letter actions (letter_actions.py holds the one path of each) --------------------------------------

    def export_selected(self) -> None:
        if self.letter_actions is not None:
            self.letter_actions.export(self.selected_letter_ids())

    def trash_selected(self) -> None:
        """Letters go to the trash (they can come back); cases are deleted after a clear question."""
        page = self.current_list_page()
        if page is self.letters_page and self.letter_actions is not None:
            self.letter_actions.trash(page.selected_ids())
        elif page is self.cases_page and self.case_actions is not None:
            self.case_actions.delete_cases(page.selected_ids())

    def _context_menu(self, page: ListPage, pos: QPoint) -> None:
        if self.ctx is not None:
            show_list_menu(self, page, pos)

    # Cases (case_actions.py) ----------------------------------------------------------------------------

    def _show_case_row(self, row: int) -> None:
        item = self.case_model.row_at(row)
        self.case_view.show_case(int(item.id) if item is not None else None)
        self._update_actions()

    def _show_case(self, case_id: int) -> None:
        if self.current_page_name() != "cases":
            self.show_page("cases")
        self.case_view.show_case(case_id)

    def load_demo(self) -> None:
        self.tools.load_demo()

    # Window life ----------------------------------------------------------------------------------------

    def set_app_icon(self, icon: QIcon) -> None:
        self.setWindowIcon(icon)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.firstPainted.emit()

    def _restore_splitters(self) -> None:
        restore_splitters([self.splitter, self.case_splitter], self.settings)
        self.show_page("letters")

    def _restore_headers(self, pages: list[ListPage]) -> None:
        restore_headers(pages, self.settings)

    def save_layout(self) -> None:
        splitters = [self.splitter, self.case_splitter] if self._built else []
        pages = self._list_pages() if self._built and self.ctx is not None else []
        save_layout(self, self.settings, splitters, pages)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save every open letter and the layout; nothing typed is lost on closing."""
        self.flush_editors()
        self.save_layout()
        if self._built:
            self.letter_model.wait_for_background()
        event.accept()
