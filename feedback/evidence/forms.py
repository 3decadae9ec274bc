"""The evidence pages' forms (Flask-WTF: CSRF on every POST)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, DateField, SelectField, StringField, TextAreaField

# SelectChoice is WTForms 3.3's; types-WTForms still describes 3.2, which has none.
from wtforms.fields.choices import SelectChoice  # type: ignore[attr-defined]
from wtforms.validators import InputRequired, Length, Optional

from feedback.labels import ACTION_SOURCE_LABELS, ACTION_STATUS_LABELS, action_audience_choices
from feedback.models.action import SOURCES, STATUSES


class DatasetUploadForm(FlaskForm):
    dataset = FileField(_l("Dataset (.csv)"), validators=[FileRequired()])


class DefinitionUploadForm(FlaskForm):
    kind = SelectField(
        _l("What the file defines"),
        choices=[
            SelectChoice("priorities", _l("Priorities")),
            SelectChoice("indicators", _l("Dataset indicators")),
        ],
        validators=[InputRequired()],
    )
    definition = FileField(_l("Definition (.yaml)"), validators=[FileRequired()])


class ActionForm(FlaskForm):
    title = StringField(_l("What will be done"), validators=[InputRequired(), Length(max=200)])
    owner_agency = SelectField(_l("Agency that owns it"), coerce=int, validators=[InputRequired()])
    owner_person = StringField(
        _l("Person who owns it"), validators=[InputRequired(), Length(max=120)]
    )
    due = DateField(_l("Due by"), validators=[InputRequired()])
    source_kind = SelectField(
        _l("What it answers"),
        choices=[SelectChoice(s, ACTION_SOURCE_LABELS[s]) for s in SOURCES],
        validators=[InputRequired()],
    )
    source_ref = StringField(
        _l("Which one (its id, or the review's or finding's name)"),
        validators=[InputRequired(), Length(max=120)],
    )
    priority = SelectField(_l("Priority"), validators=[Optional()])


class UpdateForm(FlaskForm):
    status = SelectField(
        _l("Status"),
        choices=[SelectChoice(s, ACTION_STATUS_LABELS[s]) for s in STATUSES],
        validators=[InputRequired()],
    )
    text = TextAreaField(_l("What has happened"), validators=[InputRequired(), Length(max=5000)])
    evidence = StringField(
        _l("Evidence (a document's name or a link)"), validators=[Optional(), Length(max=500)]
    )
    reason = TextAreaField(_l("Why it is dropped"), validators=[Optional(), Length(max=2000)])


class PublishForm(FlaskForm):
    published = BooleanField(_l("Publish on the “you said, we did” pages"))
    audience = SelectField(
        _l("Who is told"),
        choices=[SelectChoice(k, v) for k, v in action_audience_choices()],
        validators=[Optional()],
    )
    public_text = TextAreaField(
        _l("What the public reads (plain words, no names)"),
        validators=[Optional(), Length(max=1000)],
    )
