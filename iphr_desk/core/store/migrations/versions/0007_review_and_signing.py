"""Identities across stores, reviewed copies, signatures and per-language titles

Revision ID: 0007_review_and_signing
Revises: 0006_deferred_letter_index
Create Date: 2026-12-03 19:50:00

Issue 15 sends letters out of the store and takes them back: a reviewed .docx names the revision it was
exported from, and an exchange package merges revisions, comments and status changes into another
store. Both need identities that survive the journey, so revisions, comments and status changes get a
UUID (existing rows receive one here). A revision records the one it was made from and whether a merge
flagged it; comments keep the text they are anchored to and whether they came from Word. Signed PDFs
are recorded in `signature_records`; a signatory can carry a signature image.

Issue 14: a signatory's title has a version per language (`titles`), and a letter's recipient can carry
an address block typed by hand where the Russian dative declension is wrong (`address_dative`).
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0007_review_and_signing"
down_revision = "0006_deferred_letter_index"
branch_labels = None
depends_on = None

UUID_TABLES = ("revisions", "comments", "status_changes")


def _backfill_uuids(table: str) -> None:
    """Give every existing row its own UUID4 (Python's, so every back-end gets the same format)."""
    bind = op.get_bind()
    ids = [row[0] for row in bind.execute(sa.text(f"SELECT id FROM {table} WHERE uuid IS NULL"))]
    statement = sa.text(f"UPDATE {table} SET uuid = :uuid WHERE id = :id")
    for start in range(0, len(ids), 1000):
        chunk = ids[start : start + 1000]
        bind.execute(statement, [{"id": row_id, "uuid": str(uuid.uuid4())} for row_id in chunk])


def upgrade() -> None:
    op.add_column("signatories", sa.Column("titles", sa.JSON(), nullable=True))
    op.add_column("signatories", sa.Column("signature_image", sa.LargeBinary(), nullable=True))
    op.add_column("signatories", sa.Column("signature_mime", sa.String(length=40), nullable=True))
    op.add_column("letter_signatories", sa.Column("titles", sa.JSON(), nullable=True))
    op.add_column("letter_recipients", sa.Column("address_dative", sa.Text(), nullable=True))

    op.add_column("revisions", sa.Column("uuid", sa.String(length=36), nullable=True))
    op.add_column("revisions", sa.Column("parent_uuid", sa.String(length=36), nullable=True))
    op.add_column(
        "revisions",
        sa.Column("flagged", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("revisions", sa.Column("details", sa.JSON(), nullable=True))
    op.add_column("comments", sa.Column("uuid", sa.String(length=36), nullable=True))
    op.add_column("comments", sa.Column("anchor", sa.Text(), nullable=True))
    op.add_column(
        "comments",
        sa.Column("origin", sa.String(length=16), nullable=False, server_default="app"),
    )
    op.add_column("status_changes", sa.Column("uuid", sa.String(length=36), nullable=True))
    for table in UUID_TABLES:
        _backfill_uuids(table)
        op.create_index(f"ix_{table}_uuid", table, ["uuid"], unique=True)

    op.create_table(
        "signature_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("letter_id", sa.Integer(), nullable=False),
        sa.Column("revision_uuid", sa.String(length=36), nullable=True),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
        sa.Column("signatory", sa.String(length=300), nullable=False),
        sa.Column("subject", sa.String(length=1000), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=500), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["letter_id"],
            ["letters.id"],
            name="fk_signature_records_letter_id_letters",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_signature_records"),
        sa.UniqueConstraint("uuid", name="uq_signature_records_uuid"),
    )
    op.create_index("ix_signature_records_letter_signed", "signature_records", ["letter_id", "signed_at"])


def downgrade() -> None:
    op.drop_index("ix_signature_records_letter_signed", table_name="signature_records")
    op.drop_table("signature_records")
    for table in UUID_TABLES:
        op.drop_index(f"ix_{table}_uuid", table_name=table)
    with op.batch_alter_table("status_changes") as batch:
        batch.drop_column("uuid")
    with op.batch_alter_table("comments") as batch:
        for column in ("origin", "anchor", "uuid"):
            batch.drop_column(column)
    with op.batch_alter_table("revisions") as batch:
        for column in ("details", "flagged", "parent_uuid", "uuid"):
            batch.drop_column(column)
    with op.batch_alter_table("letter_recipients") as batch:
        batch.drop_column("address_dative")
    with op.batch_alter_table("letter_signatories") as batch:
        batch.drop_column("titles")
    with op.batch_alter_table("signatories") as batch:
        for column in ("signature_mime", "signature_image", "titles"):
            batch.drop_column(column)
