"""The admin area's forms (Flask-WTF: CSRF on every POST)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, EmailField, HiddenField, RadioField, SelectField, StringField
from wtforms.validators import AnyOf, InputRequired, Length

from feedback.labels import role_choices, sector_choices


def _agency_choices() -> list[tuple[str, str]]:
    from feedback.services.assurance.agencies import all_agencies

    return [("", str(_l("None")))] + [(str(a.id), a.name) for a in all_agencies(True)]


class InviteForm(FlaskForm):
    email = EmailField(
        _l("Email address"),
        validators=[InputRequired(_l("Enter their email address.")), Length(max=254)],
    )
    # Radios with none chosen: a role is a decision the admin makes each time, never a
    # default they might not notice (issue 15). The service checks the value is a role.
    role = RadioField(
        _l("Role"),
        id="invite-role",  # the users table above has its own role-<id> selects
        choices=role_choices,
        validate_choice=False,
        validators=[InputRequired(_l("Choose the role this person will have."))],
    )
    #: needed for an agency lead (the service refuses one without); ignored for other roles
    agency = SelectField(_l("Agency"), choices=_agency_choices, default="")


class AgencyForm(FlaskForm):
    name = StringField(_l("Name"), validators=[InputRequired(), Length(max=120)])
    sector = SelectField(_l("Sector"), choices=sector_choices, validators=[InputRequired()])


class RoleForm(FlaskForm):
    role = SelectField(_l("Role"), choices=role_choices, validators=[InputRequired()])


class ActiveForm(FlaskForm):
    #: "1" to reactivate, "0" to deactivate
    active = HiddenField(validators=[AnyOf(["0", "1"])])


class PlainForm(FlaskForm):
    """A POST that carries nothing but its CSRF token (revoke, open, close)."""


class OpenForm(FlaskForm):
    state = HiddenField(validators=[AnyOf(["open", "closed"])])


class UploadForm(FlaskForm):
    definition = FileField(
        _l("Survey definition (.yaml or XLSForm .xlsx)"), validators=[FileRequired()]
    )
    skip_unsupported = BooleanField(_l("Import the rest and skip these rows"))
