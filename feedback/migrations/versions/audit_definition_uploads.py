"""audit definitions uploaded by admins, versioned per slug (issue 16)

Revision ID: audit_definition_uploads
Revises: focus_drafts
"""

import sqlalchemy as sa
from alembic import op

revision = "audit_definition_uploads"
down_revision = "focus_drafts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_definition",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("slug", sa.String(100), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("round_kind", sa.String(20), nullable=False),
        sa.Column("definition_json", sa.JSON(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column(
            "created_by_id",
            sa.Integer(),
            sa.ForeignKey("user.id", name="fk_audit_definition_created_by_id_user"),
            nullable=True,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("slug", "number", name="uq_audit_definition_slug_number"),
    )


def downgrade() -> None:
    op.drop_table("audit_definition")
