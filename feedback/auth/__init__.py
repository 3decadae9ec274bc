"""Staff sign-in: Flask-Login sessions, second factors, single sign-on and the role lock."""

# Each module attaches its pages to bp.
from feedback.auth import invite, oidc, second_factor, security  # noqa: F401
from feedback.auth.roles import role_required
from feedback.auth.views import bp

__all__ = ["bp", "role_required"]
