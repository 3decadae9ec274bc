"""focus-group sessions and per-quote consent

Revision ID: focus_groups
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "focus_groups"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "focus_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("response_id", sa.Integer(), nullable=False),
        sa.Column("facilitator", sa.String(length=200), nullable=False),
        sa.Column("themes_reviewed_at", sa.DateTime(), nullable=True),
        sa.Column("reviewed_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["response_id"], ["response.id"],
            name=op.f("fk_focus_session_response_id_response"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_by_id"], ["user.id"],
            name=op.f("fk_focus_session_reviewed_by_id_user"), ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_focus_session")),
        sa.UniqueConstraint("response_id", name=op.f("uq_focus_session_response_id")),
    )
    op.create_table(
        "focus_quote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("response_id", sa.Integer(), nullable=False),
        sa.Column("answer_id", sa.Integer(), nullable=False),
        sa.Column("prompt_id", sa.String(length=64), nullable=True),
        sa.Column("consent", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["answer_id"], ["answer.id"],
            name=op.f("fk_focus_quote_answer_id_answer"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["response_id"], ["response.id"],
            name=op.f("fk_focus_quote_response_id_response"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_focus_quote")),
        sa.UniqueConstraint("answer_id", name=op.f("uq_focus_quote_answer_id")),
    )
    op.create_index(
        op.f("ix_focus_quote_response_id"), "focus_quote", ["response_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_focus_quote_response_id"), table_name="focus_quote")
    op.drop_table("focus_quote")
    op.drop_table("focus_session")
