"""Which responses of a survey the response explorer (and its downloads) is asked for.

A :class:`ResponseFilter` is parsed from a query string (:func:`parse_filter`), so a
filtered list can be shared as a link and the same link's download exports exactly the
rows listed. Every filter is a WHERE condition on Response, applied in SQL by both the
explorer's page queries and the streaming export (feedback.services.outcomes.exports).

The free-text search reads only the redacted copies the analyser stores, and only texts
the shared rule lets staff see (:func:`feedback.services.safeguarding.showable.text_may_be_shown`):
a flagged text, or any text of a response with a concern alert, never matches. So a
search can never tell an analyst that a withheld text contains a word.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import ColumnElement, and_, select

from analysis.periods import ALL, Period, parse_period
from feedback.extensions import db
from feedback.models import Answer, Campaign, Response, Survey, SurveyVersion, TextAnalysis
from feedback.models.outcome_indexes import short_value
from feedback.models.response import MODES
from feedback.services.outcomes.breakdowns import stored_question_closed
from feedback.services.outcomes.rows import in_period
from feedback.services.safeguarding.showable import text_may_be_shown
from forms.clean import strip_control

#: The longest search an analyst may type, and the longest value of the other filters.
MAX_SEARCH = 200
MAX_VALUE = 100
#: The separator of a closed answer filter in the query string: ``answer=listened:happy``.
ANSWER_SEPARATOR = ":"


@dataclass(frozen=True)
class AnswerFilter:
    """One closed answer: question id and choice value.

    versions: ids of the survey versions where the question is closed (None: every one).
    Answers to a version where the same id was free text never match, so what someone
    typed can never be filtered on (as in outcome breakdowns).
    """

    question: str
    value: str
    versions: tuple[int, ...] | None = None

    @property
    def token(self) -> str:
        return f"{self.question}{ANSWER_SEPARATOR}{self.value}"


@dataclass(frozen=True)
class ResponseFilter:
    """The filters of one explorer view. Empty strings and None mean "any"."""

    period: Period = ALL
    campaign: int | None = None
    service: str | None = None
    language: str | None = None
    mode: str | None = None
    age_band: str | None = None
    answers: tuple[AnswerFilter, ...] = ()
    search: str = ""
    #: Problems with what was asked, for people (the rest of the filter still applies).
    errors: tuple[str, ...] = field(default=(), compare=False)

    @property
    def narrowed(self) -> bool:
        """Anything but the period is chosen (the export is then "filtered")."""
        return bool(
            self.campaign is not None
            or self.service
            or self.language
            or self.mode
            or self.age_band
            or self.answers
            or self.search
        )

    def where(self, survey_id: int) -> list[ColumnElement[bool]]:
        """WHERE conditions on Response: this survey, the period and every filter."""
        found: list[ColumnElement[bool]] = [Response.survey_id == survey_id]
        if not self.period.is_all:
            found.append(in_period(self.period))
        if self.campaign is not None:
            found.append(Response.campaign_id == self.campaign)
        if self.service:
            services = select(Campaign.id).where(Campaign.service == self.service)
            found.append(Response.campaign_id.in_(services))
        for column, value in (
            (Response.language, self.language),
            (Response.mode, self.mode),
            (Response.age_band, self.age_band),
        ):
            if value:
                found.append(column == value)
        for answer in self.answers:
            found.append(_answered(answer))
        if self.search:
            found.append(_text_matches(self.search))
        return found

    def query_args(self) -> dict[str, Any]:
        """The query string that asks for this filter again (for links and downloads)."""
        args: dict[str, Any] = {"period": self.period.label}
        for name in ("campaign", "service", "language", "mode", "age_band"):
            value = getattr(self, name)
            if value is not None and value != "":
                args[name] = value
        if self.answers:
            args["answer"] = [a.token for a in self.answers]
        if self.search:
            args["q"] = self.search
        return args

    def audit_detail(self) -> dict[str, Any]:
        """The filters an export's audit row records: what staff chose, never a
        respondent's words (the search is what the analyst typed)."""
        detail = self.query_args()
        detail.pop("period", None)  # the export's own detail has it
        return detail


