"""The response explorer: one survey's responses, filtered, a page at a time, and one
response with all its answers (read-only queries).

Who sees what. The explorer is an analysis page (analysts and admins, like every page
under /analyse) and shows exactly what an export of the same rows shows: closed answers
as they were given, free text as its redacted copy, and a text the shared rule
withholds (feedback.services.safeguarding.showable) as "withheld", for every role, admins included.
A safeguarding lead does not read withheld texts here: the alert page is the one place
they are shown, and it records every look in the audit log; showing them here would
be a second, unaudited way in. A role that may open alerts gets a link to them instead.

Small numbers. Outcome figures hide groups smaller than a survey's ``min_n``, but an
analyst may already download every response with all its closed answers (the exports
suppress nothing: they are the rows the figures are made from). The explorer lists and
opens the same rows, so it suppresses nothing either; what protects a small group is
that no free text leaves unredacted and no withheld text shows at all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import case, false, func, select

from feedback.extensions import db
from feedback.models import (
    Answer,
    Campaign,
    ConcernAlert,
    Response,
    Survey,
    SurveyVersion,
    TextAnalysis,
)
from feedback.models.response import MODES
from feedback.services.outcomes.explorer_filter import ResponseFilter
from feedback.services.safeguarding.showable import text_may_be_shown
from forms.question_base import Formats
from forms.schema import Definition

#: Responses per page of results: a screenful on a laptop, few enough for a phone.
PAGE_SIZE = 20
#: Characters of a text shown in the list (the response's own page shows it all).
SNIPPET = 280


@dataclass(frozen=True)
class Options:
    """What the filter form offers for one survey."""

    campaigns: list[tuple[int, str]]
    services: list[str]
    languages: list[str]
    age_bands: list[str]
    modes: tuple[str, ...]
    #: closed question id -> (question text, [(choice value, label)])
    answers: dict[str, tuple[str, list[tuple[str, str]]]]


def filter_options(survey: Survey) -> Options:
    """The campaigns, services, languages and age bands the survey's responses have."""

    def distinct(column: Any) -> list[str]:
        query = select(column).where(Response.survey_id == survey.id, column.is_not(None))
        return sorted(db.session.scalars(query.distinct()))

    campaigns = db.session.execute(
        select(Campaign.id, Campaign.name)
        .where(Campaign.survey_id == survey.id)
        .order_by(Campaign.name)
    ).all()
    services = db.session.scalars(
        select(Campaign.service)
        .where(
            Campaign.survey_id == survey.id, Campaign.service.is_not(None), Campaign.service != ""
        )
        .distinct()
    )
    definition: Definition = survey.current_version.definition  # type: ignore[union-attr]
    answers = {
        q.id: (q.text, [(c.value, c.label) for c in q.all_choices()])
        for q in definition.questions()
        if q.closed
    }
    return Options(
        campaigns=[(cid, name) for cid, name in campaigns],
        services=sorted(s for s in services if s),
        languages=distinct(Response.language),
        age_bands=distinct(Response.age_band),
        modes=MODES,
        answers=answers,
    )


@dataclass
class ResultRow:
    """One response in the list: when, where from, how, and a snippet of its text."""

    id: int
    submitted_at: datetime
    completed_on: date | None
    campaign: str | None
    service: str | None
    language: str
    mode: str
    age_band: str | None
    #: the first text that may be shown (the one that matched a search first), cut short
    text: str | None = None
    #: how many of its texts may be shown, and whether any is withheld
    texts: int = 0
    withheld: bool = False


@dataclass
class Results:
    rows: list[ResultRow]
    total: int
    page: int
    pages: int
    per_page: int = PAGE_SIZE

    @property
    def first(self) -> int:
        """The position of the first row shown (1-based), 0 when there are none."""
        return (self.page - 1) * self.per_page + 1 if self.rows else 0

    @property
    def last(self) -> int:
        return self.first + len(self.rows) - 1 if self.rows else 0


def explore(survey: Survey, wanted: ResponseFilter, page: int = 1) -> Results:
    """One page of the responses `wanted` picks, newest stored first."""
    where = wanted.where(survey.id)
    total = int(db.session.scalar(select(func.count(Response.id)).where(*where)) or 0)
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(1, page), pages)
    query = (
        select(
            Response.id,
            Response.submitted_at,
            Response.completed_on,
            Campaign.name,
            Campaign.service,
            Response.language,
            Response.mode,
            Response.age_band,
        )
        .outerjoin(Campaign, Campaign.id == Response.campaign_id)
        .where(*where)
        .order_by(Response.id.desc())
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE)
    )
    rows = [ResultRow(*row) for row in db.session.execute(query)]
    _add_texts(rows, wanted.search)
    return Results(rows=rows, total=total, page=page, pages=pages)


def _add_texts(rows: Sequence[ResultRow], search: str) -> None:
    """Give each row its first text that may be shown (one query for the page)."""
    if not rows:
        return
    by_id = {row.id: row for row in rows}
    query = (
        # A withheld text's words never leave the database for this page.
        select(TextAnalysis.response_id, _if_shown(TextAnalysis.redacted), text_may_be_shown())
        .where(TextAnalysis.response_id.in_(list(by_id)))
        .order_by(TextAnalysis.response_id, TextAnalysis.answer_id)
    )
    needle = search.casefold()
    for response_id, redacted, shown in db.session.execute(query):
        row = by_id[response_id]
        if not shown:
            row.withheld = True
            continue
        row.texts += 1
        # With a search, the text that matched comes first.
        if row.text is None or (
            needle and needle not in row.text.casefold() and needle in redacted.casefold()
        ):
            row.text = redacted
    for row in rows:
        if row.withheld:
            row.text = None  # a response with any withheld text shows none in the list
        elif row.text is not None:
            row.text = snippet(row.text, search)


