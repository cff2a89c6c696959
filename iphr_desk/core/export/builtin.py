"""The letterhead that ships with the app: its name and its folder.

Its own module because both the registry of letterheads (`letterhead`) and the template cache
(`docx.template`, which takes missing styles from it) need it, and neither may import the other.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from iphr_desk.resources import resource

BUILTIN: Final = "iphr"


def builtin_dir() -> Path:
    return resource("letterheads")
