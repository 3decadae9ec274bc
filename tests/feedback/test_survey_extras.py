"""The survey page's charts, themed excerpts and downloads, and the chart route's lock."""

from __future__ import annotations

from tests.feedback.textdata import add_text, make_user, sign_in

QUOTED = "The school nurse explained everything and never rushed me."
REFUSED = "I said no to quoting but I liked how quickly they came round."
FLAGGED = "Flagged words that an analyst page must not show at all."


def _fill(app) -> None:  # type: ignore[no-untyped-def]
    with app.app_context():
        from feedback.services.surveys.versions import load_library

        load_library()
        for i in range(11):  # enough answers that the outcome is not suppressed
            add_text("children-8-11", f"Reply {i} was fine.", [], closed={"listened": "happy"})
        add_text("children-8-11", QUOTED, [("communication", "positive")])
        add_text("children-8-11", REFUSED, [("timeliness", "positive")], consent=False)
        add_text("children-8-11", FLAGGED, [("timeliness", "negative")], concern=True)


def test_survey_page_shows_charts_excerpts_and_downloads(app, client):
    _fill(app)
    make_user(app, "analyst@example.org", "analyst")
    sign_in(client, "analyst@example.org")
    reply = client.get("/analyse/surveys/children-8-11?period=all")
    assert reply.status_code == 200
    page = reply.get_data(as_text=True)
    assert "/analyse/surveys/children-8-11/charts/outcomes.svg?period=all" in page
    assert 'alt="Bar chart, ' in page and "The data in this chart" in page
    assert "Being kept informed" in page and QUOTED in page
    assert REFUSED not in page and FLAGGED not in page
    assert "/analyse/surveys/children-8-11/export?format=xlsx" in page
    assert "I need the unredacted free text" in page


def test_chart_route_serves_svg_with_a_strict_csp(app, client):
    _fill(app)
    make_user(app, "analyst@example.org", "analyst")
    sign_in(client, "analyst@example.org")
    for kind in ("outcomes", "trend", "themes"):
        reply = client.get(f"/analyse/surveys/children-8-11/charts/{kind}.svg?period=2026-H1")
        assert reply.status_code == 200 and reply.mimetype == "image/svg+xml"
        assert "script-src" not in reply.headers["Content-Security-Policy"]
        assert b"<svg" in reply.data and b"<script" not in reply.data
    assert client.get("/analyse/surveys/children-8-11/charts/pie.svg").status_code == 404
    assert client.get("/analyse/surveys/nope/charts/themes.svg").status_code == 404
    assert (
        client.get("/analyse/surveys/children-8-11/charts/themes.svg?period=x").status_code == 400
    )


def test_chart_route_needs_the_analyst_role(app, client):
    _fill(app)
    url = "/analyse/surveys/children-8-11/charts/themes.svg"
    reply = client.get(url)
    assert reply.status_code == 302 and "/login" in reply.headers["Location"]
    make_user(app, "lead@example.org", "safeguarding")
    sign_in(client, "lead@example.org")
    assert client.get(url).status_code == 403


def test_a_kept_chart_is_drawn_afresh_when_the_data_changes(app, client):
    """Chart images are kept per data version: the same again, until a response arrives."""
    _fill(app)
    make_user(app, "analyst@example.org", "analyst")
    sign_in(client, "analyst@example.org")
    url = "/analyse/surveys/children-8-11/charts/outcomes.svg?period=all"
    first = client.get(url).data
    assert b"(n=11)" in first
    assert client.get(url).data == first
    with app.app_context():
        add_text("children-8-11", "One more reply.", [], closed={"listened": "sad"})
    again = client.get(url).data
    assert b"(n=12)" in again and b"(n=11)" not in again
