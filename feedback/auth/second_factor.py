"""/login/second-factor: after a right password, a code from the app, a recovery code or
a security key finishes the sign-in."""

from __future__ import annotations

from typing import Any

from flask import flash, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import InputRequired, Length

from feedback.auth.views import bp
from feedback.errors import render_error
from feedback.extensions import limiter
from feedback.services.people import recovery_codes, security_keys, signin, totp
from feedback.services.people.second_factor import factors


class CodeForm(FlaskForm):
    code = StringField(
        _l("Code from your authenticator app, or a recovery code"),
        validators=[InputRequired(), Length(max=40)],
    )


def _done(user_next: str | None) -> str:
    return user_next or url_for("auth.home")


@bp.route("/login/second-factor", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def second_factor() -> ResponseReturnValue:
    found = signin.held()
    if found is None:
        flash(_("Please sign in again."))
        return redirect(url_for("auth.login"))
    user, wanted = found
    form = CodeForm()
    if form.validate_on_submit():
        if signin.account_throttled(user.email):
            signin.refused("password", "throttled", user)
            return render_error(429)
        code = (form.code.data or "").strip()
        if totp.check(user, code):
            signin.finish(user, "password", "totp")
            return redirect(_done(wanted))
        if recovery_codes.use_code(user, code):
            signin.finish(user, "password", "recovery")
            left = recovery_codes.remaining(user)
            flash(_("You used a recovery code. You have %(n)d left.", n=left))
            return redirect(url_for("auth.security") if left < 3 else _done(wanted))
        signin.abandon()
        signin.count_failure(user.email)
        signin.refused("password", "wrong_second_factor", user)
        form.code.errors = [*form.code.errors, _("That code is not right, or it was used already.")]
    found_factors = factors(user)
    page = render_template("auth/second_factor.html", form=form, has_keys=found_factors["keys"])
    return page, (400 if form.errors else 200)


@bp.post("/login/second-factor/key/options")
@limiter.limit("20 per minute")
def key_sign_in_options() -> ResponseReturnValue:
    found = signin.held()
    if found is None:
        return jsonify(error="expired"), 400
    return jsonify(security_keys.sign_in_options(found[0]))


@bp.post("/login/second-factor/key")
@limiter.limit("10 per minute")
def key_sign_in() -> ResponseReturnValue:
    found = signin.held()
    if found is None:
        return jsonify(error="expired"), 400
    user, wanted = found
    credential: Any = request.get_json(silent=True)
    try:
        if not isinstance(credential, dict):
            raise security_keys.SecurityKeyError("no credential")
        security_keys.check_sign_in(user, credential)
    except security_keys.SecurityKeyError:
        signin.abandon()
        signin.count_failure(user.email)
        signin.refused("password", "wrong_security_key", user)
        return jsonify(error=_("That security key was not accepted.")), 400
    signin.finish(user, "password", "webauthn")
    return jsonify(redirect=_done(wanted))
