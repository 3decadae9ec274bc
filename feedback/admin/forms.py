"""The admin area's forms (Flask-WTF: CSRF on every POST)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, EmailField, HiddenField, SelectField
from wtforms.validators import AnyOf, InputRequired, Length

from feedback.labels import role_choices


class InviteForm(FlaskForm):
    email = EmailField(_l("Email address"), validators=[InputRequired(), Length(max=254)])
    role = SelectField(_l("Role"), choices=role_choices, validators=[InputRequired()])


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
