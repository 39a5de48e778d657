"""Holiday years entered by staff (the bundled official years live in resources/catalogue/holidays.toml).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "holiday_year",
        sa.Column("year", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("notice_no", sa.String(100), nullable=False, server_default=""),
        sa.Column("notice_url", sa.String(500), nullable=False, server_default=""),
        sa.Column("entered_by", sa.String(100), nullable=False),
        sa.Column("entered_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("holiday_year")
