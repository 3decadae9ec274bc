"""user.session_nonce: staff sessions that the server can end

Revision ID: user_session_nonce
Revises: safeguarding_records
"""

import sqlalchemy as sa
from alembic import op

revision = "user_session_nonce"
down_revision = "safeguarding_records"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing accounts start with an empty nonce; the first sign-out or change sets one.
    with op.batch_alter_table("user") as batch:
        batch.add_column(
            sa.Column("session_nonce", sa.String(length=32), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("user") as batch:
        batch.drop_column("session_nonce")
