"""/login/oidc/<provider>: "Sign in with <provider>" and the provider's way back."""

from __future__ import annotations

from flask import abort, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from feedback.auth.views import _safe_next, bp
from feedback.extensions import limiter
from feedback.links import absolute_url
from feedback.services.people import oidc, signin
from feedback.services.people.oidc_accounts import account_for

_NEXT = "oidc_next"


@bp.get("/login/oidc/<name>")
@limiter.limit("20 per minute")
def oidc_start(name: str) -> ResponseReturnValue:
    if oidc.provider(name) is None:
        abort(404)
    if current_user.is_authenticated:
        return redirect(url_for("auth.home"))
    session[_NEXT] = _safe_next(request.args.get("next"))
    # The way back is the public address (HEARD_BASE_URL), as registered with the provider.
    return oidc.start(name, absolute_url("auth.oidc_callback", name=name))


#: refusals the person can act on get their own page; the rest share one (reason in the log)
_REFUSAL_PAGES = {
    "unmapped": "auth/oidc_unmapped.html",
    "no_agency": "auth/oidc_no_agency.html",
}


@bp.get("/login/oidc/<name>/callback")
@limiter.limit("20 per minute")
def oidc_callback(name: str) -> ResponseReturnValue:
    found = oidc.provider(name)
    if found is None:
        abort(404)
    method = f"oidc:{name}"
    wanted = session.pop(_NEXT, None)
    try:
        claims = oidc.finish(name)
        user = account_for(claims, found)
    except oidc.OidcRefused as refusal:
        signin.abandon()
        signin.refused(method, refusal.reason, refusal.user)
        page = _REFUSAL_PAGES.get(refusal.reason, "auth/oidc_refused.html")
        return render_template(page, provider=found), 403
    # The provider applies the organisation's own multi-factor policy: no second prompt here.
    signin.finish(user, method, "oidc")
    return redirect(_safe_next(wanted) or url_for("auth.home"))
