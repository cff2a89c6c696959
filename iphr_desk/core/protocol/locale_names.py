"""Country and language names, and dates, in the interface language (CLDR data through babel).

Qt-free, so the CLI and the tests use the same names as the GUI. babel is imported on first use only:
the GUI's first paint does not wait for the CLDR tables.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale

#: The five countries the organisation works on most: country pickers list them first, in this order.
CENTRAL_ASIA: tuple[str, ...] = ("KZ", "KG", "TJ", "TM", "UZ")
FALLBACK = "en"
#: French writes the first day of a month as an ordinal: "1er novembre 2023".
FRENCH_FIRST_SUFFIX = "er"
#: The locale used for a bare interface language (day-month dates for English, as in Brussels).
REGIONAL_DEFAULT: dict[str, str] = {"en": "en_GB", "fr": "fr_FR", "ru": "ru_RU"}
#: CLDR two-letter territories that are not ISO 3166-1 countries (Ascension, Canary Islands, the EU,
#: the UN, "Unknown Region", pseudo-locales...): never offered in a country picker. Kosovo (XK) stays.
NOT_COUNTRIES: frozenset[str] = frozenset(
    {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "ZZ"}
)


@lru_cache(maxsize=16)
def _locale(ui_language: str) -> Locale:
    """The babel locale for an interface language ("fr", "ru_KZ", "en-GB"); English if babel knows none."""
    from babel import Locale, UnknownLocaleError

    name = (ui_language or FALLBACK).replace("-", "_")
    name = REGIONAL_DEFAULT.get(name.lower(), name)
    try:
        return Locale.parse(name)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(REGIONAL_DEFAULT[FALLBACK])


def country_name(code: str, ui_language: str) -> str:
    """The country's name in the interface language ("KZ", "ru" -> "Казахстан"); an unknown code as given."""
    return str(_locale(ui_language).territories.get(code.strip().upper(), code))


def language_name(code: str, ui_language: str) -> str:
    """The language's name in the interface language ("fr", "ru" -> "французский"); unknown: the code."""
    return str(_locale(ui_language).languages.get(code.strip().lower(), code))


def sort_key(text: str) -> str:
    """A locale-independent alphabetical key: case and accents ignored ("Égypte" files under E).

    Python's `locale.strxfrm` depends on the process locale (often "C" on the machines that run us) and
    babel has no collation, so this approximates the locale's collation by comparing base letters:
    NFKD splits accented letters, the combining marks are dropped, `casefold` ignores case. It is right for
    French and English names, and for Russian ones (ё files with е, as in dictionaries).
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def countries_for_picker(ui_language: str) -> list[tuple[str, str]]:
    """(code, name) for every country: the five Central Asian ones first, then the rest alphabetically."""
    return list(_countries(ui_language))


@lru_cache(maxsize=8)
def _countries(ui_language: str) -> tuple[tuple[str, str], ...]:
    names = _locale(ui_language).territories
    first = [(code, str(names.get(code, code))) for code in CENTRAL_ASIA]
    rest = [
        (code, str(name))
        for code, name in names.items()
        if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES and code not in CENTRAL_ASIA
    ]
    rest.sort(key=lambda item: (sort_key(item[1]), item[1]))
    return tuple(first + rest)


def format_list_date(date: dt.date, ui_language: str) -> str:
    """A date as lists show it, medium length in the interface language: "1 Nov 2023", "1er nov. 2023"."""
    locale = _locale(ui_language)
    return format_day_date(date, str(locale.date_formats["medium"].pattern), locale)


def format_day_date(date: dt.date, pattern: str, locale: Locale | str) -> str:
    """`date` in the CLDR `pattern`, with the first of the month as French writes it ("1er novembre").

    CLDR (and so babel) has no ordinal day: French writes the first day of a month as an ordinal,
    "1er novembre 2023" (Imprimerie nationale, OQLF), and every other day as a cardinal. English
    ("1 November"), Russian ("1 ноября") and German ("1. November", the point is in the pattern)
    need nothing more. Only a one-letter day field gets "er": "dd/MM/y" stays "01/11/2023".
    """
    from babel import Locale as BabelLocale
    from babel.dates import format_date, tokenize_pattern, untokenize_pattern

    locale = BabelLocale.parse(locale) if isinstance(locale, str) else locale
    if date.day == 1 and locale.language == "fr":
        tokens: list[tuple[str, str | tuple[str, int]]] = []
        for kind, value in tokenize_pattern(pattern):
            tokens.append((kind, value))
            if kind == "field" and value == ("d", 1):
                tokens.append(("chars", FRENCH_FIRST_SUFFIX))
        pattern = untokenize_pattern(tokens)
    return str(format_date(date, pattern, locale=locale))
