"""Section 11 rounds and case audits: rounds, cases, agencies' returns, ratings, comments

Revision ID: audit_rounds
Revises: agencies
"""

import sqlalchemy as sa
from alembic import op

revision = "audit_rounds"
down_revision = "agencies"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_round",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("theme", sa.String(length=120), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("definition_json", sa.JSON(), nullable=False),
        sa.Column("definition_sha256", sa.String(length=64), nullable=False),
        sa.Column("opened_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "audit_case",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("round_id", sa.Integer(), sa.ForeignKey("audit_round.id"), nullable=False),
        sa.Column("reference", sa.String(length=40), nullable=False),
        sa.Column("findings", sa.Text(), nullable=True),
        sa.Column("learning", sa.Text(), nullable=True),
        sa.Column("panel_done_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("round_id", "reference", name="uq_audit_case_ref"),
    )
    op.create_table(
        "audit_return",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("round_id", sa.Integer(), sa.ForeignKey("audit_round.id"), nullable=False),
        sa.Column("agency_id", sa.Integer(), sa.ForeignKey("agency.id"), nullable=False),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("audit_case.id"), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("submitted_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.UniqueConstraint("round_id", "agency_id", "case_id", name="uq_audit_return"),
    )
    op.create_index("ix_audit_return_round_id", "audit_return", ["round_id"])
    op.create_index("ix_audit_return_agency_id", "audit_return", ["agency_id"])
    op.create_table(
        "audit_rating",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("return_id", sa.Integer(), sa.ForeignKey("audit_return.id"), nullable=False),
        sa.Column("question_id", sa.String(length=64), nullable=False),
        sa.Column("rating", sa.String(length=32), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.Column("actions", sa.Text(), nullable=True),
        sa.Column("agreed_rating", sa.String(length=32), nullable=True),
        sa.Column("agreed_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("agreed_at", sa.DateTime(), nullable=True),
        sa.UniqueConstraint("return_id", "question_id", name="uq_audit_rating"),
    )
    op.create_index("ix_audit_rating_return_id", "audit_rating", ["return_id"])
    op.create_table(
        "audit_comment",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("return_id", sa.Integer(), sa.ForeignKey("audit_return.id"), nullable=False),
        sa.Column("question_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("author_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_audit_comment_return_id", "audit_comment", ["return_id"])


def downgrade() -> None:
    op.drop_index("ix_audit_comment_return_id", "audit_comment")
    op.drop_table("audit_comment")
    op.drop_index("ix_audit_rating_return_id", "audit_rating")
    op.drop_table("audit_rating")
    op.drop_index("ix_audit_return_agency_id", "audit_return")
    op.drop_index("ix_audit_return_round_id", "audit_return")
    op.drop_table("audit_return")
    op.drop_table("audit_case")
    op.drop_table("audit_round")
