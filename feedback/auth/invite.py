"""/invite/<token>: a new member of staff chooses a password from a one-time link.

Public (the person has no account yet). A used, expired or withdrawn link gets a
friendly page saying what to do, never a hint about whether the address exists.
"""

from __future__ import annotations

from typing import Any

from flask import current_app, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, logout_user
from flask_wtf import FlaskForm
from wtforms import PasswordField
from wtforms.validators import EqualTo, InputRequired, Length

from feedback.auth.views import bp
from feedback.banners import success
from feedback.extensions import limiter
from feedback.services.people.invitations import (
    InvitationError,
    accept_invitation,
    find_invitation,
    usable,
)
from feedback.services.people.users import MIN_PASSWORD


class AcceptInviteForm(FlaskForm):
    password = PasswordField(_l("Choose a password"), validators=[InputRequired(), Length(max=200)])
    confirm = PasswordField(
        _l("Type the password again"),
        validators=[InputRequired(), EqualTo("password", message=_l("The two passwords differ."))],
    )


def _private(body: str, code: int = 200) -> Any:
    response = current_app.make_response((body, code))
    response.headers["Cache-Control"] = "no-store"
    # The token is in the path: never send it on to another site.
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def _refused() -> Any:
    return _private(render_template("auth/invite_invalid.html"), 410)


@bp.route("/invite/<token>", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def accept_invite(token: str) -> ResponseReturnValue:
    invitation = find_invitation(token)
    if not usable(invitation):
        return _refused()
    assert invitation is not None
    form = AcceptInviteForm()
    if form.validate_on_submit():
        try:
            accept_invitation(token, form.password.data or "")
        except InvitationError as exc:
            if not usable(find_invitation(token)):
                return _refused()
            form.password.errors = [*form.password.errors, str(exc)]
        else:
            if current_user.is_authenticated:
                logout_user()  # someone else's session on this browser must not carry on
            success(_("Your account is ready. Please sign in with your new password."))
            return redirect(url_for("auth.login"))
    return _private(
        render_template(
            "auth/invite.html", form=form, invitation=invitation, min_length=MIN_PASSWORD
        ),
        200 if not form.errors else 400,
    )
