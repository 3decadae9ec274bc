"""partner agencies, and the agency a member of staff (or an invitation) belongs to

Revision ID: agencies
Revises: second_factor_and_sso
"""

import sqlalchemy as sa
from alembic import op

revision = "agencies"
down_revision = "second_factor_and_sso"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agency",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("sector", sa.String(length=40), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("name", name="uq_agency_name"),
    )
    # A plain ADD COLUMN with its reference: SQLite accepts REFERENCES on a nullable new
    # column (Alembic's add_column refuses it there), and a batch rebuild of "user" would
    # drop the table under the foreign keys that point at it.
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in ("user", "invitation"):
        if sqlite:
            op.execute(f'ALTER TABLE "{table}" ADD COLUMN agency_id INTEGER REFERENCES agency (id)')
        else:
            op.add_column(table, sa.Column("agency_id", sa.Integer(), nullable=True))
            op.create_foreign_key(f"fk_{table}_agency_id", table, "agency", ["agency_id"], ["id"])


def downgrade() -> None:
    for table in ("invitation", "user"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("agency_id")
    op.drop_table("agency")
