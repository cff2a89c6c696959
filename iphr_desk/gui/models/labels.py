"""Visible names for the store's codes (statuses, languages, roles…), translated with Qt's tr.

Country names come from babel in the interface language (core/protocol/locale_names.py, the CLI's too);
babel is imported on first use only, after the window is on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

# The vocabularies are the core's, defined once (core/vocabularies.py, core/protocol/locale_names.py);
# re-exported here so the GUI's lists and pickers name them where they name the labels.
from iphr_desk.core.protocol.locale_names import CENTRAL_ASIA as CENTRAL_ASIA
from iphr_desk.core.vocabularies import LETTER_STATUSES as LETTER_STATUSES


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def letter_status(code: str) -> str:
    names = {
        "draft": _tr("Draft"),
        "in_review": _tr("In review"),
        "changes_requested": _tr("Changes requested"),
        "approved": _tr("Approved"),
        "signed": _tr("Signed"),
        "sent": _tr("Sent"),
    }
    return names.get(code, code)


def page(name: str) -> str:
    """A list page's name as the navigation shows it ("cases" -> "Cas"), for its table's accessible name."""
    names = {
        "cases": _tr("Cases"),
        "letters": _tr("Letters"),
        "recipients": _tr("Recipients"),
        "signatories": _tr("Signatories"),
        "letterheads": _tr("Letterheads"),
        "trash": _tr("Trash"),
    }
    return names.get(name, name)


def case_status(code: str) -> str:
    names = {"open": _tr("Open"), "monitoring": _tr("Monitoring"), "closed": _tr("Closed")}
    return names.get(code, code)


def language(code: str) -> str:
    names = {"fr": _tr("French"), "en": _tr("English"), "ru": _tr("Russian"), "de": _tr("German")}
    return names.get(code, code)


def _code(text: str) -> str:
    """Store values may be written 'human-rights defender' or 'human_rights_defender'."""
    return text.strip().lower().replace("-", "_").replace(" ", "_")


def role(code: str) -> str:
    names = {
        "human_rights_defender": _tr("Human-rights defender"),
        "journalist": _tr("Journalist"),
        "lawyer": _tr("Lawyer"),
        "blogger": _tr("Blogger"),
        "activist": _tr("Activist"),
        "relative": _tr("Relative"),
        "other": _tr("Other"),
    }
    return names.get(_code(code), code.replace("_", " "))


def situation(code: str) -> str:
    names = {
        "detained": _tr("Detained"),
        "charged": _tr("Charged"),
        "convicted": _tr("Convicted"),
        "harassed": _tr("Harassed"),
        "released": _tr("Released"),
        "missing": _tr("Missing"),
        "other": _tr("Other"),
    }
    return names.get(_code(code), code.replace("_", " "))


def gender(code: str) -> str:
    names = {"female": _tr("Female"), "male": _tr("Male"), "unspecified": _tr("Unspecified")}
    return names.get(code, code)


def ui_language_code() -> str:
    """The two-letter code of the interface language (the locale Qt was given at start)."""
    return QLocale().name().split("_")[0] or "en"


def country(code: str | None) -> str:
    """The country's name in the interface language (babel, on first use: core/protocol/locale_names.py)."""
    if not code:
        return ""
    from iphr_desk.core.protocol.locale_names import country_name

    return country_name(code, ui_language_code())


def office(office_id: str | None) -> str:
    """The office's name from the protocol data in the interface language, else the id made readable."""
    if not office_id:
        return ""
    try:
        from iphr_desk.core.protocol.address import office_label

        return str(office_label(office_id, ui_language_code()))
    except Exception:  # the protocol data may not know this language or office: show the id
        return office_id.replace("_", " ")
