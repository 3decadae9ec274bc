"""story_entry: the analysts' story for the Board report, per period, scope and heading

Revision ID: story_entries
Revises: user_session_nonce
"""

import sqlalchemy as sa
from alembic import op

revision = "story_entries"
# Both heads of the tree when this was written, so the tree has one head again.
down_revision = "user_session_nonce"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "story_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=16), nullable=False),
        sa.Column("scope", sa.String(length=20), nullable=False),
        sa.Column("heading", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["user.id"],
            name=op.f("fk_story_entry_author_id_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_story_entry")),
        sa.UniqueConstraint("period", "scope", "heading", name=op.f("uq_story_entry_period")),
    )
    op.create_index(op.f("ix_story_entry_updated_at"), "story_entry", ["updated_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_story_entry_updated_at"), table_name="story_entry")
    op.drop_table("story_entry")
