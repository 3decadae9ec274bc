"""the partnership's evidence: priorities and indicators versions, dataset figures, actions

Revision ID: evidence_dataset_actions
Revises: audit_case_grades
"""

import sqlalchemy as sa
from alembic import op

revision = "evidence_dataset_actions"
down_revision = "audit_case_grades"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "evidence_definition",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("created_by_id", sa.Integer(), sa.ForeignKey("user.id", ondelete="SET NULL")),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("kind", "number", name="uq_evidence_definition_kind_number"),
    )
    op.create_table(
        "indicator_value",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("indicator", sa.String(length=60), nullable=False),
        sa.Column("period", sa.String(length=16), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("imported_by_id", sa.Integer(), sa.ForeignKey("user.id", ondelete="SET NULL")),
        sa.UniqueConstraint("indicator", "period", name="uq_indicator_value_indicator_period"),
    )
    op.create_index("ix_indicator_value_indicator", "indicator_value", ["indicator"])
    op.create_table(
        "action",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("owner_agency_id", sa.Integer(), sa.ForeignKey("agency.id"), nullable=False),
        sa.Column("owner_person", sa.String(length=120), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("source_kind", sa.String(length=20), nullable=False),
        sa.Column("source_ref", sa.String(length=120), nullable=False),
        sa.Column("priority", sa.String(length=60)),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("dropped_reason", sa.Text()),
        sa.Column("published", sa.Boolean(), nullable=False),
        sa.Column("public_text", sa.Text()),
        sa.Column("public_audience", sa.String(length=20)),
        sa.Column("created_by_id", sa.Integer(), sa.ForeignKey("user.id", ondelete="SET NULL")),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_action_owner_agency_id", "action", ["owner_agency_id"])
    op.create_index("ix_action_source_ref", "action", ["source_ref"])
    op.create_index("ix_action_priority", "action", ["priority"])
    op.create_table(
        "action_update",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "action_id",
            sa.Integer(),
            sa.ForeignKey("action.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by_id", sa.Integer(), sa.ForeignKey("user.id", ondelete="SET NULL")),
        sa.Column("status", sa.String(length=20)),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text()),
    )
    op.create_index("ix_action_update_action_id", "action_update", ["action_id"])
    # The analysts' story gains a scope per priority ("priority-" and an id of up to 60
    # characters). SQLite does not enforce a VARCHAR's length, so only others change.
    if op.get_bind().dialect.name != "sqlite":
        op.alter_column(
            "story_entry", "scope", type_=sa.String(length=80), existing_nullable=False
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.alter_column(
            "story_entry", "scope", type_=sa.String(length=20), existing_nullable=False
        )
    op.drop_table("action_update")
    op.drop_table("action")
    op.drop_table("indicator_value")
    op.drop_table("evidence_definition")
