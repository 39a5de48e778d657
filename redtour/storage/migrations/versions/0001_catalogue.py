"""Venue catalogue, local corrections and database metadata.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "venue",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name_zh", sa.String(200), nullable=False),
        sa.Column("name_en", sa.String(300), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("district", sa.String(20)),
        sa.Column("address", sa.String(400)),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("location", sa.JSON()),
        sa.Column("hours", sa.JSON()),
        sa.Column("reservation", sa.JSON()),
        sa.Column("max_group_size", sa.Integer()),
        sa.Column("phone", sa.String(100)),
        sa.Column("fee", sa.String(200)),
        sa.Column("visit_minutes", sa.Integer()),
        sa.Column("history", sa.Text()),
        sa.Column("status_note", sa.Text()),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("in_notice", sa.Boolean(), nullable=False),
        sa.Column("checked", sa.Date()),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_venue_district", "venue", ["district"])
    op.create_table(
        "venue_correction",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("venue_id", sa.String(64), sa.ForeignKey("venue.id", ondelete="CASCADE"), nullable=False),
        sa.Column("fact", sa.String(40), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.Column("checked", sa.Date()),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("venue_id", "fact", name="uq_venue_correction_fact"),
    )
    op.create_index("ix_venue_correction_venue_id", "venue_correction", ["venue_id"])
    op.create_table(
        "app_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("app_meta")
    op.drop_index("ix_venue_correction_venue_id", "venue_correction")
    op.drop_table("venue_correction")
    op.drop_index("ix_venue_district", "venue")
    op.drop_table("venue")
