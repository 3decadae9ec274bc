"""Turn a definition's questions into a Flask-WTF form class, one field per question.

The only module of `forms` that imports Flask-WTF (for its CSRF-checking FlaskForm).
What each field is, and how its data becomes an answer, is the question type's
business (:mod:`forms.questions`); this module only puts the fields together. Text a
person reads is passed through `translate` so the app decides the language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar

from flask_wtf import FlaskForm

from forms.schema import Question

Translate = Callable[[str], str]
DEFAULT_MAX_TEXT = 5000


class SurveyPageForm(FlaskForm):
    """The fields of one survey screen, named by question id."""

    #: the questions on this screen, by id (set on each built subclass)
    _questions: ClassVar[Mapping[str, Question]] = {}
    #: the longest text kept from an unvalidated page
    _max_text: ClassVar[int] = DEFAULT_MAX_TEXT

    def _question_fields(self) -> Any:
        for name, question in self._questions.items():
            yield question, self[name]

    def raw_answers(self) -> dict[str, Any]:
        """What was typed, unvalidated but bounded: kept when the respondent goes back."""
        return {q.id: q.qtype.raw(field, self._max_text) for q, field in self._question_fields()}

    def valid_answers(self) -> dict[str, Any]:
        """Validated answers as JSON-safe values; a cleared answer becomes None."""
        return {q.id: q.qtype.answer(field.data) for q, field in self._question_fields()}


def build_page_form(
    questions: Sequence[Question],
    translate: Translate = str,
    max_text: int = DEFAULT_MAX_TEXT,
) -> type[SurveyPageForm]:
    """A SurveyPageForm subclass with one field per question, named by question id."""
    attrs: dict[str, Any] = {q.id: q.qtype.field(q, translate, max_text) for q in questions}
    attrs["_questions"] = {q.id: q for q in questions}
    attrs["_max_text"] = max_text
    return type("SurveyPageForm", (SurveyPageForm,), attrs)


def form_data(questions: Sequence[Question], answers: Mapping[str, Any]) -> dict[str, Any]:
    """Draft answers as the data that fills a screen's fields (answers that no longer fit
    their field, such as a malformed date, are left out)."""
    data: dict[str, Any] = {}
    for q in questions:
        value = answers.get(q.id)
        if value in (None, ""):
            continue
        value = q.qtype.form_data(value)
        if value is not None:
            data[q.id] = value
    return data
