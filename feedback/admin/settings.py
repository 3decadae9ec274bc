"""/admin/settings: how this server is set up, for the admin who runs it (read only).

Leads see only what a setting means for them ("e-mail is not set up: tell your admin");
the setting names, the outbox folder and the mail server are here, for admins. No secret
is shown: for a password or a key, only whether one is set.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import current_app, render_template
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from feedback.admin import bp
from feedback.auth import role_required
from feedback.labels import role_label
from feedback.navigation import add_staff_link
from feedback.services.mail import sender, smtp_configured
from feedback.services.safeguarding.notify import outbox_path

add_staff_link("admin.settings", lambda: str(_l("Settings")), ("admin",), group="manage")


@dataclass(frozen=True)
class Setting:
    label: str  #: what it is, in words
    value: str  #: what it is set to, in words (never a secret)
    names: str  #: the environment variables that set it


def _yes(flag: Any) -> str:
    return _("Yes") if flag else _("No")


def mail_settings(config: Any) -> list[Setting]:
    """How e-mail (alerts, reminders, invitations) leaves this server."""
    if not smtp_configured():
        return [
            Setting(
                _("How e-mail is sent"),
                _(
                    "It is not sent: alert notifications and reminders are written as files "
                    "to the outbox folder %(path)s on the server, and invitation links are "
                    "shown on screen only.",
                    path=outbox_path(),
                ),
                "HEARD_SMTP_HOST, HEARD_OUTBOX",
            ),
            Setting(_("From address"), sender(config), "HEARD_SMTP_FROM"),
        ]
    port = int(config.get("HEARD_SMTP_PORT") or 587)
    security = (
        _("TLS from the start")
        if port == 465
        else (_("STARTTLS") if config.get("HEARD_SMTP_STARTTLS") else _("no encryption"))
    )
    user = config.get("HEARD_SMTP_USER")
    return [
        Setting(
            _("How e-mail is sent"),
            _(
                "Through the mail server %(host)s, port %(port)s (%(security)s).",
                host=config["HEARD_SMTP_HOST"],
                port=port,
                security=security,
            ),
            "HEARD_SMTP_HOST, HEARD_SMTP_PORT, HEARD_SMTP_STARTTLS",
        ),
        Setting(
            _("Signs in to the mail server as"),
            user + (f" ({_('a password is set')})" if config.get("HEARD_SMTP_PASSWORD") else "")
            if user
            else _("Does not sign in"),
            "HEARD_SMTP_USER, HEARD_SMTP_PASSWORD",
        ),
        Setting(_("From address"), sender(config), "HEARD_SMTP_FROM"),
    ]


def other_settings(config: Any) -> list[Setting]:
    """The other settings a lead's or analyst's pages depend on."""
    providers = ", ".join(sorted(config.get("HEARD_OIDC_PROVIDERS") or {})) or _("None")
    return [
        Setting(
            _("Public address of links"),
            config.get("HEARD_BASE_URL") or _("Not set"),
            "HEARD_BASE_URL",
        ),
        Setting(
            _("Time zone of staff pages"),
            config.get("HEARD_TIMEZONE") or "Europe/London",
            "HEARD_TIMEZONE",
        ),
        Setting(
            _("Respondents can ask to be contacted"),
            _yes(config.get("HEARD_CONTACT_KEY")),
            "HEARD_CONTACT_KEY",
        ),
        Setting(
            _("An alert is overdue after"),
            _("%(n)s hours", n=config.get("HEARD_ALERT_OVERDUE_HOURS")),
            "HEARD_ALERT_OVERDUE_HOURS",
        ),
        Setting(
            _("A text on the reading list is overdue after"),
            _("%(n)s hours", n=config.get("HEARD_READ_WITHIN_HOURS")),
            "HEARD_READ_WITHIN_HOURS",
        ),
        Setting(
            _("Invitation links work for"),
            _("%(n)s days", n=config.get("HEARD_INVITE_DAYS")),
            "HEARD_INVITE_DAYS",
        ),
        Setting(
            _("Roles that need a second factor"),
            ", ".join(role_label(r) for r in config.get("HEARD_MFA_REQUIRED_ROLES") or [])
            or _("None"),
            "HEARD_MFA_REQUIRED_ROLES",
        ),
        Setting(_("Single sign-on providers"), providers, "HEARD_OIDC_PROVIDERS"),
    ]


@bp.get("/settings")
@role_required("admin")
def settings() -> ResponseReturnValue:
    config = current_app.config
    return render_template(
        "admin/settings.html", mail=mail_settings(config), others=other_settings(config)
    )
