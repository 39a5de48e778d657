"""Dated facts: per-fact provenance and capacity on venues; who and how on staff checks.

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-02

``venue.checked`` held the day the catalogue was compiled, not a check: renamed to ``compiled``.
``venue_correction`` rows become staff checks: ``checked_by`` / ``checked_how`` say who confirmed the fact
and how (电话核实, 现场核实 …); ``changed`` is false for a confirmation that keeps the catalogue's value.
Existing rows were corrections entered with their own check date, so they keep it with ``changed`` true.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # RENAME COLUMN is plain SQL on both SQLite (3.25+) and PostgreSQL; no table rebuild, foreign keys intact.
    op.execute("ALTER TABLE venue RENAME COLUMN checked TO compiled")
    op.add_column("venue", sa.Column("facts", sa.JSON(), nullable=True))
    op.add_column("venue", sa.Column("capacity", sa.JSON(), nullable=True))
    op.add_column(
        "venue_correction", sa.Column("checked_by", sa.String(100), nullable=False, server_default="")
    )
    op.add_column(
        "venue_correction", sa.Column("checked_how", sa.String(100), nullable=False, server_default="")
    )
    op.add_column(
        "venue_correction", sa.Column("changed", sa.Boolean(), nullable=False, server_default=sa.true())
    )


def downgrade() -> None:
    with op.batch_alter_table("venue_correction") as batch:
        batch.drop_column("changed")
        batch.drop_column("checked_how")
        batch.drop_column("checked_by")
    with op.batch_alter_table("venue") as batch:
        batch.drop_column("capacity")
        batch.drop_column("facts")
    op.execute("ALTER TABLE venue RENAME COLUMN compiled TO checked")
