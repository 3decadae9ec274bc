"""safeguarding records that last: alerts outlive their response, ids are never reused,
and a used submission token stays used

Revision ID: safeguarding_records
Revises: reading_list

On SQLite the alert table is rebuilt (batch mode) with AUTOINCREMENT, so a deleted
alert's id is never given again. Rebuilding drops the old table, and with foreign keys
on (as `heard init-db` runs) SQLite would delete every alert note with it (ON DELETE
CASCADE): the tables that point at alerts are put aside first and put back after.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from alembic.operations import BatchOperations

from feedback.migrations.sqlite_rebuild import rows_pointing_at

revision = "safeguarding_records"
down_revision = "reading_list"
branch_labels = None
depends_on = None

CLOSED = "('actioned', 'no_further_action')"
FK_RESPONSE = "fk_concern_alert_response_id_response"
FK_ANSWER = "fk_concern_alert_answer_id_answer"
FK_TOKEN = "fk_submission_token_response_id_response"


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def _alert_foreign_keys(batch: BatchOperations, ondelete: str) -> None:
    batch.drop_constraint(FK_RESPONSE, type_="foreignkey")
    batch.drop_constraint(FK_ANSWER, type_="foreignkey")
    batch.create_foreign_key(FK_RESPONSE, "response", ["response_id"], ["id"], ondelete=ondelete)
    batch.create_foreign_key(FK_ANSWER, "answer", ["answer_id"], ["id"], ondelete=ondelete)


def _token_foreign_key(batch: BatchOperations, ondelete: str) -> None:
    batch.drop_constraint(FK_TOKEN, type_="foreignkey")
    batch.create_foreign_key(FK_TOKEN, "response", ["response_id"], ["id"], ondelete=ondelete)


def upgrade() -> None:
    with (
        rows_pointing_at("concern_alert"),
        op.batch_alter_table(
            "concern_alert",
            recreate="always" if _sqlite() else "auto",
            table_kwargs={"sqlite_autoincrement": True},
        ) as batch,
    ):
        batch.add_column(sa.Column("closed_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("response_removed_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("response_removed_reason", sa.String(20), nullable=True))
        batch.add_column(sa.Column("record", sa.JSON(), nullable=True))
        batch.alter_column("response_id", existing_type=sa.Integer(), nullable=True)
        _alert_foreign_keys(batch, "SET NULL")
    # A closed alert's retention runs from when it was closed: the latest closing note.
    op.execute(
        "UPDATE concern_alert SET closed_at = COALESCE("
        "(SELECT MAX(alert_note.at) FROM alert_note WHERE alert_note.alert_id = "
        f"concern_alert.id AND alert_note.new_state IN {CLOSED}), updated_at) "
        f"WHERE state IN {CLOSED}"
    )
    with op.batch_alter_table("submission_token") as batch:
        batch.alter_column("response_id", existing_type=sa.Integer(), nullable=True)
        _token_foreign_key(batch, "SET NULL")


def downgrade() -> None:
    kept = op.get_bind().scalar(
        sa.text("SELECT COUNT(*) FROM concern_alert WHERE response_id IS NULL")
    )
    if kept:
        # The older schema deletes an alert with its response: these are the only copy
        # of what a child wrote, so refuse rather than lose them.
        raise RuntimeError(
            f"{kept} alerts are kept as safeguarding records after their response went; "
            "the older schema cannot hold them. Keep this version."
        )
    op.execute("DELETE FROM submission_token WHERE response_id IS NULL")
    with op.batch_alter_table("submission_token") as batch:
        _token_foreign_key(batch, "CASCADE")
        batch.alter_column("response_id", existing_type=sa.Integer(), nullable=False)
    with (
        rows_pointing_at("concern_alert"),
        op.batch_alter_table(
            "concern_alert",
            recreate="always" if _sqlite() else "auto",
            table_kwargs={"sqlite_autoincrement": False},
        ) as batch,
    ):
        _alert_foreign_keys(batch, "CASCADE")
        batch.alter_column("response_id", existing_type=sa.Integer(), nullable=False)
        batch.drop_column("record")
        batch.drop_column("response_removed_reason")
        batch.drop_column("response_removed_at")
        batch.drop_column("closed_at")
