"""Indexes that keep outcome statements fast (migrations ``outcome_indexes`` and
``outcome_value_indexes``).

Outcome counting groups the answers to a few questions by value, for the responses
of one survey and period. Two covering indexes let the database do that from the
index alone, without reading the answer rows: (question_id, value, response_id)
walks each question's answers already grouped by value, and (response_id,
question_id, value) finds one response's answer to a breakdown question.

Both are partial: only values of at most :data:`SHORT_VALUE` characters, which every
choice value is (forms allow 64). Free text is left out, keeping the indexes small,
and within PostgreSQL's limit on an index entry (about 2,700 bytes), which a long
answer in Urdu or Tamil would otherwise exceed and fail to store. A query uses them
only when its WHERE repeats the same test: use :func:`short_value`.
"""

from sqlalchemy import ColumnElement, Index, SQLColumnExpression, func, literal_column

from feedback.models.response import Answer

#: The longest answer value the outcome indexes hold (choice values are at most 64).
SHORT_VALUE = 200


def short_value(value: SQLColumnExpression[str]) -> ColumnElement[bool]:
    """``length(value) <= 200`` written with a literal, as the partial indexes need
    (SQLite only uses a partial index when the query states its condition exactly)."""
    return func.length(value) <= literal_column(str(SHORT_VALUE))


_SHORT = short_value(Answer.value)

#: Each outcome question's answers in value order, with the response they belong to.
ANSWER_OUTCOME_VALUES = Index(
    "ix_answer_outcome_values",
    Answer.question_id,
    Answer.value,
    Answer.response_id,
    sqlite_where=_SHORT,
    postgresql_where=_SHORT,
)
#: One response's answer to a question (breakdowns by a closed question).
ANSWER_RESPONSE_VALUES = Index(
    "ix_answer_response_values",
    Answer.response_id,
    Answer.question_id,
    Answer.value,
    sqlite_where=_SHORT,
    postgresql_where=_SHORT,
)
