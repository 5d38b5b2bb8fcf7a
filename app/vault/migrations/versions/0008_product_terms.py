"""Product terms for the advice pack: minimum investment, dealing frequency, term,
performance benchmark and fees (percent) on the instruments. All nullable: a product
whose terms are not recorded keeps pointing to its documents.

Revision ID: 0008_product_terms
Revises: 0007_plans
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_product_terms"
down_revision = "0007_plans"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("instruments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("min_investment_cny", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("dealing", sa.String(length=12), nullable=True))
        batch_op.add_column(sa.Column("term_days", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("benchmark", sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column("subscription_fee_pct", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("redemption_fee_pct", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("management_fee_pct", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("custody_fee_pct", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("sales_service_fee_pct", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("performance_fee_pct", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("vaults only move forward; restore a backup to go back")
