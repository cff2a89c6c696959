"""Alembic migrations of the store, run programmatically when a store is opened (never by hand).

`KNOWN_REVISIONS` lets `Store.open` recognise a database from a newer IPHR Desk without importing Alembic
(a test keeps it equal to the scripts in `versions/`). The script location is this package's own folder,
so the migrations ship inside the wheel.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Engine

#: Every revision this program can read, oldest first.
KNOWN_REVISIONS: Final[tuple[str, ...]] = (
    "0001_initial",
    "0002_fulltext",
    "0003_fts_external_content",
    "0004_sort_indexes",
    "0005_list_filters",
    "0006_deferred_letter_index",
    "0007_review_and_signing",
    "0008_search_prefixes_and_keys",
)
HEAD_REVISION: Final = KNOWN_REVISIONS[-1]

SCRIPT_LOCATION: Final = Path(__file__).resolve().parent


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    return config


def upgrade_to_head(engine: Engine, revision: str = "head") -> None:
    """Migrate in one transaction: a failed migration leaves the previous schema in place."""
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
