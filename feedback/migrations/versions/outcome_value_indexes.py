"""partial covering indexes for outcome counts, replacing (response_id, question_id)

Revision ID: outcome_value_indexes
Revises: outcome_indexes
"""

import sqlalchemy as sa
from alembic import op

revision = "outcome_value_indexes"
down_revision = "outcome_indexes"
branch_labels = None
depends_on = None

# Must match feedback.models.outcome_indexes.SHORT_VALUE and the queries that use it.
SHORT = sa.text("length(value) <= 200")


def upgrade() -> None:
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.drop_index("ix_answer_response_question")
        batch_op.create_index(
            "ix_answer_outcome_values",
            ["question_id", "value", "response_id"],
            sqlite_where=SHORT,
            postgresql_where=SHORT,
        )
        batch_op.create_index(
            "ix_answer_response_values",
            ["response_id", "question_id", "value"],
            sqlite_where=SHORT,
            postgresql_where=SHORT,
        )


def downgrade() -> None:
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.drop_index("ix_answer_response_values")
        batch_op.drop_index("ix_answer_outcome_values")
        batch_op.create_index("ix_answer_response_question", ["response_id", "question_id"])
