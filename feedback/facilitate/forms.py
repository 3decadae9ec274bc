"""Form classes for focus-group sessions and paper entry, built from survey definitions.

Both reuse forms.builder.build_page_form, so a keyed-in answer is validated exactly as
the respondent's own would be, and add the few fields only staff fill in.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, HiddenField, RadioField, SelectField, StringField, TextAreaField

# SelectChoice is WTForms 3.3's; types-WTForms still describes 3.2, which has none.
from wtforms.fields.choices import SelectChoice  # type: ignore[attr-defined]
from wtforms.validators import InputRequired, Length, Optional

from feedback.i18n import LANGUAGE_NAMES, survey_text
from feedback.models._time import utcnow
from forms.builder import SurveyPageForm, build_page_form
from forms.schema import Definition, Question

QUOTES = "quotes"
#: Quote rows on a new session form, and the most a form may ask for.
QUOTE_ROWS, MAX_QUOTE_ROWS = 6, 30
#: Notes from a whole session can be long; the survey allows 10,000 characters a prompt.
NOTES_LIMIT = 10_000
#: How a helped respondent was helped (the completed_with_help choices, less "on my own").
HELPERS = (
    SelectChoice("parent_carer", _l("A parent or carer")),
    SelectChoice("worker", _l("A worker")),
    SelectChoice("facilitator", _l("A facilitator")),
)


def _not_future(form: Any, field: Any) -> None:
    from wtforms.validators import ValidationError

    if field.data and field.data > utcnow().date():
        raise ValidationError(_l("The date cannot be in the future"))


def prompt_choices(definition: Definition) -> list[SelectChoice]:
    """The session's prompts (its textarea questions named prompt_*), for tagging quotes."""
    return [
        SelectChoice(q.id, survey_text(q.text))
        for q in definition.questions()
        if q.id.startswith("prompt_")
    ]


def session_form_class(definition: Definition, quote_rows: int) -> type[FlaskForm]:
    """The new-session form: the survey's questions (but quotes), the facilitator, quotes."""
    questions = [q for q in definition.questions() if q.id != QUOTES]
    base = build_page_form(questions, translate=survey_text, max_text=NOTES_LIMIT)
    attrs: dict[str, Any] = {
        "facilitator": StringField(
            _l("Who facilitated the session?"), validators=[InputRequired(), Length(max=200)]
        ),
        "quote_rows": HiddenField(),
        "token": HiddenField(),
    }
    about = [SelectChoice("", _l("No prompt in particular")), *prompt_choices(definition)]
    for i in range(quote_rows):
        attrs[f"quote_{i}_text"] = TextAreaField(
            _l("Quote %(n)d, word for word", n=i + 1), validators=[Optional(), Length(max=2000)]
        )
        attrs[f"quote_{i}_consent"] = RadioField(
            _l("Did the person agree to be quoted, without their name?"),
            choices=[SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No"))],
            validators=[Optional()],
        )
        attrs[f"quote_{i}_prompt"] = SelectField(
            _l("Said about"), choices=about, validators=[Optional()]
        )

    def validate(self: FlaskForm, extra_validators: Any = None) -> bool:
        ok = base.validate(self, extra_validators)
        any_quote = False
        for i in range(quote_rows):
            if not (self[f"quote_{i}_text"].data or "").strip():
                continue
            any_quote = True
            if self[f"quote_{i}_consent"].data not in ("yes", "no"):
                self[f"quote_{i}_consent"].errors = [_l("Say whether this person agreed")]
                ok = False
        group = self["consent_to_quote"] if "consent_to_quote" in self else None
        if any_quote and group is not None and group.data != "yes":
            group.errors = [_l("Quotes can only be kept when the group agreed to be quoted")]
            ok = False
        return ok

    attrs["validate"] = validate
    return type("FocusSessionForm", (base,), attrs)


def optional_questions(definition: Definition) -> list[Question]:
    """Every question of a survey, none required: a paper form may have gaps."""
    return [dataclasses.replace(q, required=False) for q in definition.questions()]


def paper_form_class(definition: Definition, campaigns: list[SelectChoice]) -> type[FlaskForm]:
    """The paper-entry form: every question on one page, plus date, mode, helper, campaign."""
    base = build_page_form(
        optional_questions(definition),
        translate=survey_text,
        max_text=current_app.config["HEARD_MAX_TEXT_LENGTH"],
    )
    attrs: dict[str, Any] = {
        "entry_date": DateField(
            _l("Date written on the paper"), validators=[Optional(), _not_future]
        ),
        "entry_mode": RadioField(
            _l("How was it filled in?"),
            choices=[
                SelectChoice("paper", _l("On paper, by the person themselves")),
                SelectChoice(
                    "facilitated", _l("With someone's help (they read or wrote for them)")
                ),
            ],
            default="paper",
            validators=[InputRequired()],
        ),
        "entry_helper": RadioField(_l("Who helped?"), choices=HELPERS, validators=[Optional()]),
        "entry_campaign": SelectField(_l("Where it was collected"), coerce=int, choices=campaigns),
        "entry_language": SelectField(
            _l("Language of the paper form"),
            choices=[
                SelectChoice(code, LANGUAGE_NAMES.get(code, code)) for code in definition.languages
            ],
        ),
        "entry_token": HiddenField(),
    }

    def validate(self: FlaskForm, extra_validators: Any = None) -> bool:
        ok = base.validate(self, extra_validators)
        if self["entry_mode"].data == "facilitated" and not self["entry_helper"].data:
            self["entry_helper"].errors = [_l("Say who helped")]
            ok = False
        return ok

    attrs["validate"] = validate
    return type("PaperEntryForm", (base,), attrs)


def definition_answers(form: SurveyPageForm, definition: Definition) -> dict[str, object]:
    """The validated answers of the survey's own questions, as record_response wants them."""
    ids = {q.id for q in definition.questions()}
    answers = form.valid_answers()
    return {k: v for k, v in answers.items() if k in ids and v not in (None, [])}
