"""/account/security: a person's own second factors (authenticator app, security keys,
recovery codes). Reached with a password alone by a role that must still enrol."""

from __future__ import annotations

from typing import Any

from flask import (
    abort,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required, login_user
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import InputRequired, Length

from feedback.auth.views import bp
from feedback.banners import success
from feedback.extensions import limiter
from feedback.services.people import recovery_codes, security_keys, signin, totp
from feedback.services.people.second_factor import (
    enrolled,
    factors,
    note_passed,
    record_enrolment,
    renew_recovery_codes,
    required_for,
    session_passed,
)

_NEW_SECRET = "totp_new_secret"


class ConfirmAppForm(FlaskForm):
    code = StringField(
        _l("The 6-digit code the app shows"), validators=[InputRequired(), Length(max=12)]
    )


class PlainForm(FlaskForm):
    pass


def _private(body: str, code: int = 200) -> Any:
    response = current_app.make_response((body, code))
    response.headers["Cache-Control"] = "no-store"  # secrets and codes: never cached
    return response


def _may_change() -> None:
    # Someone enrolled whose session skipped the second factor must not add or replace one.
    if enrolled(current_user) and not session_passed():
        abort(403)


def _after_first_factor(how: str, codes: bool = True) -> list[str] | None:
    """Enrolment done: note it, end every other session, give codes the first time."""
    made = record_enrolment(current_user, how, codes=codes)
    login_user(current_user._get_current_object())  # this session carries on, new nonce
    note_passed(how)
    return made


@bp.get("/account/security")
@login_required
def security() -> ResponseReturnValue:
    return _private(
        render_template(
            "auth/security.html",
            found=factors(current_user),
            keys=security_keys.keys_of(current_user),
            codes_left=recovery_codes.remaining(current_user),
            must=required_for(current_user),
            plain=PlainForm(),
            is_enrolled=enrolled(current_user),
        )
    )


@bp.route("/account/security/app", methods=["GET", "POST"])
@login_required
@limiter.limit("10 per minute", methods=["POST"])
def security_app() -> ResponseReturnValue:
    _may_change()
    form = ConfirmAppForm()
    secret = session.get(_NEW_SECRET)
    if request.method == "GET" or not isinstance(secret, str):
        secret = session[_NEW_SECRET] = totp.new_secret()
    elif form.validate_on_submit():
        if totp.enrol(current_user, secret, form.code.data or ""):
            session.pop(_NEW_SECRET, None)
            codes = _after_first_factor("totp")
            success(_("Your authenticator app is set up."))
            if codes:
                return _private(render_template("auth/recovery_codes.html", codes=codes))
            return redirect(url_for("auth.security"))
        wrong = _("That code is not right. Check the app and try again.")
        form.code.errors = [*form.code.errors, wrong]
    uri = totp.provisioning_uri(secret, current_user.email)
    page = render_template(
        "auth/totp_setup.html", form=form, secret=secret, qr=totp.qr_svg(uri), uri=uri
    )
    return _private(page, 400 if form.errors else 200)


@bp.post("/account/security/recovery-codes")
@login_required
def security_codes() -> ResponseReturnValue:
    _may_change()
    if not enrolled(current_user) or not PlainForm().validate():
        abort(400)
    codes = renew_recovery_codes(current_user)
    return _private(render_template("auth/recovery_codes.html", codes=codes))


@bp.post("/account/security/keys/options")
@login_required
def security_key_options() -> ResponseReturnValue:
    _may_change()
    return jsonify(security_keys.registration_options(current_user))


@bp.post("/account/security/keys")
@login_required
@limiter.limit("10 per minute")
def security_key_add() -> ResponseReturnValue:
    _may_change()
    body: Any = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("credential"), dict):
        return jsonify(error=_("The browser sent no security key.")), 400
    try:
        security_keys.register(current_user, body["credential"], str(body.get("name") or ""))
    except security_keys.SecurityKeyError:
        signin.abandon()
        return jsonify(error=_("That security key could not be added.")), 400
    _after_first_factor("webauthn", codes=False)
    # Recovery codes are made by the security page's own form (a key's answer is JSON,
    # and codes must not travel in a cookie): it asks for them while there are none.
    success(_("Your security key is added."))
    return jsonify(redirect=url_for("auth.security"))
