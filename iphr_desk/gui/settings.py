"""The user's preferences and the window's remembered layout, over QSettings.

Tests construct `Settings` with an explicit .ini path so they never touch the user's real settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

UI_LANGUAGES: tuple[str, ...] = ("en", "fr", "ru")


class Settings:
    """Typed accessors, so a wrong key or a QVariant surprise cannot spread through the widgets."""

    def __init__(self, ini_path: str | Path | None = None) -> None:
        if ini_path is None:
            self._qs = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "IPHR", "iphr-desk")
        else:
            self._qs = QSettings(str(ini_path), QSettings.Format.IniFormat)

    @property
    def path(self) -> Path:
        return Path(self._qs.fileName())

    def sync(self) -> None:
        self._qs.sync()

    def _text(self, key: str, default: str = "") -> str:
        value = self._qs.value(key, default)
        return str(value) if value is not None else default

    def _bytes(self, key: str) -> QByteArray:
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) else QByteArray()

    # Preferences ----------------------------------------------------------------------------------------

    @property
    def user_name(self) -> str:
        """Who the user is in revisions and comments ('' until given; `profile.current_user` reads it)."""
        return self._text("user/name")

    @user_name.setter
    def user_name(self, value: str) -> None:
        self._qs.setValue("user/name", value.strip())

    @property
    def user_role(self) -> str:
        """The user's part in the review ('' until given; a code of `profile.ROLES`, or the user's words)."""
        return self._text("user/role")

    @user_role.setter
    def user_role(self, value: str) -> None:
        self._qs.setValue("user/role", value.strip())

    @property
    def profile_asked(self) -> bool:
        """Whether the first start asked for the name: it asks once; Preferences sets it after that."""
        return self._text("user/asked") in ("true", "1")

    @profile_asked.setter
    def profile_asked(self, value: bool) -> None:
        self._qs.setValue("user/asked", "true" if value else "false")

    @property
    def default_letterhead(self) -> str:
        return self._text("letters/default_letterhead", "iphr")

    @default_letterhead.setter
    def default_letterhead(self, value: str) -> None:
        self._qs.setValue("letters/default_letterhead", value)

    @property
    def default_place(self) -> str:
        return self._text("letters/default_place", "Brussels")

    @default_place.setter
    def default_place(self, value: str) -> None:
        self._qs.setValue("letters/default_place", value.strip())

    @property
    def default_signatory_id(self) -> int | None:
        text = self._text("letters/default_signatory")
        return int(text) if text.isdigit() else None

    @default_signatory_id.setter
    def default_signatory_id(self, value: int | None) -> None:
        self._qs.setValue("letters/default_signatory", "" if value is None else str(value))

    @property
    def last_export_folder(self) -> Path | None:
        """The folder of the last export (offered first next time), or None before the first one."""
        text = self._text("export/last_folder")
        return Path(text) if text else None

    @last_export_folder.setter
    def last_export_folder(self, value: Path | None) -> None:
        self._qs.setValue("export/last_folder", "" if value is None else str(value))

    @property
    def open_letters(self) -> str:
        """The letters open at the last close, as JSON written by `DocumentTabs.remember_session`."""
        return self._text("session/open_letters")

    @open_letters.setter
    def open_letters(self, value: str) -> None:
        self._qs.setValue("session/open_letters", value)

    @property
    def ui_language(self) -> str:
        """'' means: follow the system language."""
        value = self._text("ui/language")
        return value if value in UI_LANGUAGES else ""

    @ui_language.setter
    def ui_language(self, value: str) -> None:
        self._qs.setValue("ui/language", value if value in UI_LANGUAGES else "")

    # Window layout --------------------------------------------------------------------------------------

    @property
    def window_geometry(self) -> QByteArray:
        return self._bytes("window/geometry")

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._qs.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._qs.setValue("window/state", value)

    def splitter_state(self, name: str) -> QByteArray:
        return self._bytes(f"splitters/{name}")

    def set_splitter_state(self, name: str, value: QByteArray) -> None:
        self._qs.setValue(f"splitters/{name}", value)

    def header_state(self, name: str) -> QByteArray:
        return self._bytes(f"headers/{name}")

    def set_header_state(self, name: str, value: QByteArray) -> None:
        self._qs.setValue(f"headers/{name}", value)
