"""One way to run a store operation from the GUI: run it, tell a failure in one dialog, refresh what changed.

The pattern of Anki's `CollectionOp`: the caller says what to do and what it changes; `StoreOp` does the
rest the same way every time, so no action can forget to refresh the lists after a failure (a batch that
stopped half way has still changed some rows) or show a traceback instead of the store's sentence.

    StoreOp(parent, services, title, lambda: letter_repo.trash_letter(store, id, author=...),
            changes=Changes.LETTERS | Changes.TRASH, refresh=window.refresh_changed).success(...).run()

Store calls are short and run on the GUI thread (SQLite on a local disk); the slow work, the export,
has its own worker (gui/export).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from iphr_desk.core.errors import IphrError
from iphr_desk.gui.services import Services

T = TypeVar("T")


class Changes(enum.Flag):
    """What an operation may have changed, so only those views are read again."""

    NONE = 0
    LETTERS = enum.auto()  # the letter list, open editors, the case view's letters
    TRASH = enum.auto()  # the trash list
    CASES = enum.auto()  # the case list and the case view
    RECORDS = enum.auto()  # recipients, signatories, letterheads
    ALL = LETTERS | TRASH | CASES | RECORDS


def report_error(services: Services, parent: QWidget | None, title: str, error: Exception) -> None:
    """One dialog: the store's own sentence for an `IphrError`, else a plain line with the details below."""
    if isinstance(error, IphrError):
        services.error(parent, title, str(error))
    else:
        services.error(
            parent,
            title,
            QCoreApplication.translate("StoreOp", "Something went wrong."),
            f"{type(error).__name__}: {error}",
        )


class StoreOp(Generic[T]):
    """A store operation with its error title and what it changes; `run()` does it once."""

    def __init__(
        self,
        parent: QWidget | None,
        services: Services,
        title: str,
        operation: Callable[[], T],
        *,
        changes: Changes = Changes.NONE,
        refresh: Callable[[Changes], None] | None = None,
    ) -> None:
        self._parent = parent
        self._services = services
        self._title = title
        self._operation = operation
        self._changes = changes
        self._refresh = refresh
        self._on_success: Callable[[T], None] | None = None

    def success(self, callback: Callable[[T], None]) -> StoreOp[T]:
        """Called with the operation's result, after the refresh, when it did not fail."""
        self._on_success = callback
        return self

    def run(self) -> bool:
        """Run the operation; True when it succeeded. The views are refreshed either way."""
        try:
            result = self._operation()
        except Exception as error:  # every failure is told in one dialog, never swallowed
            report_error(self._services, self._parent, self._title, error)
            self._refresh_views()
            return False
        self._refresh_views()
        if self._on_success is not None:
            self._on_success(result)
        return True

    def _refresh_views(self) -> None:
        if self._refresh is not None and self._changes:
            self._refresh(self._changes)
