"""The search index: search_entries (normalised text of clients, notes, meetings, tasks and
complaints), a trigram full-text index over it, and a contentless index of its one- and
two-character grams; back-filled from the rows already in the vault.

Revision ID: 0006_search_index
Revises: 0005_relationship
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_search_index"
down_revision = "0005_relationship"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("search_entries",
    sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
    sa.Column("ref_id", sa.Uuid(), nullable=False),
    sa.Column("text", sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_search_entries")),
    sa.UniqueConstraint("ref_id", name=op.f("uq_search_entries_ref_id"))
    )
    # The text is lower-cased before indexing, so the trigrams are case-sensitive: the
    # index then matches exactly what LIKE over the same text matches.
    op.execute(
        "CREATE VIRTUAL TABLE search_tri USING fts5(text, content='search_entries', "
        "content_rowid='id', tokenize='trigram case_sensitive 1')"
    )
    op.execute(
        "CREATE VIRTUAL TABLE search_gram USING fts5(grams, content='', "
        "contentless_delete=1, detail=none, tokenize='ascii')"
    )
    # Derived data: filled from the live rows by the app's own indexer.
    from app.vault import search_index

    search_index.rebuild(op.get_bind())


def downgrade() -> None:
    raise NotImplementedError("vaults only move forward; restore a backup to go back")
