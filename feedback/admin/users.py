"""Staff accounts in the browser: list, change role, deactivate, invite by one-time link."""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from feedback.admin import bp
from feedback.admin.forms import ActiveForm, InviteForm, PlainForm, RoleForm
from feedback.auth import role_required
from feedback.banners import problem, success
from feedback.labels import role_label
from feedback.models import AGENCY_ROLES
from feedback.navigation import add_home_panel, add_staff_link
from feedback.services.mail import smtp_configured
from feedback.services.people.accounts import AccountError, change_role, set_active, staff_list
from feedback.services.people.invitations import (
    InvitationError,
    create_invitation,
    invitation_by_id,
    invite_days,
    pending_invitations,
    revoke_invitation,
)
from feedback.services.people.invite_mail import invitation_link, send_invitation
from feedback.services.people.second_factor import enrolled
from feedback.services.people.second_factor import reset as reset_second_factor
from feedback.services.people.users import user_by_id
from feedback.services.people.workload import open_invitations

add_staff_link("admin.users", lambda: str(_l("Users and roles")), ("admin",))
add_home_panel("admin/_home_panel.html", lambda: {"invitations": open_invitations()}, ("admin",))


def _private(body: str, code: int = 200) -> Any:
    # Pages with invitation links must not stay in a browser cache.
    response = current_app.make_response((body, code))
    response.headers["Cache-Control"] = "no-store"
    return response


def _users_page(invite: InviteForm | None = None, code: int = 200) -> Any:
    invite = invite or InviteForm()
    return _private(
        render_template(
            "admin/users.html",
            users=staff_list(),
            enrolled={u.id for u in staff_list() if enrolled(u)},
            invitations=pending_invitations(),
            invite=invite,
            form=invite,  # for the shared error summary
            plain=PlainForm(),
            mail=smtp_configured(),
            days=invite_days(),
        ),
        code,
    )


@bp.get("/users")
@role_required("admin")
def users() -> ResponseReturnValue:
    return _users_page()


@bp.post("/users/<int:user_id>/role")
@role_required("admin")
def user_role(user_id: int) -> ResponseReturnValue:
    user = user_by_id(user_id) or abort(404)
    form = RoleForm()
    if not form.validate():
        problem(_("Choose one of the roles."), field=f"role-{user_id}")
        return redirect(url_for("admin.users"))
    try:
        if change_role(user, form.role.data, by=current_user):
            success(_("%(email)s is now: %(role)s.", email=user.email, role=role_label(user.role)))
    except AccountError as exc:
        problem(str(exc))
    return redirect(url_for("admin.users"))


@bp.post("/users/<int:user_id>/active")
@role_required("admin")
def user_active(user_id: int) -> ResponseReturnValue:
    user = user_by_id(user_id) or abort(404)
    form = ActiveForm()
    if not form.validate():
        abort(400)
    active = form.active.data == "1"
    try:
        if set_active(user, active, by=current_user):
            message = (
                _("%(email)s can sign in again.", email=user.email)
                if active
                else _("%(email)s can no longer sign in.", email=user.email)
            )
            success(message)
    except AccountError as exc:
        problem(str(exc))
    return redirect(url_for("admin.users"))


@bp.post("/users/<int:user_id>/second-factor/reset")
@role_required("admin")
def user_reset_second_factor(user_id: int) -> ResponseReturnValue:
    user = user_by_id(user_id) or abort(404)
    if not PlainForm().validate():
        abort(400)
    if reset_second_factor(user, by=current_user):
        success(
            _(
                "The second factor of %(email)s is removed. They set up a new one when they "
                "next sign in.",
                email=user.email,
            )
        )
    return redirect(url_for("admin.users"))


@bp.post("/invitations")
@role_required("admin")
def invite() -> ResponseReturnValue:
    form = InviteForm()
    if not form.validate():
        return _users_page(form, code=400)
    # The select only offers real ids (or none), so this cannot fail after validate().
    agency_id = int(form.agency.data) if form.agency.data else None
    try:
        made = create_invitation(form.email.data or "", form.role.data, current_user, agency_id)
    except InvitationError as exc:
        target = form.agency if form.role.data in AGENCY_ROLES and not agency_id else form.email
        target.errors = [*target.errors, str(exc)]
        return _users_page(form, code=400)
    link = invitation_link(made.token)
    emailed = send_invitation(made.invitation.email, link, invite_days())
    # The link is shown here, once: only its hash is kept, so it cannot be shown again.
    return _private(
        render_template(
            "admin/invite_created.html",
            invitation=made.invitation,
            link=link,
            emailed=emailed,
            mail=smtp_configured(),
        )
    )


@bp.post("/invitations/<int:invitation_id>/revoke")
@role_required("admin")
def revoke(invitation_id: int) -> ResponseReturnValue:
    invitation = invitation_by_id(invitation_id) or abort(404)
    if not PlainForm().validate():
        abort(400)
    revoke_invitation(invitation, by=current_user)
    success(_("The invitation for %(email)s was withdrawn.", email=invitation.email))
    return redirect(url_for("admin.users"))
