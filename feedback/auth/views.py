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
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user, logout_user
from flask_wtf import FlaskForm
from sqlalchemy import func, select
from wtforms import EmailField, PasswordField
from wtforms.validators import InputRequired, Length

from feedback.auth.sessions import start_session
from feedback.errors import render_error
from feedback.extensions import db, limiter, login_manager
from feedback.models import User
from feedback.models._time import utcnow
from feedback.throttle import exhausted, spend

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


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def login():  # type: ignore[no-untyped-def]
    if current_user.is_authenticated:
        return redirect(url_for("auth.home"))
    form = LoginForm()
    if form.validate_on_submit():
        email = form.email.data.strip().lower()
        account_rate = current_app.config["HEARD_LOGIN_ACCOUNT_RATE"]
        # Checked before the password, so a throttled account tells a guesser nothing.
        if exhausted("login-account", email, account_rate):
            return render_error(429)
        user = db.session.scalar(select(User).where(func.lower(User.email) == email))
        if user and user.active and user.check_password(form.password.data):
            session.clear()
            session.permanent = True
            login_user(user)
            start_session(user)
            user.last_login_at = utcnow()
            db.session.commit()
            return redirect(_safe_next(request.args.get("next")) or url_for("auth.home"))
        # Unknown addresses count too: whether an account exists must not show.
        spend("login-account", email, account_rate)
        form.password.errors.append(_("Email address or password is not right."))
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
def logout():  # type: ignore[no-untyped-def]
    if current_user.is_authenticated:
        # Ends this cookie and any copy of it (and the person's other sessions).
        current_user.end_sessions()
        db.session.commit()
    logout_user()
    session.clear()
    flash(_("You have signed out."))
    return redirect(url_for("auth.login"))


@bp.get("/staff")
def home():  # type: ignore[no-untyped-def]
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    return render_template("auth/home.html")
