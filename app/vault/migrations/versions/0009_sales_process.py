"""The sales process an advice pack states per product: the cooling-off period in hours
(冷静期; 犹豫期 for insurance) and whether a follow-up call (回访) comes after it. Both
nullable: not recorded, the product documents govern.

Revision ID: 0009_sales_process
Revises: 0008_product_terms
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_sales_process"
down_revision = "0008_product_terms"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("instruments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cooling_off_hours", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("needs_callback", sa.Boolean(), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("vaults only move forward; restore a backup to go back")
