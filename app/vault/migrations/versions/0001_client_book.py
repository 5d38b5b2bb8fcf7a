"""The client book: clients, households, identity documents, consents, notes,
the audit chain, the outbox and the vault's own facts.

Revision ID: 0001_client_book
Revises: (none)
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_client_book"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_events',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=True),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('actor', sa.String(length=60), nullable=False),
    sa.Column('device', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('subject', sa.String(length=80), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_audit_events')),
    sa.UniqueConstraint('id', name=op.f('uq_audit_events_id'))
    )

    op.create_table('clients',
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('name_pinyin', sa.String(length=240), nullable=False),
    sa.Column('name_initials', sa.String(length=60), nullable=False),
    sa.Column('search_keys', sa.Text(), nullable=False),
    sa.Column('gender', sa.String(length=1), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('lunar_birth_month', sa.Integer(), nullable=True),
    sa.Column('lunar_birth_day', sa.Integer(), nullable=True),
    sa.Column('lunar_birth_leap', sa.Boolean(), nullable=False),
    sa.Column('mobile', sa.String(length=20), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('address', sa.String(length=400), nullable=True),
    sa.Column('city', sa.String(length=60), nullable=True),
    sa.Column('occupation', sa.String(length=120), nullable=True),
    sa.Column('employer', sa.String(length=200), nullable=True),
    sa.Column('source_of_wealth', sa.String(length=200), nullable=True),
    sa.Column('preferred_channel', sa.String(length=20), nullable=True),
    sa.Column('preferred_language', sa.String(length=10), nullable=True),
    sa.Column('relationship_manager', sa.String(length=60), nullable=True),
    sa.Column('onboarded_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('needs', sa.Text(), nullable=True),
    sa.Column('preferences', sa.Text(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clients'))
    )
    with op.batch_alter_table('clients', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clients_mobile'), ['mobile'], unique=False)
        batch_op.create_index(batch_op.f('ix_clients_name'), ['name'], unique=False)

    op.create_table('outbox',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('op_id', sa.Uuid(), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('op', sa.String(length=8), nullable=False),
    sa.Column('base_rev', sa.Integer(), nullable=True),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_outbox')),
    sa.UniqueConstraint('op_id', name=op.f('uq_outbox_op_id'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_row_id'), ['row_id'], unique=False)

    op.create_table('vault_meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_vault_meta'))
    )

    op.create_table('consents',
    sa.Column('client_id', sa.Uuid(), nullable=False),
    sa.Column('purpose', sa.String(length=40), nullable=False),
    sa.Column('method', sa.String(length=40), nullable=False),
    sa.Column('proof_ref', sa.String(length=120), nullable=True),
    sa.Column('granted_at', sa.String(length=32), nullable=False),
    sa.Column('expires_at', sa.String(length=32), nullable=True),
    sa.Column('withdrawn_at', sa.String(length=32), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_consents_client_id_clients')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consents'))
    )
    with op.batch_alter_table('consents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consents_client_id'), ['client_id'], unique=False)

    op.create_table('household_members',
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('member_id', sa.Uuid(), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['household_id'], ['clients.id'], name=op.f('fk_household_members_household_id_clients')),
    sa.ForeignKeyConstraint(['member_id'], ['clients.id'], name=op.f('fk_household_members_member_id_clients')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_household_members')),
    sa.UniqueConstraint('household_id', 'member_id', name=op.f('uq_household_members_household_id'))
    )
    with op.batch_alter_table('household_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_household_members_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_household_members_member_id'), ['member_id'], unique=False)

    op.create_table('identity_documents',
    sa.Column('client_id', sa.Uuid(), nullable=False),
    sa.Column('doc_type', sa.String(length=32), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('expires_on', sa.Date(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_identity_documents_client_id_clients')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_identity_documents'))
    )
    with op.batch_alter_table('identity_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_identity_documents_client_id'), ['client_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_identity_documents_number'), ['number'], unique=False)

    op.create_table('notes',
    sa.Column('client_id', sa.Uuid(), nullable=False),
    sa.Column('written_at', sa.String(length=32), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_notes_client_id_clients')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notes'))
    )
    with op.batch_alter_table('notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notes_client_id'), ['client_id'], unique=False)


def downgrade() -> None:
    raise NotImplementedError("vaults only move forward; restore a backup to go back")
