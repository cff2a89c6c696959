"""WordprocessingML names and values the reader of reviewed copies shares (`docx_review`, `docx_comments`)."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Final

W: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W14: Final = "http://schemas.microsoft.com/office/word/2010/wordml"
W15: Final = "http://schemas.microsoft.com/office/word/2012/wordml"
MC: Final = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def w(tag: str) -> str:
    """The Clark name of a w: element or attribute."""
    return f"{{{W}}}{tag}"


def parse_date(value: str | None) -> dt.datetime | None:
    """A w:date (xsd:dateTime); LibreOffice writes it without a zone: taken as UTC."""
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def comment_key(*fields: str) -> str:
    """A comment's identity within its file, from what Word keeps of it when it saves again."""
    return hashlib.sha256("\x1f".join(fields).encode("utf-8")).hexdigest()[:32]
