"""A letterhead's house style: the typographic choices on which the reference sources disagree.

resources/protocol/README.md lists where sources differ (French "le" in the date, colon spacing,
Russian "г." or "года"); IPHR's default letterhead settles each one, and another organisation's
letterhead profile can settle them otherwise in its `[house_style]` table:

    [house_style]
    date_article = true              # FR "Bruxelles, le 30 octobre 2023" (OQLF); default false
    colon_spacing = "eu"             # "french" (default): "Objet :"; "eu": "Objet:" (EU style guide 6.4)
    ru_year = "года"                 # "г." (default, GOST), "года", or "" for none
    date_pattern = { de = "dd.MM.y" }          # babel (CLDR) patterns, per language
    subject_label = { de = "Betreff" }         # "" for no label
    attention_line = { en = "For the attention of" }
    cc_label = { en = "Copy to" }
    fr_spacing = true                # no-break spaces before ; ! ? : and inside « » (default true)
    fr_apostrophes = "generated"     # ’ in the text the app writes (default); "everywhere"; "off"
    de_quotes = false                # straight "…" pairs become „…“ in German (default false)
    ru_quotes = false                # straight "…" pairs become «…» in Russian (default false)

Labels are written without their colon: the colon is added here, with French spacing where the
language and the style call for it. The forms of address themselves live in resources/protocol.
The typography keys (`fr_spacing` ... `ru_quotes`) are applied at output only, by `typography.py`:
the stored letter keeps what the writer typed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Final, Literal

from babel.dates import tokenize_pattern

from iphr_desk.core.errors import BadInput
from iphr_desk.core.letters.letter import LANGUAGES

ColonSpacing = Literal["french", "eu"]
COLON_SPACINGS: Final[tuple[str, ...]] = ("french", "eu")
RU_YEAR_WORDS: Final[tuple[str, ...]] = ("г.", "года", "")
FrApostrophes = Literal["generated", "everywhere", "off"]
FR_APOSTROPHES: Final[tuple[str, ...]] = ("generated", "everywhere", "off")

NBSP: Final = "\u00a0"

#: CLDR patterns; babel puts the month in the form the language needs after a day number
#: (FR "30 octobre", RU genitive "1 ноября", DE "2. Mai").
DEFAULT_DATE_PATTERNS: Final[Mapping[str, str]] = MappingProxyType(
    {"fr": "d MMMM y", "en": "d MMMM y", "ru": "d MMMM y", "de": "d. MMMM y"}
)
#: DIN 5008 and GOST R 7.0.97 put no label before the subject.
DEFAULT_SUBJECT_LABELS: Final[Mapping[str, str]] = MappingProxyType(
    {"fr": "Objet", "en": "Subject", "ru": "", "de": ""}
)
#: Only the French house style opens the recipient block with an attention line.
DEFAULT_ATTENTION_LINES: Final[Mapping[str, str]] = MappingProxyType(
    {"fr": "À l'attention de", "en": "", "ru": "", "de": ""}
)
#: "Copie" (French administrative usage), "cc" (lower case, as in English correspondence),
#: "Копия" (GOST R 7.0.97 distribution note), "Kopie" (DIN 5008 "Kopie an", shortened).
DEFAULT_CC_LABELS: Final[Mapping[str, str]] = MappingProxyType(
    {"fr": "Copie", "en": "cc", "ru": "Копия", "de": "Kopie"}
)

_PER_LANGUAGE_KEYS: Final = ("date_pattern", "subject_label", "attention_line", "cc_label")
_TYPOGRAPHY_SWITCHES: Final = ("fr_spacing", "de_quotes", "ru_quotes")
_KNOWN_KEYS: Final = (
    "date_article",
    "colon_spacing",
    "ru_year",
    *_PER_LANGUAGE_KEYS,
    *_TYPOGRAPHY_SWITCHES,
    "fr_apostrophes",
)
#: The CLDR pattern letters that describe a calendar date (era, year, quarter, month, week, day).
_DATE_FIELDS: Final = frozenset("GyYuUQqMLlwWdDFgEec")


def _frozen(mapping: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class HouseStyle:
    """The choices a letterhead makes; `HouseStyle.default()` is IPHR's."""

    date_article: bool = False
    colon_spacing: ColonSpacing = "french"
    ru_year: str = "г."
    date_patterns: Mapping[str, str] = field(default_factory=lambda: DEFAULT_DATE_PATTERNS)
    subject_labels: Mapping[str, str] = field(default_factory=lambda: DEFAULT_SUBJECT_LABELS)
    attention_lines: Mapping[str, str] = field(default_factory=lambda: DEFAULT_ATTENTION_LINES)
    cc_labels: Mapping[str, str] = field(default_factory=lambda: DEFAULT_CC_LABELS)
    #: Typography at output (typography.py). French spacing and apostrophes are what every French
    #: reference asks; converting quotes is off unless a letterhead asks, because a writer who typed
    #: straight quotes in German or Russian may have meant them (a code, a quoted command).
    fr_spacing: bool = True
    fr_apostrophes: FrApostrophes = "generated"
    de_quotes: bool = False
    ru_quotes: bool = False

    def __hash__(self) -> int:
        """Hashable like any frozen value (the per-language tables are read-only mappings)."""
        tables = (self.date_patterns, self.subject_labels, self.attention_lines, self.cc_labels)
        return hash(
            (
                self.date_article,
                self.colon_spacing,
                self.ru_year,
                self.fr_spacing,
                self.fr_apostrophes,
                self.de_quotes,
                self.ru_quotes,
                *(tuple(sorted(t.items())) for t in tables),
            )
        )

    @classmethod
    def default(cls) -> HouseStyle:
        """IPHR's house style (resources/protocol/README.md): no "le", French colon spacing, "г."."""
        return cls()

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> HouseStyle:
        """The style a letterhead profile's `[house_style]` table asks for, over IPHR's defaults.

        A typo must not silently fall back to the default, so unknown keys and values are errors.
        """
        unknown = sorted(set(data) - set(_KNOWN_KEYS))
        if unknown:
            raise BadInput(f"house_style: unknown key '{unknown[0]}' (known keys: {', '.join(_KNOWN_KEYS)}).")
        date_article = data.get("date_article", False)
        if not isinstance(date_article, bool):
            raise BadInput("house_style.date_article: use true or false.")
        colon_spacing = data.get("colon_spacing", "french")
        if colon_spacing not in COLON_SPACINGS:
            raise BadInput(
                f"house_style.colon_spacing: unknown value {colon_spacing!r} (use 'french' or 'eu')."
            )
        ru_year = data.get("ru_year", "г.")
        if ru_year not in RU_YEAR_WORDS:
            raise BadInput(f"house_style.ru_year: unknown value {ru_year!r} (use 'г.', 'года' or '').")
        switches = {key: data.get(key, getattr(cls, key)) for key in _TYPOGRAPHY_SWITCHES}
        for key, value in switches.items():
            if not isinstance(value, bool):
                raise BadInput(f"house_style.{key}: use true or false.")
        fr_apostrophes = data.get("fr_apostrophes", "generated")
        if fr_apostrophes not in FR_APOSTROPHES:
            raise BadInput(
                f"house_style.fr_apostrophes: unknown value {fr_apostrophes!r} "
                "(use 'generated', 'everywhere' or 'off')."
            )
        patterns = _per_language(data, "date_pattern", DEFAULT_DATE_PATTERNS)
        for language, pattern in patterns.items():
            _check_pattern(language, pattern)
        return cls(
            date_article=date_article,
            colon_spacing=colon_spacing,
            ru_year=ru_year,
            date_patterns=patterns,
            subject_labels=_per_language(data, "subject_label", DEFAULT_SUBJECT_LABELS),
            attention_lines=_per_language(data, "attention_line", DEFAULT_ATTENTION_LINES),
            cc_labels=_per_language(data, "cc_label", DEFAULT_CC_LABELS),
            fr_spacing=switches["fr_spacing"],
            fr_apostrophes=fr_apostrophes,
            de_quotes=switches["de_quotes"],
            ru_quotes=switches["ru_quotes"],
        )

    def labelled(self, language: str, label: str) -> str | None:
        """`label` with its colon ("Objet :" with a no-break space in French style), None if empty."""
        label = label.strip()
        if not label:
            return None
        if language == "fr" and self.colon_spacing == "french":
            return f"{label}{NBSP}:"
        return f"{label}:"

    def subject_label(self, language: str) -> str | None:
        return self.labelled(language, self.subject_labels.get(language, ""))

    def attention_line(self, language: str) -> str | None:
        return self.labelled(language, self.attention_lines.get(language, ""))

    def cc_label(self, language: str) -> str | None:
        return self.labelled(language, self.cc_labels.get(language, ""))

    def date_pattern(self, language: str) -> str:
        return self.date_patterns.get(language, DEFAULT_DATE_PATTERNS["en"])


