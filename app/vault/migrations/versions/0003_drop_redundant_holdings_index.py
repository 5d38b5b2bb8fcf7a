"""Drop ix_holdings_account_id: the unique (account_id, instrument_id) index covers it.

The benchmark showed the extra index cost ~9 MB and a write per holding insert on a
10,000-client book, for no query it served.

Revision ID: 0003_holdings_index
Revises: 0002_portfolio
"""

from alembic import op

revision = "0003_holdings_index"
down_revision = "0002_portfolio"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("holdings", schema=None) as batch_op:
        batch_op.drop_index("ix_holdings_account_id")


def downgrade() -> None:
    raise NotImplementedError("vaults only move forward; restore a backup to go back")
