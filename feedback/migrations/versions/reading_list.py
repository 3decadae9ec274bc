"""the lead's reading list: a decision per text; where each alert came from and who raised it

Revision ID: reading_list
Revises: text_model_scores
"""

import sqlalchemy as sa
from alembic import op

from feedback.migrations.sqlite_rebuild import rows_pointing_at

revision = "reading_list"
down_revision = "text_model_scores"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reading_decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("answer_id", sa.Integer(), nullable=False),
        sa.Column("response_id", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(length=12), nullable=False),
        sa.Column("alert_id", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.Column("bulk", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["answer_id"], ["answer.id"],
            name=op.f("fk_reading_decision_answer_id_answer"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["response_id"], ["response.id"],
            name=op.f("fk_reading_decision_response_id_response"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["alert_id"], ["concern_alert.id"],
            name=op.f("fk_reading_decision_alert_id_concern_alert"), ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"],
            name=op.f("fk_reading_decision_user_id_user"), ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reading_decision")),
        sa.UniqueConstraint("answer_id", name=op.f("uq_reading_decision_answer_id")),
    )
    op.create_index(
        op.f("ix_reading_decision_response_id"), "reading_decision", ["response_id"]
    )
    op.create_index(
        op.f("ix_reading_decision_decided_at"), "reading_decision", ["decided_at"]
    )
    # Adding a foreign key rebuilds the alert table on SQLite: keep its notes meanwhile.
    with rows_pointing_at("concern_alert"), op.batch_alter_table("concern_alert") as batch_op:
        # Every alert before this revision was raised by the analyser.
        batch_op.add_column(
            sa.Column(
                "source", sa.String(length=12), nullable=False, server_default="analyser"
            )
        )
        batch_op.add_column(sa.Column("raised_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_concern_alert_raised_by_id_user"),
            "user",
            ["raised_by_id"],
            ["id"],
            ondelete="SET NULL",
        )
        # The reading list asks "has this text an alert?" of every text it shows.
        batch_op.create_index(op.f("ix_concern_alert_answer_id"), ["answer_id"])


def downgrade() -> None:
    with rows_pointing_at("concern_alert"), op.batch_alter_table("concern_alert") as batch_op:
        batch_op.drop_index(op.f("ix_concern_alert_answer_id"))
        batch_op.drop_constraint(op.f("fk_concern_alert_raised_by_id_user"), type_="foreignkey")
        batch_op.drop_column("raised_by_id")
        batch_op.drop_column("source")
    op.drop_index(op.f("ix_reading_decision_decided_at"), table_name="reading_decision")
    op.drop_index(op.f("ix_reading_decision_response_id"), table_name="reading_decision")
    op.drop_table("reading_decision")