def _per_language(data: Mapping[str, Any], key: str, defaults: Mapping[str, str]) -> Mapping[str, str]:
    """A per-language table over the defaults; unknown languages and non-text values are errors."""
    table = data.get(key, {})
    if not isinstance(table, Mapping):
        raise BadInput(f'house_style.{key}: must be a table of languages, e.g. {key} = {{ fr = "…" }}.')
    merged = dict(defaults)
    for language, value in table.items():
        if language not in LANGUAGES:
            raise BadInput(f"house_style.{key}: unknown language '{language}' (use {', '.join(LANGUAGES)}).")
        if not isinstance(value, str):
            raise BadInput(f"house_style.{key}.{language}: must be text.")
        merged[language] = value
    return _frozen(merged)


def _check_pattern(language: str, pattern: str) -> None:
    """A date line needs date fields only: a time or zone field would fail (or lie) on a plain date."""
    try:
        tokens = tokenize_pattern(pattern)
    except (ValueError, TypeError) as exc:
        raise BadInput(f"house_style.date_pattern.{language}: not a date pattern ({exc}).") from exc
    fields = [value[0] for kind, value in tokens if kind == "field"]
    if not fields:
        raise BadInput(f"house_style.date_pattern.{language}: has no day, month or year field.")
    wrong = sorted({letter for letter in fields if letter not in _DATE_FIELDS})
    if wrong:
        raise BadInput(
            f"house_style.date_pattern.{language}: '{wrong[0]}' is not a date field "
            "(use CLDR date letters such as d, MMMM, y)."
        )
