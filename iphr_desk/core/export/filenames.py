"""File names for a batch of letters that work on Windows, macOS and Linux alike.

A batch is written as `YYYY-MM-DD Surname - Subject.docx`. Field staff share these files on
Windows machines and USB sticks, so the name must obey the strictest rules (Windows'): no
`<>:"/\\|?*` or control characters, no reserved device names (CON, NUL, COM1...), no trailing dot
or space, and a short enough name for deep folders. No library does this for us portably
(pathvalidate is not a dependency and is stricter than needed), hence this small module.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Final

#: Characters in a name: Windows' 260-character paths leave little room in deep folders.
MAX_LENGTH: Final = 120
#: Bytes in a name once encoded as UTF-8: ext4, APFS, Btrfs and most others refuse longer ones
#: ("File name too long"), and a Georgian or Chinese character takes three bytes.
MAX_BYTES: Final = 255
#: How far back from the cut a space may be to cut there instead, rather than mid-word.
_WORD_BACKTRACK: Final = 20
_FORBIDDEN: Final = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED: Final = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"COM{i}" for i in range(10)}
    | {f"LPT{i}" for i in range(10)}
    | {"COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³"}
)


def safe_component(text: str) -> str:
    """`text` made safe as part of a Windows file name (may be empty)."""
    text = unicodedata.normalize("NFC", text)
    text = _FORBIDDEN.sub(" ", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp"))
    text = re.sub(r"\s+", " ", text).strip()
    return text.rstrip(". ")


def _is_reserved(stem: str) -> bool:
    base = stem.split(".")[0].strip().upper()
    return base in _RESERVED


def batch_filename(
    letter_date: dt.date, surname: str, subject: str, taken: set[str], *, suffix: str = ".docx"
) -> str:
    """A unique, Windows-safe name `YYYY-MM-DD Surname - Subject.docx`, added to `taken`.

    `taken` holds names already used in this batch (compared case-insensitively, as Windows and
    macOS do), so two recipients with the same surname get `... (2).docx`. The whole name, with the
    suffix and any `(2)`, fits `MAX_LENGTH` characters and `MAX_BYTES` bytes of UTF-8.
    """
    date = letter_date.isoformat()
    who = safe_component(surname) or "Recipient"
    what = safe_component(subject)
    stem = f"{date} {who} - {what}" if what else f"{date} {who}"
    return unique_name(stem, suffix, taken)


def combined_filename(letter_date: dt.date, subject: str, suffix: str = ".docx") -> str:
    """`YYYY-MM-DD Subject.docx` for a batch written as one document, within the same limits."""
    stem = f"{letter_date.isoformat()} {safe_component(subject)}".strip()
    return unique_name(stem, suffix, set())


def unique_name(stem: str, suffix: str, taken: set[str]) -> str:
    """`stem + suffix`, or `stem (2) + suffix`..., cut to fit the limits and not in `taken` (then added)."""
    if _is_reserved(stem):
        stem = "_" + stem
    folded = {name.casefold() for name in taken}
    counter = 1
    while True:
        tag = f" ({counter})" if counter > 1 else ""
        candidate = fit_name(stem, tag + suffix)
        if candidate.casefold() not in folded:
            taken.add(candidate)
            return candidate
        counter += 1


def fit_name(stem: str, ending: str) -> str:
    """`stem` cut so that `stem + ending` has at most `MAX_LENGTH` characters and `MAX_BYTES` bytes.

    The cut falls between whole characters as the reader sees them (an accent stays with its
    letter, an emoji with its skin tone, a flag's two halves together) and, when a space is near,
    between words; a trailing dot or space, which Windows drops, goes too.
    """
    chars = MAX_LENGTH - len(ending)
    room = MAX_BYTES - len(ending.encode("utf-8"))
    if len(stem) <= chars and len(stem.encode("utf-8")) <= room:
        return stem + ending
    end = 0
    for char in stem[:chars]:
        room -= len(char.encode("utf-8"))
        if room < 0:
            break
        end += 1
    end = _grapheme_start(stem, end)
    space = stem.rfind(" ", 0, end + 1)
    if stem[end : end + 1] != " " and space > 0 and end - space <= _WORD_BACKTRACK:
        end = space
    return stem[:end].rstrip(" .,;-") + ending  # no dangling "Surname -" or "word," either


def _grapheme_start(text: str, end: int) -> int:
    """`end` moved back so that `text[:end]` does not split a user-perceived character."""
    while 0 < end < len(text) and _joins_previous(text[end]):
        end -= 1
    if 0 < end < len(text) and _is_regional_indicator(text[end]):
        run = end
        while run > 0 and _is_regional_indicator(text[run - 1]):
            run -= 1
        end -= (end - run) % 2  # flags are pairs of regional indicators: keep only whole pairs
    return end


def _joins_previous(char: str) -> bool:
    """A combining mark, variation selector, emoji modifier or conjoining Hangul vowel/final."""
    code = ord(char)
    return (
        unicodedata.category(char) in ("Mn", "Mc", "Me")
        or 0x1F3FB <= code <= 0x1F3FF
        or 0x1160 <= code <= 0x11FF
        or 0xD7B0 <= code <= 0xD7FF
        or char == "\u200d"
    )


def _is_regional_indicator(char: str) -> bool:
    return 0x1F1E6 <= ord(char) <= 0x1F1FF
