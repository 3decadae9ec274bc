"""Exports from the database: rows streamed from SQL into the generators of analysis.export.

Two queries, responses and answers (with each answer's text analysis), both ordered by
response id, are read side by side with server-side cursors in batches (``yield_per``),
so memory stays flat at any size. The generators in analysis.export
decide what each cell shows (redacted text, withheld text, neutralised formulas); which
free texts may be shown at all comes from the database, by the rule every page and
report shares (feedback.services.safeguarding.showable). Callers (the download routes and
`heard export`) write the audit row first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import case, false, func, select

from analysis import export as ex
from analysis.periods import ALL, Period
from feedback.extensions import db
from feedback.models import (
    Answer,
    Campaign,
    Response,
    Survey,
    SurveyVersion,
    TextAnalysis,
)
from feedback.services.outcomes.explorer_filter import ResponseFilter
from feedback.services.outcomes.rows import in_period
from feedback.services.safeguarding.showable import text_may_be_shown

FORMATS = ("csv", "xlsx", "json")
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
#: Rows fetched per round trip; large enough to be fast, small enough to stay flat.
BATCH = 5000


@dataclass(frozen=True)
class ExportRequest:
    """What to export. long: CSV with one row per answer. raw: unredacted free text.

    filters: only the responses the response explorer's filters pick (its period is
    ignored: `period` is the export's).
    """

    survey: Survey
    format: str = "csv"
    long: bool = False
    raw: bool = False
    period: Period = ALL
    filters: ResponseFilter | None = None

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise ValueError(f"unknown format {self.format!r}: use {', '.join(FORMATS)}")
        if self.long and self.format != "csv":
            raise ValueError("the long layout (one row per answer) is for CSV only")

    @property
    def filename(self) -> str:
        """A download name such as ``children-8-11_2026-H1_long.csv``."""
        parts = [self.survey.slug, self.period.label]
        if self.long:
            parts.append("long")
        if self.raw:
            parts.append("raw-text")
        if self.filtered:
            parts.append("filtered")
        return "_".join(parts) + "." + self.format

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.format]

    @property
    def filtered(self) -> bool:
        """Only some of the period's responses (the explorer's filters)."""
        return self.filters is not None and self.filters.narrowed

    def scope(self) -> list[Any]:
        """WHERE conditions on Response: the survey, the period and any filters."""
        if self.filters is None:
            return [Response.survey_id == self.survey.id, in_period(self.period)]
        return replace(self.filters, period=self.period).where(self.survey.id)

    def audit_detail(self) -> dict[str, Any]:
        """The facts an audit row records about this export (never any text)."""
        detail = {
            "format": self.format,
            "period": self.period.label,
            "long": self.long,
            "raw_text": self.raw,
        }
        if self.filtered:
            detail["filters"] = self.filters.audit_detail()  # type: ignore[union-attr]
        return detail


def questions_of(survey: Survey) -> list[ex.Question]:
    """The question columns of every version of `survey` (see analysis.export)."""
    rows = db.session.execute(
        select(SurveyVersion.number, SurveyVersion.definition_json).where(
            SurveyVersion.survey_id == survey.id
        )
    )
    return ex.question_columns(
        (number, [q for page in data.get("pages", ()) for q in page.get("questions", ())])
        for number, data in rows
    )


def count_responses(survey: Survey, period: Period | str = "all") -> int:
    """Responses an export of `survey` in `period` will hold (for a progress bar)."""
    query = select(func.count(Response.id)).where(
        Response.survey_id == survey.id, in_period(period)
    )
    return int(db.session.scalar(query) or 0)


def response_records(
    survey: Survey, period: Period | str = "all", scope: list[Any] | None = None
) -> Iterator[ex.Record]:
    """(response columns, answers) per response, ordered by response id, streamed.

    Two ordered queries are read side by side: responses, and answers with their text
    analysis. Repeating a response's columns on each of its answers would make the
    database send, and Python parse, every timestamp a dozen times.
    scope: WHERE conditions on Response instead of the survey and period
    (:meth:`ExportRequest.scope`).
    """
    if scope is None:
        scope = [Response.survey_id == survey.id, in_period(period)]
    responses = (
        select(
            Response.id.label("response_id"),
            SurveyVersion.number.label("version"),
            Response.submitted_at,
            Response.completed_on,
            Response.audience,
            Response.age_band,
            Response.language,
            Response.mode,
            Response.completed_with_help,
            Response.consent_to_quote,
            Campaign.name.label("campaign"),
            Campaign.service,
        )
        .join(SurveyVersion, SurveyVersion.id == Response.version_id)
        .outerjoin(Campaign, Campaign.id == Response.campaign_id)
        .where(*scope)
        .order_by(Response.id)
        .execution_options(yield_per=BATCH)
    )
    answers = (
        select(
            Answer.response_id,
            Answer.question_id,
            Answer.value,
            Answer.number_value,
            TextAnalysis.redacted,
            # Asked only of analysed answers (free text): closed answers skip the lookup.
            case((TextAnalysis.id.is_(None), false()), else_=text_may_be_shown()).label("shown"),
        )
        .join(Response, Response.id == Answer.response_id)
        .outerjoin(TextAnalysis, TextAnalysis.answer_id == Answer.id)
        .where(*scope)
        .order_by(Answer.response_id, Answer.id)
        .execution_options(yield_per=BATCH)
    )
    # Core rows on the session's connection: the ORM adds nothing here but time.
    connection = db.session.connection()
    pending = iter(connection.execute(answers))
    answer = next(pending, None)
    slug = survey.slug
    for row in connection.execute(responses):
        head = row._asdict()
        rid = head["response_id"]
        head["survey"] = slug
        mine = []
        while answer is not None and answer.response_id <= rid:
            if answer.response_id == rid:
                mine.append(answer)
            answer = next(pending, None)
        yield head, mine


def _counted(rows: Iterator[Any], progress: Callable[[int], object] | None) -> Iterator[Any]:
    for row in rows:
        yield row
        if progress:
            progress(1)


def _sheets(request: ExportRequest) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The outcomes and themes sheets of the XLSX export (small: one row per statement)."""
    from feedback.services.outcomes.rows import outcome_rows
    from feedback.services.outcomes.stories import theme_stories

    if request.filtered:
        # The outcome and theme figures are the whole period's: beside a filtered set of
        # rows they would read as that set's. The survey page has them.
        return [], []
    outcomes = [r.to_json() for r in outcome_rows([request.survey.slug], request.period)]
    themes = [
        {
            "theme": s.theme,
            "mentions": s.mentions,
            "positive": s.positive,
            "neutral": s.neutral,
            "negative": s.negative,
            "other_language": s.other_language,
            "share_positive": s.share_positive,
            "share_negative": s.share_negative,
        }
        for s in theme_stories([request.survey.id], request.period, per_theme=0)
    ]
    return outcomes, themes