def escape_like(term: str) -> str:
    """`term` for a LIKE pattern with backslash as the escape: % and _ match themselves."""
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _text_matches(term: str) -> ColumnElement[bool]:
    # Only the redacted copy, and only a text the shared rule lets staff see: a withheld
    # text must not even make its response match (that would say what it contains).
    pattern = f"%{escape_like(term)}%"
    # Correlated to Response only: the export's answer query has text_analysis and
    # answer in its own FROM, which must not stand in for this subquery's.
    return (
        select(TextAnalysis.id)
        .where(
            TextAnalysis.response_id == Response.id,
            TextAnalysis.redacted.ilike(pattern, escape="\\"),
            text_may_be_shown(),
        )
        .correlate(Response)
        .exists()
    )


def _answered(answer: AnswerFilter) -> ColumnElement[bool]:
    conditions = [
        Answer.response_id == Response.id,
        Answer.question_id == answer.question,
        Answer.value == answer.value,
        short_value(Answer.value),  # the partial covering index serves the lookup
    ]
    match = select(Answer.id).where(*conditions).correlate(Response).exists()
    if answer.versions is not None:
        return and_(Response.version_id.in_(list(answer.versions)), match)
    return match


def closed_versions(survey: Survey) -> dict[str, tuple[int, ...] | None]:
    """Question id -> the versions where it is closed (None when every version has it so)."""
    rows = db.session.execute(
        select(SurveyVersion.id, SurveyVersion.definition_json).where(
            SurveyVersion.survey_id == survey.id
        )
    ).all()
    closed: dict[str, list[int]] = {}
    for version_id, data in rows:
        for page in data.get("pages", ()):
            for question in page.get("questions", ()):
                if stored_question_closed(question):
                    closed.setdefault(question["id"], []).append(version_id)
    return {qid: None if len(ids) == len(rows) else tuple(ids) for qid, ids in closed.items()}


def _text(args: Mapping[str, Any], name: str, limit: int = MAX_VALUE) -> str | None:
    value = strip_control(str(args.get(name) or "")).strip()
    return value[:limit] or None


def parse_filter(survey: Survey, args: Any) -> ResponseFilter:
    """The filter a query string asks for (`args`: a MultiDict such as request.args).

    A value that cannot be right (an unknown period, mode or answer) is left out and
    named in ``errors``; the caller shows them and answers 400.
    """
    errors: list[str] = []
    period = ALL
    try:
        period = parse_period(args.get("period") or "all")
    except ValueError:
        errors.append(_("Choose a period from the list, such as 2026-H1, 2026-Q3 or FY2026."))
    campaign = None
    if raw := _text(args, "campaign"):
        if raw.isdigit():
            campaign = int(raw)
        else:
            errors.append(_("Choose a campaign from the list."))
    mode = _text(args, "mode")
    if mode and mode not in MODES:
        errors.append(_("Choose how it was completed from the list."))
        mode = None
    answers = _answer_filters(survey, args.getlist("answer"), errors)
    return ResponseFilter(
        period=period,
        campaign=campaign,
        service=_text(args, "service"),
        language=_text(args, "language"),
        mode=mode,
        age_band=_text(args, "age_band"),
        answers=answers,
        search=_text(args, "q", MAX_SEARCH) or "",
        errors=tuple(errors),
    )


def _answer_filters(survey: Survey, tokens: list[str], errors: list[str]) -> tuple[Any, ...]:
    wanted = [t for t in (strip_control(str(t)).strip() for t in tokens) if t]
    if not wanted:
        return ()
    definition = survey.current_version.definition  # type: ignore[union-attr]
    choices = {q.id: {c.value for c in q.all_choices()} for q in definition.questions() if q.closed}
    versions = closed_versions(survey)
    found = []
    for token in dict.fromkeys(wanted):
        question, _sep, value = token.partition(ANSWER_SEPARATOR)
        if value not in choices.get(question, ()):
            errors.append(_("Choose an answer from the list."))
            continue
        found.append(AnswerFilter(question, value, versions.get(question)))
    return tuple(found)
