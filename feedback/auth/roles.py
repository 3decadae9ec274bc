"""The lock every staff route uses."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec

from flask import abort, redirect, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user, login_required

P = ParamSpec("P")


def role_required(
    *roles: str,
) -> Callable[[Callable[P, ResponseReturnValue]], Callable[P, ResponseReturnValue]]:
    """Allow signed-in users whose role is one of `roles`; others get 403, strangers a login."""

    def decorate(view: Callable[P, ResponseReturnValue]) -> Callable[P, ResponseReturnValue]:
        @wraps(view)
        @login_required
        def wrapped(*args: P.args, **kwargs: P.kwargs) -> ResponseReturnValue:
            if not current_user.has_role(*roles):
                abort(403)
            from feedback.services.people.second_factor import blocked

            if blocked(current_user):
                # Admins and leads must set up a second factor before their pages open.
                return redirect(url_for("auth.security"))
            return view(*args, **kwargs)

        return wrapped

    return decorate
