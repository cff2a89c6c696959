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
