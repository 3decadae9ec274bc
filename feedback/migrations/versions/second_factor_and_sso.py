"""second factors (TOTP, security keys, recovery codes) and single sign-on links

Revision ID: second_factor_and_sso
Revises: report_pdf_cache
"""

import sqlalchemy as sa
from alembic import op

revision = "second_factor_and_sso"
down_revision = "report_pdf_cache"
branch_labels = None
depends_on = None


def _user_fk() -> sa.ForeignKey:
    return sa.ForeignKey("user.id", ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "totp_secret",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), _user_fk(), nullable=False),
        sa.Column("secret", sa.String(length=64), nullable=False),
        sa.Column("last_step", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_totp_secret_user_id", "totp_secret", ["user_id"], unique=True)
    op.create_table(
        "security_key",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), _user_fk(), nullable=False),
        sa.Column("credential_id", sa.LargeBinary(length=1024), nullable=False),
        sa.Column("public_key", sa.LargeBinary(length=2048), nullable=False),
        sa.Column("sign_count", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_used_at", sa.DateTime(), nullable=True),
        sa.UniqueConstraint("credential_id", name="uq_security_key_credential_id"),
    )
    op.create_index("ix_security_key_user_id", "security_key", ["user_id"])
    op.create_table(
        "recovery_code",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), _user_fk(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_recovery_code_user_id", "recovery_code", ["user_id"])
    # Plain ADD COLUMN and a unique index: on SQLite a batch rebuild of "user" would drop
    # the table under foreign keys that point at it (audit rows, invitations).
    op.add_column("user", sa.Column("oidc_issuer", sa.String(length=255), nullable=True))
    op.add_column("user", sa.Column("oidc_subject", sa.String(length=255), nullable=True))
    op.create_index("ix_user_oidc", "user", ["oidc_issuer", "oidc_subject"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_user_oidc", "user")
    with op.batch_alter_table("user") as batch:
        batch.drop_column("oidc_subject")
        batch.drop_column("oidc_issuer")
    op.drop_table("recovery_code")
    op.drop_table("security_key")
    op.drop_table("totp_secret")
