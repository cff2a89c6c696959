"""Alembic environment: online mode only, on the connection `upgrade_to_head` passes in."""

from __future__ import annotations

from typing import Any

from alembic import context

from iphr_desk.core.store.models import Base

# SQLite-only objects made by hand-written migrations (FTS5 indexes and their shadow tables): not in the
# models, so autogenerate must not offer to drop them.
UNMANAGED_PREFIXES = ("letters_fts", "cases_fts")


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    return not (type_ == "table" and name is not None and name.startswith(UNMANAGED_PREFIXES))


connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them; batch mode does that for us
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
