"""The audit pages' forms (Flask-WTF: CSRF on every POST)."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    DateField,
    HiddenField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)

# SelectChoice is WTForms 3.3's; types-WTForms still describes 3.2, which has none.
from wtforms.fields.choices import SelectChoice  # type: ignore[attr-defined]
from wtforms.validators import AnyOf, InputRequired, Length, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from feedback.services.assurance.returns import TEXT_MAX
from feedback.services.assurance.rounds import london_today


class NewRoundForm(FlaskForm):
    title = StringField(_l("Title"), validators=[InputRequired(), Length(max=200)])
    deadline = DateField(
        _l("Deadline"),
        validators=[InputRequired(message=_l("Enter the deadline as a date"))],
    )
    definition = SelectField(_l("Audit"), validators=[InputRequired()])
    agencies = SelectMultipleField(
        _l("Agencies asked"),
        coerce=int,
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
    )

    def validate_deadline(self, field: DateField) -> None:
        # A round opened with its deadline gone would be overdue for every agency from its
        # first day (a London day, as the overdue rule counts it).
        if field.data is not None and field.data < london_today():
            raise ValidationError(_l("The deadline must be today or later"))

    def set_choices(self, audits: dict[str, Any], agencies: list[Any]) -> None:
        self.definition.choices = [SelectChoice(key, _label(key, d)) for key, d in audits.items()]
        self.agencies.choices = [SelectChoice(a.id, a.name) for a in agencies]


def _label(key: str, definition: Any) -> str:
    # An upload may share a bundled audit's title: its slug tells them apart.
    if key.startswith("uploaded-"):
        return str(
            _l("%(title)s (uploaded: %(slug)s)", title=definition.title, slug=definition.slug)
        )
    return str(definition.title)


class AuditDefinitionForm(FlaskForm):
    round_kind = SelectField(
        _l("It opens"),
        choices=[
            SelectChoice("section11", _l("Section 11 rounds")),
            SelectChoice("case_audit", _l("Multi-agency case audits")),
        ],
        validators=[InputRequired()],
    )
    definition = FileField(_l("Audit definition (.yaml)"), validators=[FileRequired()])


class CommentForm(FlaskForm):
    question = HiddenField(validators=[InputRequired()])
    kind = HiddenField(validators=[AnyOf(["challenge", "reply"])])
    body = TextAreaField(_l("Comment"), validators=[Length(max=TEXT_MAX)])


class AgreeForm(FlaskForm):
    question = HiddenField(validators=[InputRequired()])
    rating = SelectField(_l("Agreed rating"), validate_choice=False)


class NewCaseAuditForm(NewRoundForm):
    theme = StringField(_l("Theme"), validators=[InputRequired(), Length(max=120)])
    references = TextAreaField(
        _l("Case references, one a line"), validators=[InputRequired(), Length(max=8000)]
    )
