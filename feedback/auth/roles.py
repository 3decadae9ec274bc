"""The lock every staff route uses."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import abort, redirect, url_for
from flask_login import current_user, login_required

F = TypeVar("F", bound=Callable[..., Any])


def role_required(*roles: str) -> Callable[[F], F]:
    """Allow signed-in users whose role is one of `roles`; others get 403, strangers a login."""

    def decorate(view: F) -> F:
        @wraps(view)
        @login_required
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not current_user.has_role(*roles):
                abort(403)
            from feedback.services.people.second_factor import blocked

            if blocked(current_user):
                # Admins and leads must set up a second factor before their pages open.
                return redirect(url_for("auth.security"))
            return view(*args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorate
