"""A survey has at most MAX_QUESTIONS questions (issue 13, item 11).

A 10,000-question XLSForm imported, and one submission to it held the SQLite writer for
about 8 s, past every other respondent's busy timeout.
"""

from __future__ import annotations

import pytest
import yaml

from forms.loader import DefinitionError, load_text
from forms.xlsform import XLSFormError, load_workbook
from tests.forms.xlsform_book import SETTINGS, workbook

MAX_QUESTIONS = 200  # forms.schema.MAX_QUESTIONS: the test states the figure it promises


def _yaml(count: int) -> str:
    questions = [{"id": f"q{n}", "type": "yes_no", "text": f"Question {n}"} for n in range(count)]
    return yaml.safe_dump(
        {
            "slug": "huge",
            "title": "Huge",
            "audience": "community",
            "consent": "Up to you.",
            "pages": [{"questions": questions}],
        }
    )


def test_a_survey_at_the_cap_loads():
    assert len(list(load_text(_yaml(MAX_QUESTIONS), "ok.yaml").questions())) == MAX_QUESTIONS


def test_one_question_more_is_refused_with_a_clear_message():
    with pytest.raises(DefinitionError) as caught:
        load_text(_yaml(MAX_QUESTIONS + 1), "huge.yaml")
    (problem,) = caught.value.problems
    assert "huge.yaml" in problem
    assert f"at most {MAX_QUESTIONS} questions" in problem and f"has {MAX_QUESTIONS + 1}" in problem


def test_an_xlsform_with_too_many_questions_is_refused():
    rows = [["type", "name", "label"]]
    rows += [["integer", f"q{n}", f"Question {n}"] for n in range(MAX_QUESTIONS + 50)]
    with pytest.raises(XLSFormError) as caught:
        load_workbook(workbook(rows, settings=SETTINGS), "huge.xlsx")
    assert any(f"at most {MAX_QUESTIONS} questions" in p for p in caught.value.problems)
