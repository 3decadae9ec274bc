"""The optional last question "Would you like someone to contact you?" (`offer_contact`).

It is added to the definition the respondent walks through, as two final pages (the
details page only after a yes, because branching happens between screens), so the
ordinary flow, validation, back button and check-your-answers page all work unchanged.
The stored survey version never contains these questions, so record_response() never
turns them into Answer rows: the details reach only an encrypted field of a
safeguarding alert (feedback.services.text.analyses).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from feedback.models import SurveyVersion
from feedback.services.safeguarding.contact import (
    MAX_CONTACT_LENGTH,
    ContactRequest,
    contact_available,
)
from feedback.services.surveys.entry import LiveVersion
from forms.questions import N_
from forms.schema import Condition, Definition, Page, Question

WANTED = "heard_contact"
DETAILS = "heard_contact_details"

_PAGES = (
    Page(
        N_("Someone to talk to"),
        (
            Question(
                id=WANTED,
                type="yes_no",
                text=N_("Would you like someone to contact you?"),
                hint=N_(
                    "Only if you want to. Someone whose job is to help keep children and "
                    "families safe would get in touch."
                ),
            ),
        ),
    ),
    Page(
        N_("How to contact you"),
        (
            Question(
                id=DETAILS,
                type="textarea",
                text=N_("How can we contact you?"),
                hint=N_(
                    "For example a phone number or email address, and when it is safe to "
                    "call. Only that person will see this."
                ),
                max_length=MAX_CONTACT_LENGTH,
                show_if=Condition(WANTED, "equals", ("yes",)),
            ),
        ),
    ),
)


def respondent_definition(version: SurveyVersion | LiveVersion) -> Definition:
    """The definition a respondent answers: the stored one, plus the contact question.

    The contact question is left out when no encryption key is available (production
    without HEARD_CONTACT_KEY), rather than storing details unprotected.
    """
    definition = version.definition
    if not definition.offer_contact or not contact_available():
        return definition
    cached = version.__dict__.get("_respondent_definition")
    if cached is None:
        cached = replace(definition, pages=definition.pages + _PAGES)
        version.__dict__["_respondent_definition"] = cached
    return cached


def contact_request(answers: Mapping[str, object]) -> ContactRequest | None:
    """The respondent's answer to the contact question, or None when it was not asked/answered."""
    wanted = answers.get(WANTED)
    if wanted not in ("yes", "no"):
        return None
    details = answers.get(DETAILS) if wanted == "yes" else None
    return ContactRequest(wanted=wanted == "yes", details=str(details or "").strip())
