"""answer (response_id, question_id) index for outcome statements

Revision ID: outcome_indexes
Revises: 0001
"""

from alembic import op

revision = "outcome_indexes"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.create_index("ix_answer_response_question", ["response_id", "question_id"])


def downgrade() -> None:
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.drop_index("ix_answer_response_question")
