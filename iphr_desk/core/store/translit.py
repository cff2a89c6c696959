"""Search keys that let one spelling of a name find the others: Сейткали, Seitkali and Seytkali alike.

Names of people in Central Asia are written in Cyrillic and in Latin letters, and in several Latin
spellings (Zhaparov / Japarov, Tokayev / Tokaev, Xo'jayev / Khodzhaev). The letters index holds, beside
the text, a "keys" column (migration 0008): for each name-like word, its *key*, a Latin spelling folded
so that the usual variants meet. A query word is searched as itself OR its key, so it finds the other
script and the other spellings.

How a key is made:
1. Cyrillic letters become Latin with cyrtranslit's Russian table (the library does the alphabet), after
   `SUPPLEMENT` has replaced the letters it does not know or spells unlike an English-language case file:
   cyrtranslit's Russian table has none of the Kazakh, Uzbek, Kyrgyz and Tajik letters (ә ғ қ ң ө ұ ү
   һ і ў ҳ ҷ ӣ ӯ are passed through unchanged; its Tajik table covers only ғ қ ҳ ҷ ӣ ӯ, with
   diacritics no case file uses), and it writes й as "j" and ц as "cz" (GOST 7.79 B), where names in
   English and French texts use "y" (Seytkali, Tokayev) and "ts".
2. Latin diacritics go (ä → a, ş → s, ı → i), apostrophes go (O'zbekiston → ozbekiston), and `FOLDS`
   merge the spellings that vary between transliteration systems: kh/x → h, zh/dzh → j, q → k, y → i,
   "ie" after a vowel → e (Tokayev, Tokaev), ii → i.

Only the text's names are keyed, to keep the index small: every word of the recipients, and the words of
the subject and body that start with a capital letter (names do; a Latin query for a Cyrillic common noun
is not a use case). A key equal to the word's own folded form is left out (the text column already holds
it), and each key is kept once per letter.

The keys are a pure function of the text: the index removes a letter's entry by recomputing them from the
text it indexed (indexing.py). Changing anything here therefore needs a migration that rebuilds the
letters index (0008 did it first); tests/core/store/test_search_translit.py pins sample keys.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

import cyrtranslit  # type: ignore[import-untyped]

#: Letters cyrtranslit's Russian table leaves as they are or spells unlike case files (see above).
SUPPLEMENT: Final[dict[str, str]] = {
    "ә": "a",  # Kazakh; Azerbaijani ə in Latin
    "ғ": "g",  # Kazakh, Uzbek, Tajik (gh in some spellings: folded)
    "қ": "k",  # Kazakh, Uzbek, Kyrgyz, Tajik (q in Uzbek and Kazakh Latin: folded)
    "ң": "n",  # Kazakh, Kyrgyz (Жаңаөзен: Zhanaozen)
    "ө": "o",  # Kazakh, Kyrgyz
    "ұ": "u",  # Kazakh
    "ү": "u",  # Kazakh, Kyrgyz
    "һ": "h",  # Kazakh
    "і": "i",  # Kazakh, Ukrainian, Belarusian
    "ў": "o",  # Uzbek (o' in Uzbek Latin: Ўзбекистон, O'zbekiston); Belarusian ў is rare in case files
    "ҳ": "h",  # Uzbek, Tajik
    "ҷ": "j",  # Tajik
    "ӣ": "i",  # Tajik
    "ӯ": "u",  # Tajik
    "ї": "yi",  # Ukrainian
    "є": "ye",  # Ukrainian
    "ґ": "g",  # Ukrainian
    "й": "y",  # cyrtranslit: "j"
    "ц": "ts",  # cyrtranslit: "cz"
    "ъ": "",  # cyrtranslit: "''"
    "ь": "",  # cyrtranslit: "'"
    "ы": "y",  # cyrtranslit: "y'"
    "э": "e",  # cyrtranslit: "e'"
}

#: Spellings merged after transliteration, in this order (each a regular expression and its replacement).
FOLDS: Final[tuple[tuple[str, str], ...]] = (
    (r"shch|shh", "sh"),
    (r"dzh", "j"),
    (r"zh", "j"),
    (r"kh|x", "h"),
    (r"gh", "g"),
    (r"q", "k"),
    (r"y", "i"),
    (r"(?<=[aeiou])ie|^ie", "e"),
    (r"ii+", "i"),
)
_FOLDS: Final = tuple((re.compile(pattern), replacement) for pattern, replacement in FOLDS)

#: A word as the keys see it: letters and digits, with apostrophes inside (O'zbekiston, Xo'jayev).
WORD: Final = re.compile(r"\w+(?:['’ʻʼ`]\w+)*")
_APOSTROPHES: Final = re.compile(r"['’ʻʼ`]")
_CYRILLIC: Final = re.compile(r"[\u0400-\u04ff\u0500-\u052f]")
_SPECIAL_LATIN: Final = str.maketrans(
    {"ı": "i", "ə": "a", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d"}
)


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL_LATIN))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def plain(word: str) -> str:
    """The word as the full-text tokenizer folds Latin letters: lower case, no diacritics."""
    lowered = word.lower()
    if _CYRILLIC.search(lowered):
        return lowered  # unicode61 keeps й, ё and the other Cyrillic letters with marks
    return _strip_marks(lowered)


@lru_cache(maxsize=65536)
def key(word: str) -> str:
    """The folded Latin spelling of one word, in either script (empty when nothing of it is a letter)."""
    lowered = _APOSTROPHES.sub("", word.lower())
    if _CYRILLIC.search(lowered):
        lowered = cyrtranslit.to_latin("".join(SUPPLEMENT.get(char, char) for char in lowered), "ru")
        lowered = _APOSTROPHES.sub("", lowered.lower())
    folded = _strip_marks(lowered)
    for pattern, replacement in _FOLDS:
        folded = pattern.sub(replacement, folded)
    return folded


def extra_key(word: str) -> str | None:
    """The word's key when it differs from what the text column already holds for it, else None."""
    folded = key(word)
    if not folded or folded == plain(word):  # "O'zbekiston" is keyed: the text holds "o" and "zbekiston"
        return None
    return folded


def _name_like(text: str) -> list[str]:
    return [word for word in WORD.findall(text) if word[0].isupper()]


def index_keys(subject: str | None, body: str | None, recipients: str | None) -> str:
    """The keys column of one letter: the keys of its names, each once, space-separated and sorted."""
    words = _name_like(subject or "") + _name_like(body or "") + WORD.findall(recipients or "")
    keys = {extra for word in set(words) if (extra := extra_key(word)) is not None}
    return " ".join(sorted(keys))


def query_forms(word: str) -> tuple[str, ...]:
    """What one typed word is searched as: itself, and its key when that differs."""
    extra = extra_key(word)
    return (word,) if extra is None else (word, extra)
