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

MAX_LENGTH: Final = 120
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
    macOS do), so two recipients with the same surname get `... (2).docx`.
    """
    date = letter_date.isoformat()
    who = safe_component(surname) or "Recipient"
    what = safe_component(subject)
    stem = f"{date} {who} - {what}" if what else f"{date} {who}"
    if _is_reserved(stem):
        stem = "_" + stem
    folded = {name.casefold() for name in taken}
    counter = 1
    while True:
        tag = f" ({counter})" if counter > 1 else ""
        room = MAX_LENGTH - len(suffix) - len(tag)
        candidate_stem = stem[:room].rstrip(". ") if len(stem) > room else stem
        candidate = candidate_stem + tag + suffix
        if candidate.casefold() not in folded:
            taken.add(candidate)
            return candidate
        counter += 1
