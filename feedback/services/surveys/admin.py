"""Surveys in the admin area: importing an uploaded definition, opening and closing.

An upload goes through exactly the validation `heard surveys validate` applies (the
forms loader), so the browser shows the same messages as the command line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import Response, Survey, SurveyVersion, User
from feedback.services.audit import audit
from feedback.services.surveys.versions import LoadResult, load_survey
from forms.loader import DefinitionError, load_text
from forms.schema import Definition

#: what an upload may be, by the end of its file name
SUFFIXES = (".yaml", ".yml", ".xlsx")


class UploadError(DefinitionError):
    """The upload was refused. ``problems`` lists why; ``unsupported`` the XLSForm rows
    Heard cannot keep, when those are (part of) the reason."""

    def __init__(self, problems: list[str], unsupported: list[str] | None = None) -> None:
        super().__init__(problems)
        self.unsupported = unsupported or []


@dataclass
class Imported:
    result: LoadResult
    #: XLSForm rows left out because the admin asked to skip them
    skipped: list[str] = field(default_factory=list)
    #: things done on the author's behalf (defaults, renamed ids)
    notes: list[str] = field(default_factory=list)
    #: languages with translated labels found in an XLSForm, and how many
    translated: dict[str, int] = field(default_factory=dict)


def _safe_name(filename: str) -> str:
    # Only the last part of the name: a browser may send a path, and this is shown.
    return PurePath(filename.replace("\\", "/")).name[:200] or "upload"


def _validate(
    name: str, content: bytes, skip_unsupported: bool
) -> tuple[Definition, list[str], list[str], dict[str, int]]:
    suffix = PurePath(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise UploadError(
            [f"{name}: choose a .yaml survey definition or an XLSForm .xlsx workbook"]
        )
    if suffix == ".xlsx":
        from forms.xlsform import XLSFormError, load_workbook

        try:
            definition, found = load_workbook(content, name, skip_unsupported)
        except XLSFormError as exc:
            raise UploadError(exc.problems, exc.unsupported) from None
        translated = {code: len(texts) for code, texts in found.translations.items()}
        return definition, found.unsupported, found.notes, translated
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UploadError([f"{name}: not UTF-8 text (byte {exc.start})"]) from None
    try:
        return load_text(text, name), [], [], {}
    except DefinitionError as exc:
        raise UploadError(exc.problems) from None


def import_upload(
    filename: str, content: bytes, by: User | None = None, skip_unsupported: bool = False
) -> Imported:
    """Validate an uploaded definition and store it as a new version of its survey.

    filename: the name the browser gave (its suffix picks YAML or XLSForm).
    skip_unsupported: for an XLSForm, import the rest when some rows are unsupported.
    Raises UploadError with the same messages `heard surveys validate` prints.
    """
    name = _safe_name(filename)
    definition, skipped, notes, translated = _validate(name, content, skip_unsupported)
    try:
        result = load_survey(definition, source=name)
    except DefinitionError as exc:  # SlugTaken, or an audit (never a public survey)
        raise UploadError([f"{name}: {problem}" for problem in exc.problems]) from None
    audit(
        "survey.upload",
        "survey",
        result.survey.id,
        user_id=by.id if by else None,
        version=result.version.number,
        created=result.created,
        source=name,
        skipped_rows=len(skipped),
    )
    return Imported(result, skipped, notes, translated)


def set_open(survey: Survey, is_open: bool, by: User | None = None) -> bool:
    """Open or close `survey` for new responses; False when it already was.

    A closed survey's links answer 410 (closed) to respondents; nothing is deleted.
    """
    if survey.is_open == is_open:
        return False
    survey.is_open = is_open
    audit(
        "survey.open" if is_open else "survey.close",
        "survey",
        survey.id,
        commit=False,
        user_id=by.id if by else None,
    )
    db.session.commit()
    return True


def survey_rows() -> list[dict[str, Any]]:
    """One row per survey: slug, title, audience, open, current version, responses."""
    counts = (
        select(Response.survey_id, func.count(Response.id).label("n"))
        .group_by(Response.survey_id)
        .subquery()
    )
    rows = db.session.execute(
        select(Survey, SurveyVersion.number, counts.c.n)
        .join(SurveyVersion, Survey.current_version_id == SurveyVersion.id, isouter=True)
        .join(counts, counts.c.survey_id == Survey.id, isouter=True)
        .order_by(Survey.slug)
    )
    return [
        {"survey": survey, "version": number, "responses": n or 0} for survey, number, n in rows
    ]


def version_rows(survey: Survey) -> list[dict[str, Any]]:
    """Every version of `survey`, newest first, with its number of responses."""
    counts = dict(
        db.session.execute(
            select(Response.version_id, func.count(Response.id))
            .where(Response.survey_id == survey.id)
            .group_by(Response.version_id)
        ).all()
    )
    versions = db.session.scalars(
        select(SurveyVersion)
        .where(SurveyVersion.survey_id == survey.id)
        .order_by(SurveyVersion.number.desc())
    )
    return [
        {
            "version": v,
            "responses": counts.get(v.id, 0),
            "current": v.id == survey.current_version_id,
        }
        for v in versions
    ]
