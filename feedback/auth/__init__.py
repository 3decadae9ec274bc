"""Staff sign-in: Flask-Login sessions and the role-required lock."""

from feedback.auth import invite  # noqa: F401  (its /invite/<token> page attaches to bp)
from feedback.auth.roles import role_required
from feedback.auth.views import bp

__all__ = ["bp", "role_required"]
