"""Themed stories and triangulation, read from the text analysis tables.

Counting happens in SQL (GROUP BY over text_theme, text_analysis and response); only a
bounded set of candidate texts per theme (and per sentiment) is read for excerpts, and
:mod:`analysis.excerpts` chooses among them. Safeguarding isolation: a text flagged as a
concern, and every text of a response that has a ConcernAlert, is left out of the counts
and can never be a candidate. Consent: a candidate must have consented to quotation, or
come from a survey version that never asked; a focus-group quote needs its own consent.
Languages: counts and candidates carry each text's language and whether it was analysed
in English, so that words in other languages are counted and quoted but kept out of the
sentiment shares (see :mod:`analysis.stories`). Which texts may be counted or quoted at
all is decided by :mod:`feedback.services.safeguarding.showable`, the rule every surface shares.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import BigInteger, Label, Select, and_, case, cast, exists, func, or_, select

from analysis.periods import Period, parse_period
from analysis.stories import ThemeSummary, Triangulation, summarise_themes, triangulate
from feedback.extensions import db
from feedback.models import (
    FocusQuote,
    Response,
    SurveyVersion,
    TextAnalysis,
    TextTheme,
)
from feedback.services.outcomes.rows import in_period
from feedback.services.safeguarding.showable import response_alerted, text_may_be_shown

#: Candidate texts read per theme and sentiment: enough to skip repeats and people
#: already quoted, few enough that a theme with 50,000 mentions costs the same as one.
CANDIDATES_PER_SENTIMENT = 15
#: Per theme, voice and sentiment for the triangulation table (one excerpt per cell).
CANDIDATES_PER_CELL = 4
#: Texts shorter than this make poor excerpts; they are offered last.
SHORT = 25


def _asks_consent(definition_json: dict[str, Any]) -> bool:
    return any(
        q.get("type") == "consent_to_quote"
        for page in definition_json.get("pages", ())
        for q in page.get("questions", ())
    )


def consent_free_versions(survey_ids: Sequence[int]) -> set[int]:
    """Ids of the survey versions that never ask for consent to quote.

    Read from the stored definitions (a survey has a handful of versions), so that a
    response with no consent answer counts as "not asked" only where that is true.
    """
    rows = db.session.execute(
        select(SurveyVersion.id, SurveyVersion.definition_json).where(
            SurveyVersion.survey_id.in_(list(survey_ids))
        )
    )
    return {vid for vid, definition in rows if not _asks_consent(definition or {})}


def _refused_quote() -> Any:
    # A focus-group quote carries its own consent: the person quoted, not the session.
    return exists().where(
        FocusQuote.answer_id == TextAnalysis.answer_id, FocusQuote.consent.is_(False)
    )


def _scope(
    query: Select, survey_ids: Sequence[int], period: Period, audience: str | None
) -> Select:
    """Join the text tables to responses in scope, leaving every flagged text out."""
    query = (
        query.join(TextAnalysis, TextAnalysis.id == TextTheme.analysis_id)
        .join(Response, Response.id == TextAnalysis.response_id)
        .where(
            Response.survey_id.in_(list(survey_ids)),
            text_may_be_shown(),
        )
    )
    if not period.is_all:
        query = query.where(in_period(period))
    if audience:
        query = query.where(Response.audience == audience)
    return query


def theme_counts(
    survey_ids: Sequence[int],
    period: Period | str = "all",
    audience: str | None = None,
    by_voice: bool = False,
) -> list[dict[str, Any]]:
    """Mentions per theme (and voice), sentiment and language.

    Rows {"theme", ["voice"], "sentiment", "english", "language", "n"}: "english" is
    False for texts not analysed in English, whose sentiment is not counted.
    """
    period = parse_period(period)
    columns: list[Label[Any]] = [
        TextTheme.theme.label("theme"),
        TextTheme.sentiment.label("sentiment"),
        TextAnalysis.english_analysed.label("english"),
        TextAnalysis.language.label("language"),
    ]
    if by_voice:
        columns.append(Response.audience.label("voice"))
    query = _scope(
        select(*columns, func.count(TextTheme.id).label("n")).select_from(TextTheme),
        survey_ids,
        period,
        audience,
    ).group_by(*(c.element for c in columns))
    return [dict(row) for row in db.session.execute(query).mappings()]


def theme_responses(
    survey_ids: Sequence[int], period: Period | str = "all", audience: str | None = None
) -> dict[str, int]:
    """Distinct responses mentioning each theme (a response may mention it in two answers)."""
    period = parse_period(period)
    query = _scope(
        select(TextTheme.theme, func.count(func.distinct(Response.id))).select_from(TextTheme),
        survey_ids,
        period,
        audience,
    ).group_by(TextTheme.theme)
    return {theme: n for theme, n in db.session.execute(query)}


def candidates(
    survey_ids: Sequence[int],
    period: Period | str = "all",
    audience: str | None = None,
    by_voice: bool = False,
    per_group: int = CANDIDATES_PER_SENTIMENT,
) -> list[dict[str, Any]]:
    """Quotable candidate texts: at most `per_group` per group.

    A group is a theme (and voice), a sentiment, and whether the text was analysed in
    English. Each is a dict in the shape :mod:`analysis.excerpts` reads, plus "theme". The order
    within a group spreads picks over the period (a fixed scramble of ids) rather than
    taking only the newest, and puts very short texts last.
    """
    period = parse_period(period)
    open_versions = consent_free_versions(survey_ids)
    # Words in other languages have a pool of their own, so that plentiful English
    # neutral texts cannot crowd them out of the candidates.
    partition = [TextTheme.theme, TextTheme.sentiment, TextAnalysis.english_analysed]
    if by_voice:
        partition.append(Response.audience)
    spread = cast(TextAnalysis.id, BigInteger) * 7919 % 10007
    rank = (
        func.row_number()
        .over(
            partition_by=partition,
            order_by=[case((func.length(TextAnalysis.redacted) < SHORT, 1), else_=0), spread],
        )
        .label("rank")
    )
    consented = or_(
        Response.consent_to_quote.is_(True),
        and_(Response.consent_to_quote.is_(None), Response.version_id.in_(open_versions)),
    )
    inner = (
        _scope(
            select(
                TextAnalysis.id.label("id"),
                Response.id.label("respondent"),
                TextAnalysis.redacted.label("text"),
                TextTheme.theme.label("theme"),
                TextTheme.sentiment.label("sentiment"),
                Response.consent_to_quote.label("consent_to_quote"),
                Response.version_id.label("version_id"),
                Response.audience.label("voice"),
                TextAnalysis.language.label("language"),
                TextAnalysis.english_analysed.label("english_analysed"),
                TextAnalysis.concern.label("concern"),
                # Checked again, in pure Python, by analysis.excerpts.quotable.
                response_alerted(Response.id).label("alerted"),
                rank,
            ).select_from(TextTheme),
            survey_ids,
            period,
            audience,
        )
        .where(consented, ~_refused_quote(), func.length(TextAnalysis.redacted) > 0)
        .subquery()
    )
    query = select(inner).where(inner.c.rank <= per_group).order_by(inner.c.rank)
    rows = []
    for row in db.session.execute(query).mappings():
        item = dict(row)
        item["asks_consent"] = row["version_id"] not in open_versions
        rows.append(item)
    return rows


def theme_stories(
    survey_ids: Sequence[int],
    period: Period | str = "all",
    audience: str | None = None,
    per_theme: int = 5,
) -> list[ThemeSummary]:
    """Per theme: mentions, sentiment split and `per_theme` excerpts, most mentioned first."""
    counts = theme_counts(survey_ids, period, audience)
    pools: dict[str, list[dict[str, Any]]] = {}
    if per_theme > 0:
        for item in candidates(survey_ids, period, audience):
            pools.setdefault(item["theme"], []).append(item)
    return summarise_themes(counts, pools, per_theme, theme_responses(survey_ids, period, audience))


def triangulation(survey_ids: Sequence[int], period: Period | str = "all") -> Triangulation:
    """Theme by voice: counts, sentiment and one excerpt per cell."""
    counts = theme_counts(survey_ids, period, by_voice=True)
    pool = candidates(survey_ids, period, by_voice=True, per_group=CANDIDATES_PER_CELL)
    return triangulate(counts, pool)


def excerpt_answer_ids(analysis_ids: Sequence[int]) -> dict[int, int]:
    """{text analysis id: answer id} for the excerpts shown (their concern links need it)."""
    if not analysis_ids:
        return {}
    query = select(TextAnalysis.id, TextAnalysis.answer_id).where(
        TextAnalysis.id.in_(list(analysis_ids))
    )
    return {analysis_id: answer_id for analysis_id, answer_id in db.session.execute(query)}
