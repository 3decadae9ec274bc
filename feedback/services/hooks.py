"""Work that happens inside the transaction that stores a response."""

from __future__ import annotations

from feedback.models import Response
from forms.schema import Definition


def after_response_stored(response: Response, definition: Definition) -> None:
    """Analyse the response's free text in the same transaction (added with the analyser)."""
