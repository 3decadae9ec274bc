"""the learned text model's concern score on each analysis and alert; merges the heads

Revision ID: text_model_scores
Revises: answer_value_index, focus_groups
"""

import sqlalchemy as sa
from alembic import op

revision = "text_model_scores"
down_revision = ("answer_value_index", "focus_groups")
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("text_analysis", schema=None) as batch_op:
        batch_op.add_column(sa.Column("concern_score", sa.Float(), nullable=True))
    with op.batch_alter_table("concern_alert", schema=None) as batch_op:
        batch_op.add_column(sa.Column("score", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("model_words", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("concern_alert", schema=None) as batch_op:
        batch_op.drop_column("model_words")
        batch_op.drop_column("score")
    with op.batch_alter_table("text_analysis", schema=None) as batch_op:
        batch_op.drop_column("concern_score")
