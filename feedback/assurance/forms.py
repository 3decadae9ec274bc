"""The audit pages' forms (Flask-WTF: CSRF on every POST)."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
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
from wtforms.validators import AnyOf, InputRequired, Length
from wtforms.widgets import CheckboxInput, ListWidget

from feedback.services.assurance.returns import TEXT_MAX


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

    def set_choices(self, audits: dict[str, Any], agencies: list[Any]) -> None:
        self.definition.choices = [SelectChoice(slug, d.title) for slug, d in audits.items()]
        self.agencies.choices = [SelectChoice(a.id, a.name) for a in agencies]


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
        _l("Case references, one a line"), validators=[InputRequired(), Length(max=4000)]
    )
