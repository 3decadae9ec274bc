"""a case audit panel's agreed grade per case and question

Revision ID: audit_case_grades
Revises: audit_rounds
"""

import sqlalchemy as sa
from alembic import op

revision = "audit_case_grades"
down_revision = "audit_rounds"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_case_grade",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("audit_case.id"), nullable=False),
        sa.Column("question_id", sa.String(length=64), nullable=False),
        sa.Column("grade", sa.String(length=32), nullable=False),
        sa.UniqueConstraint("case_id", "question_id", name="uq_audit_case_grade"),
    )
    op.create_index("ix_audit_case_grade_case_id", "audit_case_grade", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_audit_case_grade_case_id", "audit_case_grade")
    op.drop_table("audit_case_grade")
