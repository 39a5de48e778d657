"""Alembic environment, driven from redtour.storage.migrate (never from the alembic CLI alone).

The caller passes an open Connection in ``config.attributes["connection"]``. On SQLite the caller has
already switched foreign keys OFF (batch mode re-creates tables, and with FKs on a CASCADE would delete
child rows — reliability.md §1.4) and checks ``PRAGMA foreign_key_check`` before committing.
"""

from alembic import context

import redtour.storage.campaign_rows  # noqa: F401 - registers the campaign tables on Base
from redtour.storage.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
