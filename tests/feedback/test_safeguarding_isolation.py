"""A flagged text never leaves the alert page: not in excerpts, not in any export."""

from __future__ import annotations

import pytest

from feedback.services.outcomes.stories import theme_stories
from feedback.services.surveys.lookup import surveys_by_slug
from tests.feedback.safeguarding_helpers import DISCLOSURE, HARMLESS, alerts, submit

SLUG = "children-8-11"


@pytest.fixture
def answered(library_loaded):  # type: ignore[no-untyped-def]
    client = library_loaded.test_client()
    # Both said yes to being quoted: only the flag keeps the disclosure out.
    submit(client, SLUG, {"anything_else": DISCLOSURE, "consent_to_quote": "yes"})
    submit(client, SLUG, {"anything_else": HARMLESS, "consent_to_quote": "yes"})
    assert len(alerts(library_loaded)) == 1
    return library_loaded


def test_excerpts_leave_the_flagged_text_out(answered):
    with answered.app_context():
        stories = repr(theme_stories([s.id for s in surveys_by_slug([SLUG])], per_theme=5))
    assert "listened to me" in stories  # the harmless answer is quotable
    assert "boyfriend" not in stories


@pytest.mark.parametrize(
    "extra", [["--format", "csv"], ["--format", "csv", "--long"], ["--format", "json"]]
)
@pytest.mark.parametrize("raw", [False, True])
def test_exports_withhold_the_flagged_text(answered, runner, extra, raw):
    args = ["export", SLUG, *extra] + (["--raw-text"] if raw else [])
    result = runner.invoke(args=args)
    assert result.exit_code == 0, result.output
    assert "boyfriend" not in result.output and "scared" not in result.output
    assert "forms" in result.output  # the harmless answer is there
