"""The errors a user can be shown: each carries one plain sentence that says what is wrong.

The CLI prints `str(error)` on one line and exits with `exit_code` (2 for bad input, 1 otherwise);
the GUI shows the same sentence in a dialog. Anything that is not an `IphrError` is a bug.
"""

from __future__ import annotations


class IphrError(Exception):
    """A failure the user can understand and act on; `str()` is the one-line message."""

    exit_code = 1


class BadInput(IphrError):
    """The user's input (a file, a value, a path) is wrong. CLI exit status 2."""

    exit_code = 2


class LetterFileError(BadInput):
    """A letter file is malformed. The message names the file and the key: `seed.md: recipient.office: …`."""

    def __init__(self, source: str, key: str | None, problem: str) -> None:
        self.source = source
        self.key = key
        self.problem = problem
        where = f"{source}: {key}: " if key else f"{source}: "
        super().__init__(where + problem)

    def __reduce__(self) -> tuple[type[LetterFileError], tuple[str, str | None, str]]:
        # Files are parsed in worker processes for big imports: the error must cross back whole.
        return type(self), (self.source, self.key, self.problem)


class ExportError(IphrError):
    """An export could not be written; nothing the user had was overwritten."""


class OutputPathError(ExportError, BadInput):
    """The output path is unusable (missing or read-only folder, a folder where a file was meant)."""

    exit_code = 2


class StoreError(IphrError):
    """The local database cannot be used as it is."""


class NewerSchemaError(StoreError):
    """The database was written by a newer IPHR Desk; it is left untouched."""


class CorruptDatabaseError(StoreError):
    """The database failed its integrity check; backups may be offered."""


class MissingDatabaseError(CorruptDatabaseError):
    """The database is missing or empty but backups exist: restore one, never start an empty store."""


class NoStoreError(StoreError, BadInput):
    """The folder holds no store, and the command only reads one (CLI exit status 2)."""


class DatabaseLockedError(StoreError):
    """Another program holds the database; try again when it has finished."""


class PassphraseError(StoreError, BadInput):
    """The store is encrypted and the passphrase is missing or wrong."""

    exit_code = 2


class LetterheadError(BadInput):
    """A letterhead file cannot be used (not a Word document, a macro-enabled .docm, unreadable)."""
