"""report_pdf: printed Board reports, so a second download is instant

Revision ID: report_pdf_cache
Revises: story_entries
"""

import sqlalchemy as sa
from alembic import op

revision = "report_pdf_cache"
down_revision = "story_entries"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_pdf",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("period", sa.String(length=16), nullable=False),
        sa.Column("data_version", sa.String(length=64), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_pdf")),
        sa.UniqueConstraint("key", name=op.f("uq_report_pdf_key")),
    )
    op.create_index(op.f("ix_report_pdf_data_version"), "report_pdf", ["data_version"])


def downgrade() -> None:
    op.drop_index(op.f("ix_report_pdf_data_version"), table_name="report_pdf")
    op.drop_table("report_pdf")
