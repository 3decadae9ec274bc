"""Work that happens inside the transaction that stores a response."""

from __future__ import annotations

from feedback.models import Response
from feedback.services.contact import ContactRequest
from forms.schema import Definition


def after_response_stored(
    response: Response, definition: Definition, contact: ContactRequest | None = None
) -> None:
    """Analyse the response's free text (and raise concern alerts) in the same transaction.

    `contact` is the respondent's answer to "Would you like someone to contact you?" when
    the survey offered it; it is stored encrypted on an alert, never as an answer.
    """
    from feedback.services.text import analyse_response  # the analyser loads its lexicons

    analyse_response(response, definition, contact)
