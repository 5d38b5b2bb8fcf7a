"""Alembic environment: runs on the already-open, keyed vault connection.

The connection is handed over in ``config.attributes["connection"]``; there is no URL,
because a URL cannot carry the raw key. Batch mode, because SQLite barely supports ALTER.
"""

from alembic import context

from app.vault.models import Base
from app.vault.search_index import not_fts_table

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_name=not_fts_table,  # the FTS5 tables are made in SQL, not models
)
with context.begin_transaction():
    context.run_migrations()
