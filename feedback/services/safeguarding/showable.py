"""The one rule for which respondents' texts staff may see, anywhere but on an alert.

A free-text answer may be shown (quoted, exported, listed on a course or session page,
put in the Board report) or counted under a theme (charts, theme tables) only when:

- the analyser has read it and did not flag it (an answer not analysed yet, or whose
  analysis failed, has not been checked, so it waits), and
- its response has no concern alert at all: raised by the analyser, by a lead's reading
  or by a member of staff, open or closed, on this text or on any other of the response.

Every page, export, chart and report that reads respondents' texts filters with
:func:`text_may_be_shown`; nothing else decides. The alert page is the one exception:
it shows a lead what was written. tests/feedback/test_text_surfaces.py walks every
route, export and report with an alerted response and checks that none shows it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, exists, select

from feedback.extensions import db
from feedback.models import ConcernAlert, TextAnalysis


def response_alerted(response_id: Any) -> ColumnElement[bool]:
    """SQL: the response `response_id` (a column or value) has a concern alert."""
    return exists().where(ConcernAlert.response_id == response_id)


def text_may_be_shown() -> ColumnElement[bool]:
    """SQL on TextAnalysis (joined or selected): its text may be shown or counted.

    False, never NULL, where the query outer-joins an answer that has no analysis.
    """
    return and_(TextAnalysis.concern.is_(False), ~response_alerted(TextAnalysis.response_id))


def shown_answer_ids(response_id: int) -> set[int]:
    """Ids of the answers of one response whose text may be shown (a session's notes)."""
    query = select(TextAnalysis.answer_id).where(
        TextAnalysis.response_id == response_id, text_may_be_shown()
    )
    return set(db.session.scalars(query))
