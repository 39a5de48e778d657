"""Participation: unions, participants, tour groups, visits, import batches, audit log.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30

The visit table carries covering indexes, one per statistics dimension, each with participant_id second:
COUNT(DISTINCT participant_id) over 1M visits then reads one index in order (benchmarks/bench_participation.py).
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

VISIT_INDEXES = {
    "ix_visit_union_stats": ["union_id", "participant_id", "day", "venue_id"],
    "ix_visit_venue_stats": ["venue_id", "participant_id", "day", "union_id"],
    "ix_visit_month_stats": ["month", "participant_id", "day", "venue_id", "union_id"],
    "ix_visit_day_stats": ["day", "participant_id", "venue_id", "union_id"],
}


def upgrade() -> None:
    op.create_table(
        "trade_union",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("parent_id", sa.Integer(), sa.ForeignKey("trade_union.id", ondelete="RESTRICT")),
        sa.Column("created", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "participant",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column(
            "union_id", sa.Integer(), sa.ForeignKey("trade_union.id", ondelete="RESTRICT"), nullable=False
        ),
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("mobile", sa.String(11)),
        sa.Column("work_unit", sa.String(200), nullable=False, server_default=""),
        sa.Column("employee_no", sa.String(40), nullable=False, server_default=""),
        sa.Column("id_number", sa.String(18), unique=True),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("updated", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_participant_union_id", "participant", ["union_id"])
    op.create_index("ix_participant_mobile", "participant", ["mobile"])
    # One person per (name, mobile): the duplicate key of reliability.md §2.8, enforced by the database.
    op.create_index("uq_participant_name_mobile", "participant", ["name", "mobile"], unique=True)
    op.create_table(
        "tour_group",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column(
            "union_id", sa.Integer(), sa.ForeignKey("trade_union.id", ondelete="RESTRICT"), nullable=False
        ),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("leader", sa.String(60), nullable=False, server_default=""),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("plan_id", sa.Integer(), sa.ForeignKey("plan.id", ondelete="SET NULL")),
        sa.Column("venue_ids", sa.JSON(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_tour_group_union_id", "tour_group", ["union_id"])
    op.create_index("ix_tour_group_day", "tour_group", ["day"])
    op.create_table(
        "group_member",
        sa.Column(
            "group_id", sa.Integer(), sa.ForeignKey("tour_group.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column(
            "participant_id",
            sa.Integer(),
            sa.ForeignKey("participant.id", ondelete="CASCADE"),
            primary_key=True,
        ),
    )
    op.create_index("ix_group_member_participant_id", "group_member", ["participant_id"])
    op.create_table(
        "visit",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column(
            "participant_id",
            sa.Integer(),
            sa.ForeignKey("participant.id", ondelete="RESTRICT"),
            nullable=False,
        ),
        sa.Column("venue_id", sa.String(64), sa.ForeignKey("venue.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column(
            "union_id", sa.Integer(), sa.ForeignKey("trade_union.id", ondelete="RESTRICT"), nullable=False
        ),
        sa.Column("group_id", sa.Integer(), sa.ForeignKey("tour_group.id", ondelete="SET NULL")),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("recorded", sa.DateTime(), nullable=False),
    )
    # A person visits a venue once a day: concurrent or repeated check-ins cannot double count.
    op.create_index("uq_visit_once_a_day", "visit", ["participant_id", "day", "venue_id"], unique=True)
    op.create_index("ix_visit_group_id", "visit", ["group_id"])
    for name, cols in VISIT_INDEXES.items():
        op.create_index(name, "visit", cols)
    op.create_table(
        "import_batch",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("file_name", sa.String(400), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("merged", sa.Integer(), nullable=False),
        sa.Column("skipped", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_import_batch_sha256", "import_batch", ["sha256"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log "
                "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
            )
    elif bind.dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
    for table in (
        "audit_log",
        "import_batch",
        "visit",
        "group_member",
        "tour_group",
        "participant",
        "trade_union",
    ):
        op.drop_table(table)
