"""Every QAction of the main window, with its text, standard shortcut and icon, in one place.

Actions are grouped in collections, one per menu, so the menu bar, the toolbar, the context menus and the
tests all find the same objects. Widgets never create their own copies of these actions.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QStyle

Key = QKeySequence.StandardKey
Pixmap = QStyle.StandardPixmap


def themed_icon(name: str, fallback: QStyle.StandardPixmap) -> QIcon:
    """The desktop theme's icon where there is one (Linux), else the Qt style's own pixmap."""
    style = QApplication.style()
    return QIcon.fromTheme(name, style.standardIcon(fallback))


class ActionCollection:
    """The actions of one menu in display order; `None` marks a separator."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.items: list[QAction | None] = []

    def add(self, action: QAction) -> QAction:
        self.items.append(action)
        return action

    def separator(self) -> None:
        self.items.append(None)

    def actions(self) -> Iterator[QAction]:
        return (item for item in self.items if item is not None)


class Actions(QObject):
    """The app's actions; `collections` lists the menus in menu-bar order."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.file = ActionCollection(self.tr("&File"))
        self.edit = ActionCollection(self.tr("&Edit"))
        self.view = ActionCollection(self.tr("&View"))
        #: Filled with the current letter body's formatting actions (format_menu.py).
        self.format = ActionCollection(self.tr("F&ormat"))
        self.letter = ActionCollection(self.tr("&Letter"))
        self.case = ActionCollection(self.tr("&Case"))
        self.tools = ActionCollection(self.tr("&Tools"))
        self.help = ActionCollection(self.tr("&Help"))
        self.collections = [
            self.file,
            self.edit,
            self.view,
            self.format,
            self.letter,
            self.case,
            self.tools,
            self.help,
        ]
        self._build_file()
        self._build_edit()
        self._build_view()
        self._build_letter()
        self._build_case()
        self._build_tools()
        self._build_help()

    def _make(
        self,
        text: str,
        *,
        shortcut: QKeySequence.StandardKey | str | None = None,
        fallback: str | None = None,
        icon: QIcon | None = None,
        tip: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        # setShortcuts([...]) rather than setShortcut(...): the latter's overloads build every Python enum
        # of the Qt namespace (about 16 ms) before the first paint.
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        elif shortcut:
            action.setShortcuts([QKeySequence(shortcut)])
        if fallback and action.shortcut().isEmpty():  # some platforms define no key for a standard action
            action.setShortcuts([QKeySequence(fallback)])
        if icon is not None:
            action.setIcon(icon)
        plain = text.replace("&", "").rstrip(".…")
        action.setToolTip(tip or plain)
        action.setStatusTip(tip or plain)
        return action

    def _build_file(self) -> None:
        c = self.file
        self.new_letter = c.add(
            self._make(
                self.tr("&New Letter"),
                shortcut=Key.New,
                fallback="Ctrl+N",
                icon=themed_icon("document-new", Pixmap.SP_FileIcon),
                tip=self.tr("Start a new letter"),
            )
        )
        self.new_case = c.add(
            self._make(
                self.tr("New &Case…"),
                shortcut="Ctrl+Shift+N",
                icon=themed_icon("folder-new", Pixmap.SP_FileDialogNewFolder),
                tip=self.tr("Record a new case"),
            )
        )
        self.import_letter = c.add(
            self._make(
                self.tr("&Import Letter File…"),
                shortcut=Key.Open,
                fallback="Ctrl+O",
                icon=themed_icon("document-import", Pixmap.SP_DialogOpenButton),
                tip=self.tr("Store a letter written as a Markdown letter file"),
            )
        )
        c.separator()
        self.export = c.add(
            self._make(
                self.tr("&Export…"),
                shortcut="Ctrl+E",
                icon=themed_icon("document-export", Pixmap.SP_DialogSaveButton),
                tip=self.tr("Export the selected letters as Word documents"),
            )
        )
        c.separator()
        self.close_tab = c.add(self._make(self.tr("&Close Tab"), shortcut=Key.Close, fallback="Ctrl+W"))
        self.quit = c.add(
            self._make(
                self.tr("&Quit"),
                shortcut=Key.Quit,
                fallback="Ctrl+Q",
                icon=themed_icon("application-exit", Pixmap.SP_DialogCloseButton),
            )
        )

    def _build_edit(self) -> None:
        """Undo…Select All act on the widget with the keyboard focus (edit_menu.py)."""
        c = self.edit
        self.undo = c.add(
            self._make(
                self.tr("&Undo"),
                shortcut=Key.Undo,
                fallback="Ctrl+Z",
                icon=themed_icon("edit-undo", Pixmap.SP_ArrowBack),
            )
        )
        self.redo = c.add(
            self._make(
                self.tr("&Redo"),
                shortcut=Key.Redo,
                fallback="Ctrl+Shift+Z",
                icon=themed_icon("edit-redo", Pixmap.SP_ArrowForward),
            )
        )
        c.separator()
        self.cut = c.add(
            self._make(self.tr("Cu&t"), shortcut=Key.Cut, fallback="Ctrl+X", icon=QIcon.fromTheme("edit-cut"))
        )
        self.copy = c.add(
            self._make(
                self.tr("&Copy"), shortcut=Key.Copy, fallback="Ctrl+C", icon=QIcon.fromTheme("edit-copy")
            )
        )
        self.paste = c.add(
            self._make(
                self.tr("&Paste"), shortcut=Key.Paste, fallback="Ctrl+V", icon=QIcon.fromTheme("edit-paste")
            )
        )
        self.select_all = c.add(self._make(self.tr("Select &All"), shortcut=Key.SelectAll, fallback="Ctrl+A"))
        c.separator()
        self.find = c.add(
            self._make(
                self.tr("&Find…"),
                shortcut=Key.Find,
                fallback="Ctrl+F",
                icon=themed_icon("edit-find", Pixmap.SP_FileDialogContentsView),
                tip=self.tr("Search letters and cases"),
            )
        )
        c.separator()
        self.move_to_trash = c.add(
            self._make(
                self.tr("Move to &Trash"),
                shortcut=Key.Delete,
                fallback="Del",
                icon=themed_icon("user-trash", Pixmap.SP_TrashIcon),
            )
        )
        c.separator()
        self.preferences = c.add(
            self._make(
                self.tr("&Preferences…"),
                shortcut=Key.Preferences,
                fallback="Ctrl+,",
                icon=themed_icon("preferences-system", Pixmap.SP_FileDialogDetailedView),
            )
        )

    def _build_view(self) -> None:
        c = self.view
        self.show_cases = c.add(self._make(self.tr("&Cases"), shortcut="Ctrl+1"))
        self.show_letters = c.add(self._make(self.tr("&Letters"), shortcut="Ctrl+2"))
        self.show_recipients = c.add(self._make(self.tr("&Recipients"), shortcut="Ctrl+3"))
        self.show_signatories = c.add(self._make(self.tr("&Signatories"), shortcut="Ctrl+4"))
        self.show_letterheads = c.add(self._make(self.tr("Letter&heads"), shortcut="Ctrl+5"))
        self.show_trash = c.add(self._make(self.tr("&Trash"), shortcut="Ctrl+6"))
        c.separator()
        # Written out, not QKeySequence.NextChild/PreviousChild: on Linux those read "Ctrl+Shift+Backtab" in
        # the menu. The first key is the one the menu shows; Qt matches Ctrl+Shift+Tab however the system
        # reports it (Backtab included).
        self.next_tab = c.add(self._make(self.tr("Ne&xt Tab"), shortcut="Ctrl+Tab"))
        self.next_tab.setShortcuts([QKeySequence("Ctrl+Tab"), QKeySequence("Ctrl+PgDown")])
        self.previous_tab = c.add(self._make(self.tr("Pre&vious Tab"), shortcut="Ctrl+Shift+Tab"))
        self.previous_tab.setShortcuts([QKeySequence("Ctrl+Shift+Tab"), QKeySequence("Ctrl+PgUp")])
        c.separator()
        # The open letter's parts (editor_commands.py): enabled while a letter's tab is current.
        self.go_to_header = c.add(
            self._make(
                self.tr("Go to Letter &Header"),
                shortcut="Ctrl+Shift+H",
                tip=self.tr("Put the keyboard in the letter's first header field"),
            )
        )
        self.go_to_body = c.add(
            self._make(
                self.tr("Go to Letter &Body"),
                shortcut="Ctrl+Shift+B",
                tip=self.tr("Put the keyboard in the letter's text"),
            )
        )
        self.side_panel = c.add(
            self._make(
                self.tr("Letter Side &Panel"),
                shortcut="F9",
                tip=self.tr("Show or hide the preview, cases, review and revisions beside the letter"),
            )
        )
        self.side_panel.setCheckable(True)
        self.side_panel.setChecked(True)
        c.separator()
        self.refresh = c.add(
            self._make(
                self.tr("&Refresh"),
                shortcut=Key.Refresh,
                fallback="F5",
                icon=themed_icon("view-refresh", Pixmap.SP_BrowserReload),
            )
        )

    def _build_letter(self) -> None:
        c = self.letter
        self.open_letter = c.add(
            self._make(
                self.tr("&Open"),
                icon=themed_icon("document-open", Pixmap.SP_DialogOpenButton),
                tip=self.tr("Open the selected letter in the editor"),
            )
        )
        c.add(self.new_letter)
        c.separator()
        c.add(self.export)
        c.add(self.move_to_trash)

    def _build_case(self) -> None:
        c = self.case
        c.add(self.new_case)
        self.edit_case = c.add(
            self._make(
                self.tr("&Edit Case…"),
                icon=themed_icon("document-edit", Pixmap.SP_FileDialogInfoView),
            )
        )
        self.new_letter_from_case = c.add(
            self._make(
                self.tr("New &Letter from This Case"),
                shortcut="Ctrl+Shift+L",
                icon=themed_icon("mail-message-new", Pixmap.SP_FileIcon),
                tip=self.tr("Start a letter about the selected case"),
            )
        )

    def _build_tools(self) -> None:
        c = self.tools
        self.backups = c.add(
            self._make(
                self.tr("&Backups…"),
                icon=themed_icon("document-save-as", Pixmap.SP_DriveHDIcon),
                tip=self.tr("List, create and restore backups of your data"),
            )
        )
        self.encrypt = c.add(
            self._make(
                self.tr("&Encrypt Data…"),
                icon=themed_icon("security-high", Pixmap.SP_VistaShield),
                tip=self.tr("Protect the data folder with a passphrase"),
            )
        )
        self.change_passphrase = c.add(self._make(self.tr("Change &Passphrase…")))
        c.separator()
        self.load_demo = c.add(self._make(self.tr("Load &Demo Data")))
        self.open_data_folder = c.add(
            self._make(self.tr("Open Data &Folder"), icon=themed_icon("folder", Pixmap.SP_DirOpenIcon))
        )

    def _build_help(self) -> None:
        c = self.help
        self.about = c.add(
            self._make(
                self.tr("&About IPHR Desk"),
                icon=themed_icon("help-about", Pixmap.SP_MessageBoxInformation),
            )
        )
        self.about_qt = c.add(self._make(self.tr("About &Qt")))

    def all_actions(self) -> list[QAction]:
        """Every distinct action, e.g. to add them to the window so shortcuts work in every tab."""
        seen: list[QAction] = []
        for collection in self.collections:
            for action in collection.actions():
                if action not in seen:
                    seen.append(action)
        return seen

    def store_actions(self) -> list[QAction]:
        """The actions that need the open store: disabled until the window is attached to it."""
        return [
            self.new_letter,
            self.new_case,
            self.new_letter_from_case,
            self.open_letter,
            self.export,
            self.move_to_trash,
            self.edit_case,
            self.refresh,
            self.backups,
            self.encrypt,
            self.change_passphrase,
            self.import_letter,
            self.load_demo,
            self.open_data_folder,
            self.find,
            self.go_to_header,
            self.go_to_body,
            self.side_panel,
        ]

    def toolbar_items(self) -> list[QAction | None]:
        """The main toolbar, left to right; `None` marks a separator."""
        return [
            self.new_letter,
            self.new_case,
            self.new_letter_from_case,
            None,
            self.open_letter,
            self.export,
            None,
            self.refresh,
            self.preferences,
        ]

    def editor_actions(self) -> list[QAction]:
        """The actions that act on the open letter's editor: enabled only while its tab is current."""
        return [self.go_to_header, self.go_to_body, self.side_panel]

    def page_actions(self) -> dict[str, QAction]:
        """The View menu's lists by page name (widgets/navigation.py's names)."""
        return {
            "cases": self.show_cases,
            "letters": self.show_letters,
            "recipients": self.show_recipients,
            "signatories": self.show_signatories,
            "letterheads": self.show_letterheads,
            "trash": self.show_trash,
        }

    def fill_list_menu(self, menu: QMenu, page: str, on_row: bool, status_menu: QMenu) -> None:
        """The context menu of the letter list (`page` "letters") or the case list: the row's actions
        when the click was on a row, then New."""
        if page == "letters":
            if on_row:
                menu.addAction(self.open_letter)
                menu.addMenu(status_menu)
                menu.addAction(self.export)
                menu.addSeparator()
                menu.addAction(self.move_to_trash)
            menu.addAction(self.new_letter)
        else:
            if on_row:
                menu.addAction(self.edit_case)
                menu.addAction(self.new_letter_from_case)
                menu.addSeparator()
                menu.addAction(self.move_to_trash)
            menu.addAction(self.new_case)
