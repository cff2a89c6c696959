"""Where the store lives on disk: one data folder holding the database, its backups and letterheads.

The order of precedence is the CLI contract of docs/cli.md: `--data-dir`, then `$IPHR_DESK_DATA_DIR`,
then the platform's per-user data folder (so a field laptop keeps its data where the OS expects it).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

#: The data folder, when no `--data-dir` is given (the CLI and the GUI read this one definition).
DATA_DIR_ENV: Final = "IPHR_DESK_DATA_DIR"
#: The passphrase of an encrypted store, so scripts and tests need not type it (docs/cli.md).
PASSPHRASE_ENV: Final = "IPHR_DESK_PASSPHRASE"
#: The passphrase of the PKCS#12 certificate file (or the PIN of a PKCS#11 token) `sign` uses (docs/cli.md).
CERT_PASSPHRASE_ENV: Final = "IPHR_DESK_CERT_PASSPHRASE"
#: The passphrase of an exchange package (`package export` / `package import`, docs/cli.md).
PACKAGE_PASSPHRASE_ENV: Final = "IPHR_DESK_PACKAGE_PASSPHRASE"
DB_FILENAME: Final = "iphr-desk.sqlite3"
BACKUP_DIRNAME: Final = "backups"


def default_data_dir() -> Path:
    """`$IPHR_DESK_DATA_DIR`, else the platform's user data folder."""
    given = os.environ.get(DATA_DIR_ENV)
    if given:
        return Path(given).expanduser()
    import platformdirs  # only needed when nothing was given

    return Path(platformdirs.user_data_dir("iphr-desk", "IPHR"))


def resolve_data_dir(data_dir: Path | str | None = None) -> Path:
    """An explicit folder (`--data-dir`) wins over the environment and the platform default."""
    if data_dir is not None and str(data_dir) != "":
        return Path(data_dir).expanduser()
    return default_data_dir()


def db_path_for(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME


def backup_dir_for(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIRNAME


def sidecar_paths(db_path: Path) -> tuple[Path, Path]:
    """The WAL and shared-memory files SQLite keeps beside a database in WAL mode."""
    return db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")
