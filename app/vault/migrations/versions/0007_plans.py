"""Plans and documents: a client's or household's plan (goals, cash flows, the proposed
allocation, recommended products with the suitability check they passed, status and
version), and generated documents kept in the vault with their SHA-256.

Revision ID: 0007_plans
Revises: 0006_search_index
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_plans"
down_revision = "0006_search_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('plans',
    sa.Column('client_id', sa.Uuid(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('previous_id', sa.Uuid(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('presented_on', sa.Date(), nullable=True),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('model_level', sa.Integer(), nullable=False),
    sa.Column('assumptions_version', sa.String(length=20), nullable=False),
    sa.Column('models_version', sa.String(length=20), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_plans_client_id_clients')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plans'))
    )
    op.create_index('ix_plans_client_version', 'plans', ['client_id', 'version'], unique=False)
    op.create_table('documents',
    sa.Column('client_id', sa.Uuid(), nullable=False),
    sa.Column('plan_id', sa.Uuid(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('lang', sa.String(length=8), nullable=False),
    sa.Column('document_number', sa.String(length=40), nullable=False),
    sa.Column('plan_version', sa.Integer(), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('created_by', sa.String(length=60), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_documents_client_id_clients')),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_documents_plan_id_plans')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents'))
    )
    op.create_index('ix_documents_client_created', 'documents', ['client_id', 'created_at'], unique=False)
    op.create_index(op.f('ix_documents_document_number'), 'documents', ['document_number'], unique=False)
    op.create_index(op.f('ix_documents_plan_id'), 'documents', ['plan_id'], unique=False)
    op.create_table('plan_allocations',
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('asset_class', sa.String(length=24), nullable=False),
    sa.Column('weight', sa.BigInteger(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_plan_allocations_plan_id_plans')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_allocations')),
    sa.UniqueConstraint('plan_id', 'asset_class', name=op.f('uq_plan_allocations_plan_id'))
    )
    op.create_table('plan_cash_flows',
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('start_year', sa.Integer(), nullable=False),
    sa.Column('end_year', sa.Integer(), nullable=True),
    sa.Column('real', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_plan_cash_flows_plan_id_plans')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_cash_flows'))
    )
    op.create_index(op.f('ix_plan_cash_flows_plan_id'), 'plan_cash_flows', ['plan_id'], unique=False)
    op.create_table('plan_goals',
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('target_amount', sa.BigInteger(), nullable=False),
    sa.Column('target_year', sa.Integer(), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('earmarked', sa.BigInteger(), nullable=False),
    sa.Column('real', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_plan_goals_plan_id_plans')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_goals'))
    )
    op.create_index(op.f('ix_plan_goals_plan_id'), 'plan_goals', ['plan_id'], unique=False)
    op.create_table('plan_recommendations',
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('instrument_id', sa.Uuid(), nullable=False),
    sa.Column('amount_cny', sa.BigInteger(), nullable=False),
    sa.Column('rationale', sa.Text(), nullable=False),
    sa.Column('suitability', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['instrument_id'], ['instruments.id'], name=op.f('fk_plan_recommendations_instrument_id_instruments')),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_plan_recommendations_plan_id_plans')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_recommendations'))
    )
    op.create_index(op.f('ix_plan_recommendations_plan_id'), 'plan_recommendations', ['plan_id'], unique=False)


def downgrade() -> None:
    raise NotImplementedError("vaults only move forward; restore a backup to go back")
