"""Each shared constant and lookup is defined once, in the core, and imported everywhere else.

Copies drift: three lists of letter statuses, two environment-variable names, two country lookups were
each one edit away from disagreeing. This test reads the sources, so a new copy fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "iphr_desk"

#: name -> (the pattern of a definition, the one file allowed to hold it)
DEFINITIONS: dict[str, tuple[str, str]] = {
    "LETTER_STATUSES": (r"^\s*LETTER_STATUSES\s*(:[^=]*)?=", "core/vocabularies.py"),
    "CASE_STATUSES": (r"^\s*CASE_STATUSES\s*(:[^=]*)?=", "core/vocabularies.py"),
    "DATA_DIR_ENV": (r"^\s*DATA_DIR_ENV\s*(:[^=]*)?=", "core/paths.py"),
    "PASSPHRASE_ENV": (r"^\s*PASSPHRASE_ENV\s*(:[^=]*)?=", "core/paths.py"),
    "CENTRAL_ASIA": (r"^\s*CENTRAL_ASIA\s*(:[^=]*)?=", "core/protocol/locale_names.py"),
    "resolve_data_dir": (r"^\s*def resolve_data_dir\b", "core/paths.py"),
    # The country names: only the locale module reads babel's territory table.
    "country lookup": (r"\.territories\b", "core/protocol/locale_names.py"),
    # Statuses and environment names written out as literals elsewhere are copies too.
    "status tuple literal": (r"\(\s*\"draft\",\s*\"in_review\"", "core/vocabularies.py"),
    "data-dir variable literal": (r"\"IPHR_DESK_DATA_DIR\"", "core/paths.py"),
    "passphrase variable literal": (r"\"IPHR_DESK_PASSPHRASE\"", "core/paths.py"),
    "CERT_PASSPHRASE_ENV": (r"^\s*CERT_PASSPHRASE_ENV\s*(:[^=]*)?=", "core/paths.py"),
    "certificate passphrase variable literal": (r"\"IPHR_DESK_CERT_PASSPHRASE\"", "core/paths.py"),
    "PACKAGE_PASSPHRASE_ENV": (r"^\s*PACKAGE_PASSPHRASE_ENV\s*(:[^=]*)?=", "core/paths.py"),
    "package passphrase variable literal": (r"\"IPHR_DESK_PACKAGE_PASSPHRASE\"", "core/paths.py"),
}
#: Copies outside the GUI and the core that this change did not own (the command line keeps its own
#: names of the environment variables until it imports them from core/paths.py).
ELSEWHERE_OWNED: set[str] = set()


def _definitions(pattern: str, *, skip: set[str]) -> set[str]:
    found: set[str] = set()
    regex = re.compile(pattern, re.MULTILINE)
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative not in skip and regex.search(path.read_text(encoding="utf-8")):
            found.add(relative)
    return found


@pytest.mark.parametrize("name", sorted(DEFINITIONS))
def test_defined_once_in_the_core(name: str) -> None:
    pattern, home = DEFINITIONS[name]
    assert _definitions(pattern, skip=ELSEWHERE_OWNED) == {home}


def test_the_command_line_imports_the_environment_names_too() -> None:
    for name in (
        "DATA_DIR_ENV",
        "PASSPHRASE_ENV",
        "data-dir variable literal",
        "passphrase variable literal",
    ):
        pattern, home = DEFINITIONS[name]
        assert _definitions(pattern, skip=set()) == {home}, name


def test_no_gui_module_names_the_os_login_as_an_author() -> None:
    """Authors come from profile.current_user; the OS login is only the single-instance lock's key."""
    users = _definitions(r"getpass|getlogin|\"Unnamed user\"|\"Imported\"", skip=set())
    assert {path for path in users if path.startswith("gui/")} <= {"gui/single_instance.py", "gui/profile.py"}
