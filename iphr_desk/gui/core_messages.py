"""The core's messages in the interface language.

The core (iphr_desk/core) speaks English and imports no Qt: its errors carry one English sentence that
the command line prints as is. The GUI shows the same errors in dialogs, where a French or Russian user
must read them in their language. So the GUI translates them here: each known sentence of the core is
written below as the core formats it (`{}` for a value: a path, a name, a number) beside its
translatable form (`%1`, `%2`… for the same values, in order), and `translate_core_message` replaces
every known sentence found in a text by its translation, values kept. A sentence nobody listed stays
English (and the test in tests/gui/test_core_messages.py lists which core errors must be covered).

Why by sentence and not by exception class: the core composes a message from several sentences (a
problem, then what to do), and the GUI adds its own around it; matching sentences translates each part
wherever it appears. No library maps formatted English back to its template, so this is hand-written.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("CoreMessages", text)


def _templates() -> list[tuple[str, Callable[[], str]]]:
    """(the core's English format with `{}` per value, the translatable text with %1, %2…).

    The translations are looked up when a message is shown, so the interface language in force applies.
    """
    return [
        # Export and output paths (core/safewrite.py, the GUI's export worker)
        (
            "The folder {} is read-only; choose another folder.",
            lambda: _t("The folder %1 is read-only; choose another folder."),
        ),
        (
            "The folder {} does not exist; create it first or choose another.",
            lambda: _t("The folder %1 does not exist; create it first or choose another."),
        ),
        (
            "{} is a folder; give a file name such as {}.",
            lambda: _t("%1 is a folder; give a file name such as %2."),
        ),
        ("{} is not a folder.", lambda: _t("%1 is not a folder.")),
        (
            "Could not save {}: {}. The previous file is unchanged.",
            lambda: _t("Could not save %1: %2. The previous file is unchanged."),
        ),
        (
            "Could not write {}: {}. Nothing was changed.",
            lambda: _t("Could not write %1: %2. Nothing was changed."),
        ),
        ("Cannot write in {}: {}.", lambda: _t("Cannot write in %1: %2.")),
        ("The file could not be written: {}.", lambda: _t("The file could not be written: %1.")),
        # The store, its passphrase and its health (core/store/)
        (
            "The store in {} is encrypted (or its file is damaged): give its passphrase.",
            lambda: _t("The store in %1 is encrypted (or its file is damaged): give its passphrase."),
        ),
        (
            "The passphrase for the store in {} is wrong (or its file is damaged).",
            lambda: _t("The passphrase for the store in %1 is wrong (or its file is damaged)."),
        ),
        ("The current passphrase is wrong.", lambda: _t("The current passphrase is wrong.")),
        ("Could not change the passphrase: {}.", lambda: _t("Could not change the passphrase: %1.")),
        (
            "There is no IPHR Desk store in {} (no such folder).",
            lambda: _t("There is no IPHR Desk store in %1 (no such folder)."),
        ),
        ("There is no IPHR Desk store in {}.", lambda: _t("There is no IPHR Desk store in %1.")),
        ("Cannot create the data folder {}: {}.", lambda: _t("Cannot create the data folder %1: %2.")),
        ("The database {} is damaged ({}).", lambda: _t("The database %1 is damaged (%2).")),
        (
            "The database {} is missing, but the folder has backups.",
            lambda: _t("The database %1 is missing, but the folder has backups."),
        ),
        (
            "The database {} is empty (0 bytes), but the folder has backups.",
            lambda: _t("The database %1 is empty (0 bytes), but the folder has backups."),
        ),
        ("There is no good backup to restore.", lambda: _t("There is no good backup to restore.")),
        (
            "The newest good backup is {}, from {} ({}); restore it with `iphr-desk backup restore {}` "
            "(the damaged file is kept aside).",
            lambda: _t(
                "The newest good backup is %1, from %2 (%3); restore it with `iphr-desk backup restore %4` "
                "(the damaged file is kept aside)."
            ),
        ),
        (
            "The newest good backup is {}, from {} ({}); restore it with `iphr-desk backup restore {}`.",
            lambda: _t(
                "The newest good backup is %1, from %2 (%3); restore it with `iphr-desk backup restore %4`."
            ),
        ),
        (
            "None of the backups in the backups folder passes its check; move that folder away to start "
            "a new, empty store.",
            lambda: _t(
                "None of the backups in the backups folder passes its check; move that folder away to start "
                "a new, empty store."
            ),
        ),
        (
            "The store {} was written by a newer version of IPHR Desk (schema {}). Update IPHR Desk to open "
            "it; the file was left untouched.",
            lambda: _t(
                "The store %1 was written by a newer version of IPHR Desk (schema %2). Update IPHR Desk to "
                "open it; the file was left untouched."
            ),
        ),
        (
            "The store {} is open in another IPHR Desk window or command; close it, then try again.",
            lambda: _t(
                "The store %1 is open in another IPHR Desk window or command; close it, then try again."
            ),
        ),
        (
            "The store in {} is being encrypted or restored by another IPHR Desk command; try again when it "
            "has finished.",
            lambda: _t(
                "The store in %1 is being encrypted or restored by another IPHR Desk command; try again when "
                "it has finished."
            ),
        ),
        ("Could not write a backup in {}: {}.", lambda: _t("Could not write a backup in %1: %2.")),
        ("There is no {} with id {}.", lambda: _t("There is no %1 with id %2.")),
        (
            "Letter {} is in the trash; restore it before changing it.",
            lambda: _t("Letter %1 is in the trash; restore it before changing it."),
        ),
        # Letter files (core/letters/letterfile.py): "<file>: <key>: <problem>"
        (
            "the file must start with a line '---' that opens the YAML front matter",
            lambda: _t("the file must start with a line '---' that opens the YAML front matter"),
        ),
        (
            "the front matter opened on line 1 is never closed by a line '---'",
            lambda: _t("the front matter opened on line 1 is never closed by a line '---'"),
        ),
        (
            "the file is saved as UTF-16; save it as UTF-8",
            lambda: _t("the file is saved as UTF-16; save it as UTF-8"),
        ),
        (
            "this is a binary file, not a letter file (Markdown text with YAML front matter)",
            lambda: _t("this is a binary file, not a letter file (Markdown text with YAML front matter)"),
        ),
        (
            "the file is not UTF-8 text (byte {}); save it as UTF-8",
            lambda: _t("the file is not UTF-8 text (byte %1); save it as UTF-8"),
        ),
        (
            "required key is missing (or give a list under 'recipients')",
            lambda: _t("required key is missing (or give a list under 'recipients')"),
        ),
        (
            "required key is missing (list who signs, in signing order)",
            lambda: _t("required key is missing (list who signs, in signing order)"),
        ),
        ("required key is missing (use one of {})", lambda: _t("required key is missing (use one of %1)")),
        ("required key is missing", lambda: _t("required key is missing")),
        ("unknown key ({})", lambda: _t("unknown key (%1)")),
        ("malformed YAML: {}", lambda: _t("malformed YAML: %1")),
        (
            "the list is empty; give at least one recipient",
            lambda: _t("the list is empty; give at least one recipient"),
        ),
        (
            "the list is empty; give at least one signatory",
            lambda: _t("the list is empty; give at least one signatory"),
        ),
        (
            "is empty; give a value or leave the key out",
            lambda: _t("is empty; give a value or leave the key out"),
        ),
        ("must be one line (found a line break)", lambda: _t("must be one line (found a line break)")),
        # Offices and forms of address (core/protocol/)
        ("Unknown office '{}' (use {}).", lambda: _t("Unknown office '%1' (use %2).")),
        ("unknown office '{}' ({})", lambda: _t("unknown office '%1' (%2)")),
        (
            "No form of address for office '{}', gender '{}', register '{}'; offices are {}.",
            lambda: _t("No form of address for office '%1', gender '%2', register '%3'; offices are %4."),
        ),
    ]


#: A value inside a sentence: on one line, and not across the end of a sentence (". ").
_VALUE = r"((?:(?!\. )[^\n])+?)"
#: A value ending the text: the rest of the line.
_LAST_VALUE = r"([^\n]+)"


@functools.cache
def _pattern(english: str) -> re.Pattern[str]:
    """The regular expression matching `english` with any values in place of its `{}`."""
    parts = [re.escape(part) for part in english.split("{}")]
    if len(parts) > 1 and parts[-1] == "":
        return re.compile(_VALUE.join(parts[:-1]) + _LAST_VALUE)
    return re.compile(_VALUE.join(parts))


#: "line 12" in the "<file>: line 12: <problem>" of a letter file error.
_LINE = re.compile(r"(?<=: )line (\d+)(?=: )")


def translate_core_message(text: str) -> str:
    """`text` with every sentence the core is known to write replaced by its translation.

    Without a translator installed (English) the text comes back unchanged. Values (paths, names,
    numbers) are kept as they were; unknown sentences stay as they were.
    """
    if not text:
        return text
    for english, translated in _templates():
        pattern = _pattern(english)
        if pattern.search(text) is None:
            continue
        template = translated()

        def fill(match: re.Match[str], template: str = template) -> str:
            result = template
            for number, value in enumerate(match.groups(), start=1):
                result = result.replace(f"%{number}", value)
            return result

        text = pattern.sub(fill, text)
    line = _t("line %1")
    return _LINE.sub(lambda m: line.replace("%1", m.group(1)), text)


def translate_error(error: BaseException) -> str:
    """An error's message (`str(error)`) in the interface language."""
    return translate_core_message(str(error))
