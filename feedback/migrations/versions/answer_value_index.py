"""drop the full (question_id, value) index on answers

PostgreSQL refuses an index entry over about 2,700 bytes, so a long free-text answer
(5,000 characters, or fewer in a non-Latin script) could not be stored at all. The
partial covering indexes of outcome_value_indexes serve the same queries and hold only
short (choice) values.

Revision ID: answer_value_index
Revises: outcome_value_indexes
"""

from alembic import op

revision = "answer_value_index"
down_revision = "outcome_value_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.drop_index("ix_answer_question_value")


def downgrade() -> None:
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.create_index("ix_answer_question_value", ["question_id", "value"])
