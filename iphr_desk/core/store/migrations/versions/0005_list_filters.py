"""The letter list sorts by recipient and filters by country, theme and office from indexes

Revision ID: 0005_list_filters
Revises: 0004_sort_indexes
Create Date: 2026-11-26 19:35:00

Sorting by recipient joined every live letter to its first recipient and sorted them all (0.2–0.6 s at
100,000 letters, and worse deep in the list). `letters.recipient_name` keeps the first recipient's name
on the letter row, and an index led by deleted_at orders the ids of any page like the other sort keys.
The repository writes the column with the row; two SQLite triggers keep it right for writers that insert
recipient rows directly (the corpus generator, older code), and do nothing when it already is.

The filters by country, theme and office select the matching letter ids from covering indexes
(case -> letters, theme -> cases, office -> letters), so the set is built without reading table rows.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_list_filters"
down_revision = "0004_sort_indexes"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_letters_deleted_recipient": ("letters", ["deleted_at", "recipient_name"]),
    "ix_letter_cases_case_letter": ("letter_cases", ["case_id", "letter_id"]),
    "ix_case_themes_theme_case": ("case_themes", ["theme", "case_id"]),
    "ix_letter_recipients_office_letter": ("letter_recipients", ["office", "letter_id"]),
}

_KEEP_FIRST_NAME = """
    WHEN new.position = 0
    BEGIN
        UPDATE letters SET recipient_name = new.name
        WHERE id = new.letter_id AND recipient_name IS NOT new.name;
    END"""

TRIGGERS = {
    "letter_recipients_first_name_insert": "AFTER INSERT ON letter_recipients",
    "letter_recipients_first_name_update": "AFTER UPDATE OF name, position ON letter_recipients",
}


def upgrade() -> None:
    op.add_column("letters", sa.Column("recipient_name", sa.String(length=300), nullable=True))
    op.execute(
        "UPDATE letters SET recipient_name = (SELECT r.name FROM letter_recipients AS r "
        "WHERE r.letter_id = letters.id AND r.position = 0)"
    )
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns, unique=False)
    if op.get_bind().dialect.name == "sqlite":
        for name, event in TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {event}{_KEEP_FIRST_NAME}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
    with op.batch_alter_table("letters") as batch:
        batch.drop_column("recipient_name")
