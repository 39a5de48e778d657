"""Campaigns: unions and quotas, group requests, venue capacity facts, schedules, assignments, bookings.

Revision ID: 0007
Revises: 0003
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0005"
branch_labels = None
depends_on = None


def _fk(table: str, ondelete: str) -> sa.ForeignKey:
    return sa.ForeignKey(f"{table}.id", ondelete=ondelete)


def upgrade() -> None:
    op.create_table(
        "campaign",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=False),
        sa.Column("target", sa.Integer()),
        sa.Column("created", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "campaign_union",
        sa.Column("campaign_id", sa.Integer(), _fk("campaign", "CASCADE"), primary_key=True),
        sa.Column("union_id", sa.Integer(), _fk("trade_union", "RESTRICT"), primary_key=True),
        sa.Column("quota", sa.Integer()),
    )
    op.create_table(
        "campaign_request",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("campaign_id", sa.Integer(), _fk("campaign", "CASCADE"), nullable=False),
        sa.Column("union_id", sa.Integer(), _fk("trade_union", "RESTRICT"), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("people", sa.Integer(), nullable=False),
        sa.Column("earliest", sa.Date(), nullable=False),
        sa.Column("latest", sa.Date(), nullable=False),
        sa.Column("no_weekdays", sa.JSON(), nullable=False),
        sa.Column("must_venues", sa.JSON(), nullable=False),
        sa.Column("optional_venues", sa.JSON(), nullable=False),
        sa.Column("start_place", sa.JSON(), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("return_by", sa.Time(), nullable=False),
        sa.Column("leader", sa.String(60), nullable=False, server_default=""),
        sa.Column("phone", sa.String(20), nullable=False, server_default=""),
        sa.Column("split_ok", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("tour_group_id", sa.Integer(), _fk("tour_group", "SET NULL")),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("campaign_id", "union_id", "name", name="uq_campaign_request_name"),
    )
    op.create_index("ix_campaign_request_campaign_id", "campaign_request", ["campaign_id"])
    op.create_table(
        "venue_capacity",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("venue_id", sa.String(64), sa.ForeignKey("venue.id", ondelete="CASCADE"), nullable=False),
        sa.Column("fact", sa.String(32), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("checked", sa.Date()),
        sa.Column("said_by", sa.String(100), nullable=False, server_default=""),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("venue_id", "fact", name="uq_venue_capacity_fact"),
    )
    op.create_index("ix_venue_capacity_venue_id", "venue_capacity", ["venue_id"])
    op.create_table(
        "campaign_schedule",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("campaign_id", sa.Integer(), _fk("campaign", "CASCADE"), nullable=False),
        sa.Column("today", sa.Date(), nullable=False),
        sa.Column("optimal", sa.Boolean(), nullable=False),
        sa.Column("gap", sa.Float()),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_campaign_schedule_campaign_id", "campaign_schedule", ["campaign_id"])
    op.create_table(
        "campaign_assignment",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("request_id", sa.Integer(), _fk("campaign_request", "CASCADE"), nullable=False),
        sa.Column("part", sa.Integer(), nullable=False),
        sa.Column("people", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("stops", sa.JSON(), nullable=False),
        sa.Column("pinned", sa.Boolean(), nullable=False),
        sa.UniqueConstraint("request_id", "part", name="uq_campaign_assignment_part"),
    )
    op.create_index("ix_campaign_assignment_request_id", "campaign_assignment", ["request_id"])
    op.create_index("ix_campaign_assignment_day", "campaign_assignment", ["day"])
    op.create_table(
        "campaign_booking",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("request_id", sa.Integer(), _fk("campaign_request", "CASCADE"), nullable=False),
        sa.Column("part", sa.Integer(), nullable=False),
        sa.Column("venue_id", sa.String(64), sa.ForeignKey("venue.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("arrive", sa.Time(), nullable=False),
        sa.Column("depart", sa.Time(), nullable=False),
        sa.Column("people", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(8), nullable=False),
        sa.Column("reference", sa.String(100), nullable=False, server_default=""),
        sa.Column("confirmed_by", sa.String(100), nullable=False, server_default=""),
        sa.Column("deadline", sa.Date()),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_campaign_booking_request_id", "campaign_booking", ["request_id"])
    op.create_index("ix_campaign_booking_day", "campaign_booking", ["day"])
    op.create_table(
        "campaign_closure",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("campaign_id", sa.Integer(), _fk("campaign", "CASCADE"), nullable=False),
        sa.Column("venue_id", sa.String(64), sa.ForeignKey("venue.id", ondelete="CASCADE"), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("campaign_id", "venue_id", "day", name="uq_campaign_closure_day"),
    )
    op.create_index("ix_campaign_closure_campaign_id", "campaign_closure", ["campaign_id"])


def downgrade() -> None:
    for table in (
        "campaign_closure",
        "campaign_booking",
        "campaign_assignment",
        "campaign_schedule",
        "venue_capacity",
        "campaign_request",
        "campaign_union",
        "campaign",
    ):
        op.drop_table(table)