def _rows(request: ExportRequest, progress: Callable[[int], object] | None) -> Iterator[Any]:
    questions = questions_of(request.survey)
    records = response_records(request.survey, request.period, request.scope())
    if request.long:  # CSV only: cells are made ready for it once per response
        rows = ex.long_rows(records, questions, request.raw, csv_ready=True)
    else:
        rows = ex.wide_rows(records, questions, request.raw)
    return _counted(rows, progress)


def stream_export(
    request: ExportRequest, bom: bool = False, progress: Callable[[int], object] | None = None
) -> Iterator[str | bytes]:
    """The export as chunks: text for CSV and JSON, bytes for XLSX.

    bom: start a CSV with a UTF-8 byte order mark (for spreadsheet programs).
    progress: called with 1 per response written (per answer for long CSV).
    """
    questions = questions_of(request.survey)
    if request.format == "csv":
        header = ex.long_header() if request.long else ex.wide_header(questions)
        yield from ex.csv_chunks(header, _rows(request, progress), bom=bom, ready=request.long)
    elif request.format == "json":
        records = ex.json_records(
            response_records(request.survey, request.period, request.scope()),
            questions,
            request.raw,
        )
        yield from ex.json_chunks(_counted(records, progress))
    else:
        # Imported here: openpyxl costs 0.2 s of every `heard` start-up otherwise.
        from analysis.export_xlsx import xlsx_chunks

        outcomes, themes = _sheets(request)
        yield from xlsx_chunks(questions, _rows(request, progress), outcomes, themes)


def write_export(
    request: ExportRequest, target: Any, progress: Callable[[int], object] | None = None
) -> None:
    """Write the export to an open file: text mode for CSV and JSON, binary for XLSX."""
    if request.format == "xlsx":
        from analysis.export_xlsx import write_xlsx  # openpyxl only when asked (start-up)

        outcomes, themes = _sheets(request)
        write_xlsx(target, questions_of(request.survey), _rows(request, progress), outcomes, themes)
        return
    for chunk in stream_export(request, progress=progress):
        target.write(chunk)
