"""focus-group drafts: a session record half typed in, kept on the server

Revision ID: focus_drafts
Revises: evidence_dataset_actions
"""

import sqlalchemy as sa
from alembic import op

revision = "focus_drafts"
down_revision = "evidence_dataset_actions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "focus_draft",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "user_id",
            sa.Integer(),
            sa.ForeignKey("user.id", ondelete="CASCADE", name="fk_focus_draft_user_id"),
            nullable=False,
        ),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("user_id", name="uq_focus_draft_user_id"),
    )


def downgrade() -> None:
    op.drop_table("focus_draft")
