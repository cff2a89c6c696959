"""The interface language: English (the source strings), French or Russian.

The app's catalogs (`resources/translations/iphr_desk_<lang>.qm`, built by `make translations`) translate
our strings; Qt's own `qtbase_<lang>.qm`, shipped with PySide6, translates the standard buttons and
dialogs (Cancel, Save, the file picker), so a French user sees no English in a message box either.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from iphr_desk.resources import resource

SUPPORTED: tuple[str, ...] = ("en", "fr", "ru")
FALLBACK = "en"
APP_CATALOG = "iphr_desk"
QT_CATALOG = "qtbase"
#: The locale used for a language the system does not speak (day-month dates for English, as in Brussels).
REGIONAL_DEFAULT = {"en": "en_GB", "fr": "fr_FR", "ru": "ru_RU"}

# The installed translators, kept referenced here: Qt does not own them, and a collected QTranslator
# silently stops translating.
_installed: list[QTranslator] = []


def choose_language(language: str | None, system: QLocale | None = None) -> str:
    """The supported language to use: the one asked for, else the system's, else English."""
    wanted = (language or "").strip().lower().replace("-", "_").split("_")[0]
    if wanted in SUPPORTED:
        return wanted
    if not wanted:
        locale = system if system is not None else QLocale.system()
        for name in [locale.name(), *locale.uiLanguages()]:
            code = name.replace("-", "_").split("_")[0].lower()
            if code in SUPPORTED:
                return code
    return FALLBACK


def default_locale(language: str, system: QLocale | None = None) -> QLocale:
    """The system's locale when it speaks `language` (keeps fr_BE, ru_KZ...), else the language's main one."""
    locale = system if system is not None else QLocale.system()
    if locale.name().split("_")[0] == language:
        return locale
    return QLocale(REGIONAL_DEFAULT.get(language, language))


def _load(app: QCoreApplication, name: str, folder: str) -> bool:
    translator = QTranslator(app)
    if not translator.load(name, folder):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def remove_translators(app: QCoreApplication) -> None:
    """Take out the translators this module installed (tests switch languages within one process)."""
    while _installed:
        app.removeTranslator(_installed.pop())


def install_translators(app: QCoreApplication, language: str | None) -> str:
    """Install the catalogs for `language` (None or "": follow the system locale); return the language used.

    The source strings are English; English's catalog holds only the plural forms ("1 letter", not
    "1 letter(s)"; see resources/translations/catalogs.py). The default QLocale follows the chosen
    language, so numbers and dates shown through QLocale match the words around them.
    """
    chosen = choose_language(language)
    remove_translators(app)
    QLocale.setDefault(default_locale(chosen))
    _load(app, f"{APP_CATALOG}_{chosen}", str(resource("translations")))
    if chosen == FALLBACK:
        return chosen
    _load(app, f"{QT_CATALOG}_{chosen}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return chosen
