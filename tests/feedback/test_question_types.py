"""A question type is one class and one partial: a throwaway type, answered for real.

The test adds a "stars" type (1 to 5 stars, stored with its number, shown as "4 of 5")
exactly as a developer would: one class registered in forms.questions and one partial
at respond/questions/_stars.html (here in a temporary template folder). Nothing else in
Heard is told about it, yet the survey loads, draws, validates, shows the answer on
check your answers, stores it and exports it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from jinja2 import ChoiceLoader, FileSystemLoader
from sqlalchemy import select
from wtforms import Field, RadioField
from wtforms.fields.choices import SelectChoice

from feedback.extensions import db
from feedback.models import Answer
from forms.questions import QUESTION_TYPES, QuestionType, register
from forms.schema import Question
from tests.feedback.helpers import hidden, post_page, start

STARS = [str(n) for n in range(1, 6)]
PARTIAL = """<div class="question" data-question><fieldset><legend>{{ field.label.text }}</legend>
{% for c in field.iter_choices() %}<label><input type="radio" name="{{ field.name }}"
 value="{{ c.value }}"{% if c.selected %} checked{% endif %}>{{ c.label }}</label>{% endfor %}
</fieldset></div>"""
SURVEY = """slug: stars-test
title: Stars
audience: parent_carer
consent: Up to you.
check_answers: true
pages:
  - title: Rate us
    questions:
      - {id: rating, type: stars, text: "How many stars?", required: true}
      - {id: why, type: text, text: "Why?"}
"""


@dataclass(frozen=True)
class StarsType(QuestionType):
    """One to five stars; the number is kept for means."""

    def field(self, q: Question, translate: Any, max_text: int) -> Field:
        return RadioField(
            choices=[SelectChoice(s, "★" * int(s)) for s in STARS],
            validators=self.needed(q, translate),
            **self.labels(q, translate),
        )

    def rows(self, value: Any, secret: str) -> list[tuple[str, float | None]]:
        return [(str(value), float(value))]

    def shown(self, q: Question, value: Any, translate: Any, formats: Any) -> str:
        return f"{value} of 5"


@pytest.fixture
def stars(app, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    from feedback.services.surveys.versions import load_survey
    from forms.loader import load_definition

    register(StarsType("stars"))
    partial = tmp_path / "respond" / "questions" / "_stars.html"
    partial.parent.mkdir(parents=True)
    partial.write_text(PARTIAL)
    app.jinja_env.loader = ChoiceLoader([FileSystemLoader(tmp_path), app.jinja_env.loader])
    survey = tmp_path / "stars.yaml"
    survey.write_text(SURVEY)
    with app.app_context():
        slug = load_survey(load_definition(survey)).survey.slug
    yield slug
    del QUESTION_TYPES["stars"]


def test_a_new_type_is_one_class_and_one_partial(app, client, stars) -> None:  # type: ignore[no-untyped-def]
    page = start(client, stars)
    assert 'value="4"' in page and "★★★★" in page

    missing = post_page(client, stars, page, {})
    assert missing.status_code == 200 and "Answer this question" in missing.get_data(as_text=True)

    check = post_page(client, stars, page, {"rating": "4", "why": "Kind staff"})
    summary = check.get_data(as_text=True)
    assert "4 of 5" in summary and "Kind staff" in summary

    done = client.post(
        f"/s/{stars}",
        data={
            "csrf_token": hidden(summary, "csrf_token"),
            "state": hidden(summary, "state"),
            "action": "submit",
        },
    )
    assert done.status_code == 303
    with app.app_context():
        rows = db.session.execute(select(Answer.question_id, Answer.value, Answer.number_value))
        assert sorted(rows) == [("rating", "4", 4.0), ("why", "Kind staff", None)]


def test_an_unknown_stored_type_still_reads_as_plain_text() -> None:
    question = Question(id="old", type="retired_type", text="Old")
    assert question.qtype.rows("x", "secret") == [("x", None)]
    assert not question.qtype.free_text and question.qtype.response_column is None
