"""Risk-tolerance assessments, the client's current level copied onto the client, and
the vulnerable-client flag.

Revision ID: 0004_risk_assessments
Revises: 0003_holdings_index
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_risk_assessments"
down_revision = "0003_holdings_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.add_column(sa.Column("vulnerable", sa.Boolean(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("risk_level", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("risk_lowest_class", sa.Boolean(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("risk_expires_on", sa.Date(), nullable=True))

    op.create_table("risk_assessments",
    sa.Column("client_id", sa.Uuid(), nullable=False),
    sa.Column("questionnaire_id", sa.String(length=40), nullable=False),
    sa.Column("questionnaire_version", sa.String(length=20), nullable=False),
    sa.Column("answers", sa.Text(), nullable=False),
    sa.Column("willingness_score", sa.Integer(), nullable=False),
    sa.Column("capacity_score", sa.Integer(), nullable=False),
    sa.Column("willingness_level", sa.Integer(), nullable=False),
    sa.Column("capacity_level", sa.Integer(), nullable=False),
    sa.Column("level", sa.Integer(), nullable=False),
    sa.Column("lowest_class", sa.Boolean(), nullable=False),
    sa.Column("max_loss_pct", sa.Integer(), nullable=True),
    sa.Column("liquidity_need_days", sa.Integer(), nullable=True),
    sa.Column("assessed_at", sa.String(length=32), nullable=False),
    sa.Column("assessed_by", sa.String(length=60), nullable=False),
    sa.Column("place", sa.String(length=20), nullable=False),
    sa.Column("place_detail", sa.String(length=120), nullable=True),
    sa.Column("client_confirmed_at", sa.String(length=32), nullable=False),
    sa.Column("expires_on", sa.Date(), nullable=False),
    sa.Column("extra_care", sa.Boolean(), nullable=False),
    sa.Column("extra_care_note", sa.Text(), nullable=True),
    sa.Column("extra_care_confirmed_at", sa.String(length=32), nullable=True),
    sa.Column("changes", sa.Text(), nullable=False),
    sa.Column("previous_id", sa.Uuid(), nullable=True),
    sa.Column("document_number", sa.String(length=40), nullable=False),
    sa.Column("id", sa.Uuid(), nullable=False),
    sa.Column("rev", sa.Integer(), nullable=True),
    sa.Column("updated_at", sa.String(length=32), nullable=False),
    sa.Column("updated_by", sa.String(length=64), nullable=False),
    sa.Column("deleted_at", sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(["client_id"], ["clients.id"], name=op.f("fk_risk_assessments_client_id_clients")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_risk_assessments"))
    )
    op.create_index("ix_risk_assessments_client_assessed", "risk_assessments", ["client_id", "assessed_at"], unique=False)


def downgrade() -> None:
    raise NotImplementedError("vaults only move forward; restore a backup to go back")
