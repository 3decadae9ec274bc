"""Limits on survey POSTs that follow what an abuser does, not where a school is.

A class of 30 children behind one school address (or a kiosk) sends hundreds of POSTs in
a few minutes, so a plain per-address limit on every POST throttles the classroom. What
an abuser does is different, so that is what is counted:

- per draft: one half-finished survey posting far faster than anyone reads (a replay);
- stored responses per address: far more completions a minute than any class;
- new drafts (Start) per address: the same, for drafts started and never sent;
- junk per address: POSTs whose signed draft is forged, expired or for another survey;
- wrong access codes per address and campaign: guessing a course's code.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import current_app, request

from feedback.errors import render_error
from feedback.models import Campaign
from feedback.respond.draft import DraftError, load_draft
from feedback.services.surveys.entry import LiveCampaign
from feedback.throttle import client_address, exhausted, spend


def _rate(name: str) -> str:
    return current_app.config[name]


def _draft_token() -> str | None:
    """The one-time token inside the POSTed draft, or None when the draft is not genuine."""
    try:
        draft = load_draft(
            request.form.get("state", ""),
            current_app.config["SECRET_KEY"],
            current_app.config["HEARD_DRAFT_MAX_AGE"],
        )
    except DraftError:
        return None
    return draft.token


def _too_many() -> Any:
    body, code = render_error(429)
    response = current_app.make_response((body, code))
    response.headers["Retry-After"] = "60"
    return response


def guard_survey_post(view: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap the survey POST view with the limits above (no-ops when throttling is off)."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        address = client_address()
        if exhausted("survey-submit", address, _rate("HEARD_SUBMIT_RATE")):
            return _too_many()
        if request.form.get("action") == "start":
            if not spend("survey-start", address, _rate("HEARD_START_RATE")):
                return _too_many()
        else:
            token = _draft_token()
            if token is None:
                if exhausted("survey-junk", address, _rate("HEARD_JUNK_RATE")):
                    return _too_many()
            elif not spend("survey-draft", token, _rate("HEARD_DRAFT_RATE")):
                return _too_many()
        response = current_app.make_response(view(*args, **kwargs))
        if response.status_code == 400:
            spend("survey-junk", address, _rate("HEARD_JUNK_RATE"))
        elif response.status_code == 303:  # stored (or a retry of one stored)
            spend("survey-submit", address, _rate("HEARD_SUBMIT_RATE"))
        return response

    return wrapped


def _code_key(campaign: Campaign | LiveCampaign) -> str:
    return f"{client_address()}|{campaign.id}"


def code_guessing_stopped(campaign: Campaign | LiveCampaign) -> bool:
    """Whether this address has had too many wrong access codes for `campaign` lately."""
    return exhausted("access-code", _code_key(campaign), _rate("HEARD_ACCESS_CODE_RATE"))


def wrong_code_entered(campaign: Campaign | LiveCampaign) -> None:
    """Count a wrong access code; right codes are never counted, so a class is never held."""
    spend("access-code", _code_key(campaign), _rate("HEARD_ACCESS_CODE_RATE"))
