"""Administration: users, surveys, campaigns, the audit log."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

# Views live in modules of this package, imported here so they attach to `bp`.
from feedback.admin import (  # noqa: E402, F401
    agencies,
    audit_log,
    campaigns,
    preview,
    settings,
    surveys,
    translations,
    users,
)
