"""Leads' decisions as training labels, in the corpus format (`heard text labels export`).

Every reading decision and every closed alert on a text is a label: read with no concern
(concern false), an alert raised from the reading list (concern true, the lead's
categories), an alert closed as actioned (true, its categories) or as no further action
(false). A closed alert is the later, more considered judgement, so it wins over the
reading decision on the same text. Only concern is labelled by a person: themes are the
ones the text carries (a facilitator's where they chose), and sentiment is null
(unlabelled). The text is written as the child wrote it: the file holds children's
words and stays in the instance folder with the local model.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select

from feedback.extensions import db
from feedback.models import (
    Answer,
    ConcernAlert,
    ReadingDecision,
    Response,
    TextAnalysis,
    TextTheme,
    User,
)
from feedback.services.audit import audit

CLOSED = ("actioned", "no_further_action")
#: Who may export labels: they hold children's words as written.
ROLES = ("admin", "safeguarding")
BATCH = 500


def _judgements() -> dict[int, tuple[bool, list[str]]]:
    """{answer id: (concern, categories)}: reading decisions, then closed alerts over them."""
    labels: dict[int, tuple[bool, list[str]]] = {}
    decided = db.session.execute(
        select(ReadingDecision.answer_id, ReadingDecision.decision, ConcernAlert.categories)
        .outerjoin(ConcernAlert, ConcernAlert.id == ReadingDecision.alert_id)
        .order_by(ReadingDecision.id)
    )
    for answer_id, decision, categories in decided:
        labels[answer_id] = (decision == "alert", list(categories or []))
    closed = db.session.execute(
        select(ConcernAlert.answer_id, ConcernAlert.state, ConcernAlert.categories)
        .where(ConcernAlert.state.in_(CLOSED), ConcernAlert.answer_id.is_not(None))
        .order_by(ConcernAlert.updated_at, ConcernAlert.id)  # the latest closing wins
    )
    for alerted_id, state, categories in closed:
        if alerted_id is None:  # left out by the query already; this tells the type checker
            continue
        actioned = state == "actioned"
        labels[alerted_id] = (actioned, list(categories or []) if actioned else [])
    return labels


def _themes(analysis_ids: list[int]) -> dict[int, list[str]]:
    rows = db.session.execute(
        select(TextTheme.analysis_id, TextTheme.theme, TextTheme.source)
        .where(TextTheme.analysis_id.in_(analysis_ids))
        .order_by(TextTheme.id)
    )
    auto: dict[int, list[str]] = defaultdict(list)
    human: dict[int, list[str]] = defaultdict(list)
    for analysis_id, theme, source in rows:
        (human if source == "human" else auto)[analysis_id].append(theme)
    return {i: human.get(i) or auto.get(i, []) for i in analysis_ids}


def label_rows() -> Iterator[dict[str, Any]]:
    """Each labelled text as one corpus-format row, in answer id order."""
    labels = _judgements()
    ids = sorted(labels)
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        rows = db.session.execute(
            select(
                Answer.id,
                Answer.value,
                Response.audience,
                Response.age_band,
                Response.language,
                TextAnalysis.id,
                TextAnalysis.language,
            )
            .join(Response, Response.id == Answer.response_id)
            .outerjoin(TextAnalysis, TextAnalysis.answer_id == Answer.id)
            .where(Answer.id.in_(batch))
            .order_by(Answer.id)
        ).all()
        themes = _themes([r[5] for r in rows if r[5] is not None])
        for answer_id, text, audience, age_band, answered_in, analysis_id, detected in rows:
            concern, categories = labels[answer_id]
            yield {
                "id": f"heard-{answer_id}",
                "audience": audience,
                "age_band": age_band,
                "language": detected or answered_in,
                "text": text,
                "themes": themes.get(analysis_id, []) if analysis_id else [],
                "sentiment": None,
                "concern": concern,
                "concern_categories": categories,
            }


def export_labels(path: Path, user: User) -> int:
    """Write every label to `path` (JSON lines, readable by its owner only); audited.

    Raises PermissionError when `user` is not an active admin or safeguarding lead.
    """
    if not user.active or user.role not in ROLES:
        raise PermissionError("only an active admin or safeguarding lead may export labels")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    count = 0
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        for row in label_rows():
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    partial.replace(path)
    audit("labels.export", None, None, user_id=user.id, labels=count, file=path.name)
    return count
