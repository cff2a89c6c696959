"""Remove the characters XML 1.0 cannot carry, so a pasted control character never breaks a .docx.

Word refuses a document that holds, say, U+0007 or an unpaired surrogate; lxml refuses to even
write it. Letters are often pasted from e-mails and PDFs, which do carry such characters. We drop
them and tell the user how many went, instead of failing the export. Emoji, Cyrillic and
right-to-left text are ordinary XML characters and pass through untouched.
"""

from __future__ import annotations

import re
from typing import Final

# XML 1.0 production [2] Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
_FORBIDDEN: Final = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean_xml_text(text: str) -> tuple[str, int]:
    """`text` without XML-forbidden characters, and how many were removed."""
    cleaned, count = _FORBIDDEN.subn("", text)
    return cleaned, count


def forbidden_count(text: str) -> int:
    return len(_FORBIDDEN.findall(text))


def removal_warning(count: int, where: str) -> str:
    """The sentence shown when characters had to go; `where` names the part, e.g. "the body"."""
    plural = "character" if count == 1 else "characters"
    return f"Removed {count} invisible control {plural} from {where}: Word documents cannot contain them."


# Bidirectional embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI). They
# reorder the text that follows them on screen: "Approved U+202E gnidnep" displays as "Approved
# pending", so one line can pass for another. Arabic and Hebrew letters need none of them (the
# Unicode bidi algorithm orders them by itself), nor do the harmless marks LRM, RLM and ALM.
_BIDI_CONTROL: Final = re.compile("[\u202a-\u202e\u2066-\u2069]")

# What a terminal must not receive raw: C0/C1 controls (ESC starts terminal escape sequences), the
# bidi controls and marks, and the line/paragraph separators that would break one row in two.
_TERMINAL_UNSAFE: Final = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def first_bidi_control(text: str) -> str | None:
    """The first bidi embedding/override/isolate character in `text`, if any."""
    match = _BIDI_CONTROL.search(text)
    return match.group() if match else None


def remove_bidi_controls(text: str) -> str:
    return _BIDI_CONTROL.sub("", text)


def escape_for_terminal(text: str) -> str:
    """`text` with every character that could disguise a line shown as `\\u202e`, visibly."""
    return _TERMINAL_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
