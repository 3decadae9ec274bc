"""Work around the transaction that stores a response: analysis before it, rows inside it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from feedback.models import Response
from feedback.services.safeguarding.contact import ContactRequest
from forms.schema import Definition

if TYPE_CHECKING:
    from analysis.text import TextResult

Verdicts = Mapping[str, "TextResult | None"]


def before_response_stored(
    definition: Definition, answers: Mapping[str, object], language: str | None
) -> Verdicts:
    """Analyse the free-text answers before anything is written (the slow part).

    On SQLite a write transaction holds the only writer's lock until it commits: the
    analyser must not run inside it, or every other respondent waits.
    """
    from feedback.services.text.analyses import analyse_answers  # the analyser loads its lexicons

    return analyse_answers(definition, answers, language)


def after_response_stored(
    response: Response,
    definition: Definition,
    contact: ContactRequest | None = None,
    analysed: Verdicts | None = None,
) -> None:
    """Store the analysis rows (and raise concern alerts) in the response's transaction.

    `contact` is the respondent's answer to "Would you like someone to contact you?" when
    the survey offered it; it is stored encrypted on an alert, never as an answer.
    `analysed`: the verdicts from :func:`before_response_stored`.
    """
    from feedback.services.text.analyses import analyse_response

    analyse_response(response, definition, contact, analysed)
