"""Alembic migrations of the vault schema; run at every unlock (see ``app.vault.migrate``)."""
