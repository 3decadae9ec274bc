"""Small helpers for driving the public survey through the test client."""

from __future__ import annotations

import re
from pathlib import Path

from flask.testing import FlaskClient

HERE = Path(__file__).resolve().parent


def load_test_survey(app, name: str = "branching.yaml"):  # type: ignore[no-untyped-def]
    from feedback.services.surveys.versions import load_survey
    from forms.loader import load_definition

    with app.app_context():
        return load_survey(load_definition(HERE / "surveys" / name)).survey.slug


def hidden(html: str, name: str) -> str:
    match = re.search(rf'name="{name}"[^>]*value="([^"]*)"', html) or re.search(
        rf'value="([^"]*)"[^>]*name="{name}"', html
    )
    assert match, f"no hidden field {name}"
    return match.group(1)


def start(client: FlaskClient, slug: str) -> str:
    """Open the consent page, press Start, and return the first question page's HTML."""
    page = client.get(f"/s/{slug}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    reply = client.post(
        f"/s/{slug}", data={"csrf_token": hidden(html, "csrf_token"), "action": "start"}
    )
    assert reply.status_code == 200
    return reply.get_data(as_text=True)


def post_page(client: FlaskClient, slug: str, html: str, answers: dict, action: str = "next"):  # type: ignore[no-untyped-def]
    data = {
        "csrf_token": hidden(html, "csrf_token"),
        "state": hidden(html, "state"),
        "action": action,
    }
    data.update(answers)
    return client.post(f"/s/{slug}", data=data)
