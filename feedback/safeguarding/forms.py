"""The three small forms on an alert's page; each is a POST with a CSRF token."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, TextAreaField
from wtforms.validators import InputRequired, Length

NOTE_MAX = 5000


class StateForm(FlaskForm):
    state = RadioField(_l("Move this alert to"), validators=[InputRequired()], choices=[])
    state_note = TextAreaField(
        _l("Note"),
        description=_l("Required when closing: say what was done and who was told."),
        validators=[Length(max=NOTE_MAX)],
    )


class AssignForm(FlaskForm):
    assignee = SelectField(_l("Assigned to"), choices=[], validate_choice=False)


class NoteForm(FlaskForm):
    note_text = TextAreaField(_l("Add a note"), validators=[InputRequired(), Length(max=NOTE_MAX)])
