"""Login and logout pages."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, logout_user
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField
from wtforms.validators import InputRequired, Length

from feedback.errors import render_error
from feedback.extensions import limiter, login_manager
from feedback.services.people import signin
from feedback.services.people.second_factor import blocked, enrolled, required_for
from feedback.services.people.users import user_by_email

bp = Blueprint("auth", __name__)
login_manager.login_view = "auth.login"
login_manager.login_message = _l("Please sign in to see this page.")


class LoginForm(FlaskForm):
    email = EmailField(_l("Email address"), validators=[InputRequired(), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[InputRequired(), Length(max=200)])


def _safe_next(target: str | None) -> str | None:
    if not target:
        return None
    parts = urlsplit(target)
    # Only same-site paths: an open redirect would let a phishing link borrow our name.
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


def _login_page(form: LoginForm, code: int = 200) -> ResponseReturnValue:
    from feedback.services.people.oidc import providers

    return render_template(
        "auth/login.html",
        form=form,
        passwords=current_app.config["HEARD_LOCAL_PASSWORDS"],
        providers=providers(),
        next=_safe_next(request.args.get("next")),
    ), code


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def login() -> ResponseReturnValue:
    if current_user.is_authenticated:
        return redirect(url_for("auth.home"))
    form = LoginForm()
    if request.method == "POST" and not current_app.config["HEARD_LOCAL_PASSWORDS"]:
        signin.refused("password", "passwords_off")
        return _login_page(form, 400)
    if form.validate_on_submit():
        email = (form.email.data or "").strip().lower()
        # Checked before the password, so a throttled account tells a guesser nothing.
        if signin.account_throttled(email):
            signin.refused("password", "throttled")
            return render_error(429)
        user = user_by_email(email)
        password = form.password.data or ""  # validated: never empty here
        if user is None:
            signin.spend_dummy_check(password)
        if user and user.active and user.check_password(password):
            wanted = _safe_next(request.args.get("next"))
            if enrolled(user):
                signin.hold(user, wanted)
                return redirect(url_for("auth.second_factor"))
            signin.finish(user, "password", None)
            if required_for(user):
                flash(_("Your role needs a second factor. Set one up to carry on."))
                return redirect(url_for("auth.security"))
            return redirect(wanted or url_for("auth.home"))
        # Unknown addresses count too: whether an account exists must not show.
        signin.count_failure(email)
        reason = "unknown_account" if user is None else "wrong_password"
        if user is not None and not user.active and user.check_password(password):
            reason = "deactivated"
        signin.refused("password", reason, user)
        form.password.errors = [*form.password.errors, _("Email address or password is not right.")]
    return _login_page(form)


@bp.post("/logout")
def logout() -> ResponseReturnValue:
    if current_user.is_authenticated:
        # Ends this cookie and any copy of it (and the person's other sessions).
        signin.sign_out(current_user)
    logout_user()
    session.clear()
    flash(_("You have signed out."))
    return redirect(url_for("auth.login"))


@bp.get("/staff")
def home() -> ResponseReturnValue:
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if blocked(current_user):
        return redirect(url_for("auth.security"))
    return render_template("auth/home.html")
