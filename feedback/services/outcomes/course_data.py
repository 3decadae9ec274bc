"""Queries behind a course page: counts and pairs computed in SQL, one course at a time.

Pairing: a response carries `pairing_hash`, the keyed hash of the private code the
person typed. For each campaign only the latest response per code counts (someone who
answered twice meant the second one); responses without a code, and codes found on one
side only (a typo, or someone who skipped a stage), are counted as unpaired. Only the
paired confidence values of one course are loaded into Python, for the statistics.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import aliased

from feedback.extensions import db
from feedback.models import Answer, Response, TextAnalysis, TextTheme
from feedback.services.safeguarding.showable import text_may_be_shown
from forms.schema import PREFER_NOT, Definition

SCALE_VALUES = [str(n) for n in range(11)]


class Comment(NamedTuple):
    """A quotable comment: the redacted words, and the answer (for a concern link)."""

    answer_id: int
    text: str


@dataclass
class StageCounts:
    """How many answered one stage, and how many of those can be paired."""

    responses: int = 0
    #: distinct private codes (the latest response of each counts)
    codes: int = 0
    #: responses with no code at all (left blank on paper, say)
    missing_code: int = 0
    #: earlier responses replaced by a later one with the same code
    duplicates: int = 0

    @property
    def people(self) -> int:
        """Best estimate of people: one per code, plus each response without a code."""
        return self.codes + self.missing_code


@dataclass
class Pairing:
    """How two stages pair up through the private code."""

    paired: int = 0
    only_before: int = 0
    only_after: int = 0


@dataclass
class ItemCounts:
    """Answers to one closed question: counts per value, and the share that is positive."""

    question_id: str
    text: str
    counts: dict[str, int] = field(default_factory=dict)
    positive: tuple[str, ...] = ()

    @property
    def answered(self) -> int:
        """Answers that count: "prefer not to say" leaves the denominator."""
        return sum(n for v, n in self.counts.items() if v != PREFER_NOT)

    @property
    def positive_count(self) -> int:
        return sum(self.counts.get(v, 0) for v in self.positive)

    @property
    def percent(self) -> float | None:
        return round(100 * self.positive_count / self.answered, 1) if self.answered else None


def stage_counts(campaign_id: int | None) -> StageCounts:
    """Responses, distinct codes, missing codes and duplicates for one campaign."""
    if campaign_id is None:
        return StageCounts()
    total, with_code, codes = db.session.execute(
        select(
            func.count(Response.id),
            func.count(Response.pairing_hash),
            func.count(func.distinct(Response.pairing_hash)),
        ).where(Response.campaign_id == campaign_id)
    ).one()
    return StageCounts(
        responses=total, codes=codes, missing_code=total - with_code, duplicates=with_code - codes
    )


def latest_by_code(campaign_id: int) -> Select:
    """(response id, pairing hash) of the latest response for each code in a campaign."""
    ranked = (
        select(
            Response.id.label("response_id"),
            Response.pairing_hash.label("pairing_hash"),
            func.row_number()
            .over(
                partition_by=Response.pairing_hash,
                order_by=(Response.submitted_at.desc(), Response.id.desc()),
            )
            .label("rank"),
        )
        .where(Response.campaign_id == campaign_id, Response.pairing_hash.is_not(None))
        .subquery()
    )
    return select(ranked.c.response_id, ranked.c.pairing_hash).where(ranked.c.rank == 1)


def pairing(before_id: int | None, after_id: int | None) -> Pairing:
    """How many codes appear at both stages, and at one only."""
    if before_id is None or after_id is None:
        return Pairing()
    before = latest_by_code(before_id).subquery()
    after = latest_by_code(after_id).subquery()
    paired = (
        db.session.scalar(
            select(func.count()).select_from(
                before.join(after, before.c.pairing_hash == after.c.pairing_hash)
            )
        )
        or 0
    )
    n_before = db.session.scalar(select(func.count()).select_from(before)) or 0
    n_after = db.session.scalar(select(func.count()).select_from(after)) or 0
    return Pairing(paired=paired, only_before=n_before - paired, only_after=n_after - paired)


def paired_values(
    before_id: int, after_id: int, question_ids: list[str]
) -> dict[str, tuple[list[int], list[int]]]:
    """For each 0-10 question, the before and after values of the people who answered both.

    Returns question id -> (before values, after values), index i being one person.
    """
    before = latest_by_code(before_id).subquery()
    after = latest_by_code(after_id).subquery()
    a_before, a_after = aliased(Answer), aliased(Answer)
    rows = db.session.execute(
        select(a_before.question_id, a_before.value, a_after.value)
        .select_from(before)
        .join(after, before.c.pairing_hash == after.c.pairing_hash)
        .join(a_before, a_before.response_id == before.c.response_id)
        .join(
            a_after,
            and_(
                a_after.response_id == after.c.response_id,
                a_after.question_id == a_before.question_id,
            ),
        )
        .where(
            a_before.question_id.in_(question_ids),
            a_before.value.in_(SCALE_VALUES),
            a_after.value.in_(SCALE_VALUES),
        )
        .order_by(a_before.question_id, before.c.pairing_hash)
    )
    out: dict[str, tuple[list[int], list[int]]] = {q: ([], []) for q in question_ids}
    for question_id, old, new in rows:
        out[question_id][0].append(int(old))
        out[question_id][1].append(int(new))
    return out


def closed_counts(campaign_id: int | None, question_ids: list[str]) -> dict[str, dict[str, int]]:
    """question id -> {value: responses}, for closed questions of one campaign."""
    out: dict[str, dict[str, int]] = defaultdict(dict)
    if campaign_id is None or not question_ids:
        return out
    rows = db.session.execute(
        select(Answer.question_id, Answer.value, func.count(func.distinct(Answer.response_id)))
        .join(Response, Response.id == Answer.response_id)
        .where(Response.campaign_id == campaign_id, Answer.question_id.in_(question_ids))
        .group_by(Answer.question_id, Answer.value)
    )
    for question_id, value, n in rows:
        out[question_id][value] = n
    return out


def items(
    definition: Definition | None, campaign_id: int | None, types: tuple[str, ...]
) -> list[ItemCounts]:
    """Counts for every question of the given types, with what each type counts as positive."""
    if definition is None:
        return []
    wanted = [q for q in definition.questions() if q.type in types]
    counts = closed_counts(campaign_id, [q.id for q in wanted])
    return [
        ItemCounts(q.id, q.text, dict(counts.get(q.id, {})), positive=q.qtype.positive)
        for q in wanted
    ]


def theme_counts(campaign_ids: list[int]) -> list[tuple[str, int]]:
    """Themes of the course's free-text answers: (theme, responses), most frequent first.

    Only texts that may be shown count (feedback.services.safeguarding.showable), as on every page.
    """
    if not campaign_ids:
        return []
    n = func.count(func.distinct(TextAnalysis.response_id))
    rows = db.session.execute(
        select(TextTheme.theme, n)
        .join(TextAnalysis, TextAnalysis.id == TextTheme.analysis_id)
        .join(Response, Response.id == TextAnalysis.response_id)
        .where(Response.campaign_id.in_(campaign_ids), text_may_be_shown())
        .group_by(TextTheme.theme)
        .order_by(n.desc(), TextTheme.theme)
    )
    return [(theme, count) for theme, count in rows]


def theme_comments(campaign_ids: list[int], per_theme: int = 3) -> dict[str, list[Comment]]:
    """A few redacted comments per theme, only from people who agreed to be quoted.

    Texts flagged as a possible safeguarding concern, and every text of a response with an
    alert (a colleague may have raised one from this page), are left out
    (feedback.services.safeguarding.showable): they go to the
    safeguarding lead, not to a trainer's page.
    """
    if not campaign_ids:
        return {}
    rows = db.session.execute(
        select(TextTheme.theme, TextAnalysis.answer_id, TextAnalysis.redacted)
        .join(TextAnalysis, TextAnalysis.id == TextTheme.analysis_id)
        .join(Response, Response.id == TextAnalysis.response_id)
        .where(
            Response.campaign_id.in_(campaign_ids),
            Response.consent_to_quote.is_(True),
            text_may_be_shown(),
        )
        .order_by(TextTheme.theme, Response.submitted_at.desc())
    )
    out: dict[str, list[Comment]] = defaultdict(list)
    for theme, answer_id, text in rows:
        if len(out[theme]) < per_theme and text not in {c.text for c in out[theme]}:
            out[theme].append(Comment(answer_id, text))
    return dict(out)