def snippet(text: str, search: str = "", size: int = SNIPPET) -> str:
    """`text` cut to about `size` characters, around the first match of `search`."""
    if len(text) <= size:
        return text
    at = text.casefold().find(search.casefold()) if search else -1
    start = max(0, at - size // 3) if at > size // 2 else 0
    cut = text[start : start + size].strip()
    return ("…" if start else "") + cut + ("…" if start + size < len(text) else "")


def marked(text: str, search: str) -> list[tuple[str, bool]]:
    """`text` in parts, each (words, matched): the template marks the matched parts."""
    if not search:
        return [(text, False)]
    parts: list[tuple[str, bool]] = []
    folded, needle, at = text.casefold(), search.casefold(), 0
    # casefold can change a text's length (ß -> ss); then the match is not marked.
    if len(folded) != len(text):
        return [(text, False)]
    while (found := folded.find(needle, at)) >= 0 and needle:
        parts += [(text[at:found], False), (text[found : found + len(needle)], True)]
        at = found + len(needle)
    parts.append((text[at:], False))
    return [p for p in parts if p[0]]


@dataclass
class AnswerView:
    """One question and the answer given, as the explorer shows it."""

    question: str
    answer: str | None
    #: why a text is not shown: "withheld" (safeguarding) or "not_analysed"
    withheld: str | None = None
    free_text: bool = False


@dataclass
class ResponseView:
    """One response with all its answers."""

    id: int
    version: int
    submitted_at: datetime
    completed_on: date | None
    campaign: str | None
    service: str | None
    language: str
    mode: str
    age_band: str | None
    completed_with_help: str | None
    consent_to_quote: bool | None
    answers: list[AnswerView] = field(default_factory=list)
    alert_ids: list[int] = field(default_factory=list)


def response_view(
    survey: Survey,
    response_id: int,
    translate: Callable[[str], str],
    formats: Formats,
    with_alerts: bool = False,
) -> ResponseView:
    """Response `response_id` of `survey` with every answer; raises LookupError.

    Questions come from the version the respondent answered, in its order, with labels
    from the question types (forms.questions). with_alerts: also the ids of the
    response's concern alerts (for a role that may open them).
    """
    head = db.session.execute(
        select(
            Response.id,
            SurveyVersion.number,
            Response.submitted_at,
            Response.completed_on,
            Campaign.name,
            Campaign.service,
            Response.language,
            Response.mode,
            Response.age_band,
            Response.completed_with_help,
            Response.consent_to_quote,
            Response.version_id,
        )
        .join(SurveyVersion, SurveyVersion.id == Response.version_id)
        .outerjoin(Campaign, Campaign.id == Response.campaign_id)
        .where(Response.id == response_id, Response.survey_id == survey.id)
    ).one_or_none()
    if head is None:
        raise LookupError(f"no response {response_id} of {survey.slug}")
    *facts, version_id = head
    view = ResponseView(*facts)
    definition = db.session.get(SurveyVersion, version_id).definition  # type: ignore[union-attr]
    view.answers = _answers(definition, response_id, translate, formats)
    if with_alerts:
        view.alert_ids = list(
            db.session.scalars(
                select(ConcernAlert.id)
                .where(ConcernAlert.response_id == response_id)
                .order_by(ConcernAlert.id)
            )
        )
    return view


def _answers(
    definition: Definition, response_id: int, translate: Callable[[str], str], formats: Formats
) -> list[AnswerView]:
    rows = db.session.execute(
        select(
            Answer.question_id,
            Answer.value,
            _if_shown(TextAnalysis.redacted),
            # As in the exports: only an analysed text can be shown, by the shared rule.
            case((TextAnalysis.id.is_(None), false()), else_=text_may_be_shown()),
            TextAnalysis.id.is_not(None),
        )
        .outerjoin(TextAnalysis, TextAnalysis.answer_id == Answer.id)
        .where(Answer.response_id == response_id)
        .order_by(Answer.id)
    ).all()
    given: dict[str, list[Any]] = {}
    for row in rows:
        given.setdefault(row[0], []).append(row)
    shown: list[AnswerView] = []
    for question in definition.questions():
        answers = given.pop(question.id, None)
        if not answers:
            continue
        if question.free_text:
            shown += [_text_answer(question.text, a) for a in answers]
        elif question.type == "pairing_code":
            # Stored only as a keyed hash: there is nothing a person could read.
            shown.append(
                AnswerView(question.text, translate("A private pairing code (stored scrambled)"))
            )
        else:
            values = [a[1] for a in answers]
            value = values if question.qtype.multiple else values[0]
            shown.append(
                AnswerView(question.text, question.qtype.shown(question, value, translate, formats))
            )
    # Answers to no question of the version (a focus group's quotes): a text with an
    # analysis follows the text rule; anything else is not shown, as it is not known to
    # be safe to show.
    for question_id, answers in given.items():
        shown += [
            _text_answer(question_id, a)
            if a[4]
            else AnswerView(question_id, None, "not_analysed", True)
            for a in answers
        ]
    return shown


def _if_shown(column: Any) -> Any:
    """SQL: `column` of a text that may be shown, else NULL."""
    return case((text_may_be_shown(), column), else_=None)


def _text_answer(question: str, row: Any) -> AnswerView:
    _qid, _value, redacted, may_show, analysed = row
    if may_show:
        return AnswerView(question, redacted, free_text=True)
    return AnswerView(question, None, "withheld" if analysed else "not_analysed", True)
