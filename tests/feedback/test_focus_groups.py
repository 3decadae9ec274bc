"""Focus groups: recording a session, per-quote consent, and human theme labels."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import (
    Answer,
    FocusQuote,
    FocusSession,
    Response,
    TextAnalysis,
    TextTheme,
)
from tests.feedback.staff_helpers import (
    assert_locked,
    assert_post_locked,
    csrf,
    every_role,
    signed_in,
    user_id,
)

NOTE_LISTENED = "Most said their youth worker really listened but school staff did not."
NOTE_SAFE = "Street lighting near the park came up a lot; the bus station at night too."
QUOTE_YES = "When she listened to me I felt like I mattered."
QUOTE_NO = "Nobody ever asked what I wanted."


def _form(client, **extra) -> dict:  # type: ignore[no-untyped-def]
    page = client.get("/facilitate/sessions/new").get_data(as_text=True)
    import re

    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    data = {
        "csrf_token": csrf(client, "/facilitate/sessions/new"),
        "token": token,
        "quote_rows": "6",
        "facilitator": "Jo Facilitator",
        "session_date": "2026-02-10",
        "who_took_part": "young_people",
        "setting": "youth_club",
        "participants": "7",
        "age_range": "12-17",
        "prompt_listened": NOTE_LISTENED,
        "prompt_safe": NOTE_SAFE,
        "themes_raised": ["listened_to", "safety"],
        "consent_to_quote": "yes",
        "quote_0_text": QUOTE_YES,
        "quote_0_consent": "yes",
        "quote_0_prompt": "prompt_listened",
        "quote_1_text": QUOTE_NO,
        "quote_1_consent": "no",
        "action": "save",
    }
    data.update(extra)
    return data


def _record(app) -> tuple[object, int]:  # type: ignore[no-untyped-def]
    client = signed_in(app, "facilitator")
    reply = client.post("/facilitate/sessions/new", data=_form(client))
    assert reply.status_code == 303, reply.get_data(as_text=True)[:2000]
    with app.app_context():
        return client, db.session.scalar(select(FocusSession.id))


def _auto_themes(app, session_id: int, suggestions: dict[str, list[str]]) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Give each text the analyser's suggestions (made here, so the test does not depend on
    what the analyser finds); returns text -> answer id."""
    with app.app_context():
        focus = db.session.get(FocusSession, session_id)
        answers = db.session.scalars(
            select(Answer).where(Answer.response_id == focus.response_id)
        ).all()
        ids = {}
        for answer in answers:
            if answer.value not in suggestions:
                continue
            analysis = db.session.scalar(
                select(TextAnalysis).where(TextAnalysis.answer_id == answer.id)
            )
            if analysis is None:
                analysis = TextAnalysis(
                    answer_id=answer.id,
                    response_id=answer.response_id,
                    language="en",
                    sentiment="mixed",
                    polarity=0.0,
                    redacted=answer.value,
                )
                db.session.add(analysis)
            analysis.themes = [
                TextTheme(theme=t, sentiment="negative", source="auto")
                for t in suggestions[answer.value]
            ]
            ids[answer.value] = answer.id
        db.session.commit()
        return ids


def test_focus_group_routes_are_for_facilitators_and_admins(library_loaded):
    app = library_loaded
    _client, session_id = _record(app)
    clients = every_role(app)
    for path in (
        "/facilitate/sessions",
        "/facilitate/sessions/new",
        f"/facilitate/sessions/{session_id}",
    ):
        assert_locked(clients, path, ("facilitator", "admin"))
    assert clients["admin"].get("/facilitate/sessions/999").status_code == 404
    assert_post_locked(clients, "/facilitate/sessions/new", ("facilitator", "admin"))
    assert_post_locked(
        clients, f"/facilitate/sessions/{session_id}/themes", ("facilitator", "admin")
    )


def test_a_session_is_a_facilitated_response_with_quotes_and_their_consent(library_loaded):
    app = library_loaded
    _client, session_id = _record(app)
    with app.app_context():
        focus = db.session.get(FocusSession, session_id)
        response = db.session.get(Response, focus.response_id)
        assert focus.facilitator == "Jo Facilitator"
        assert (response.mode, response.audience) == ("facilitated", "focus_group")
        assert response.completed_on == date(2026, 2, 10)
        assert response.age_band == "12-17" and response.completed_with_help == "facilitator"
        assert response.entered_by_id == user_id(app, "facilitator")
        # One quote was not agreed: the session as a whole may not be quoted.
        assert response.consent_to_quote is False
        values = {(a.question_id, a.value) for a in response.answers}
        assert ("prompt_listened", NOTE_LISTENED) in values and ("setting", "youth_club") in values
        assert {("themes_raised", "listened_to"), ("themes_raised", "safety")} <= values
        quotes = db.session.execute(
            select(Answer.value, FocusQuote.consent, FocusQuote.prompt_id)
            .join(FocusQuote, FocusQuote.answer_id == Answer.id)
            .order_by(FocusQuote.id)
        ).all()
        assert quotes == [(QUOTE_YES, True, "prompt_listened"), (QUOTE_NO, False, None)]


def test_all_quotes_agreed_lets_the_session_be_quoted(library_loaded):
    app = library_loaded
    client = signed_in(app, "facilitator")
    data = _form(client, quote_1_text="", quote_1_consent="")
    assert client.post("/facilitate/sessions/new", data=data).status_code == 303
    with app.app_context():
        assert db.session.scalar(select(Response.consent_to_quote)) is True


def test_quotes_need_the_group_and_each_person_to_agree(library_loaded):
    app = library_loaded
    client = signed_in(app, "facilitator")
    group_no = client.post("/facilitate/sessions/new", data=_form(client, consent_to_quote="no"))
    assert "the group agreed to be quoted" in group_no.get_data(as_text=True)
    unknown = client.post("/facilitate/sessions/new", data=_form(client, quote_0_consent=""))
    assert "Say whether this person agreed" in unknown.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count(Response.id))) == 0


def test_more_quote_boxes_keep_what_was_typed(library_loaded):
    app = library_loaded
    client = signed_in(app, "facilitator")
    reply = client.post("/facilitate/sessions/new", data=_form(client, action="more"))
    html = reply.get_data(as_text=True)
    assert 'name="quote_9_text"' in html and NOTE_SAFE in html
    with app.app_context():
        assert db.session.scalar(select(func.count(Response.id))) == 0


def test_sending_the_same_session_twice_stores_it_once(library_loaded):
    app = library_loaded
    client = signed_in(app, "facilitator")
    data = _form(client)
    assert client.post("/facilitate/sessions/new", data=data).status_code == 303
    assert client.post("/facilitate/sessions/new", data=data).status_code == 303
    with app.app_context():
        assert db.session.scalar(select(func.count(FocusSession.id))) == 1


def test_human_labels_replace_the_suggestions_and_flow_into_theme_counts(library_loaded):
    app = library_loaded
    client, session_id = _record(app)
    ids = _auto_themes(
        app,
        session_id,
        # Every text of the session, so the counts below do not depend on the analyser.
        {
            NOTE_LISTENED: ["listened_to", "timeliness"],
            NOTE_SAFE: ["safety"],
            QUOTE_YES: [],
            QUOTE_NO: [],
        },
    )
    page = client.get(f"/facilitate/sessions/{session_id}").get_data(as_text=True)
    assert "Suggested:" in page and "Waiting and delays" in page
    path = f"/facilitate/sessions/{session_id}"
    reply = client.post(
        f"/facilitate/sessions/{session_id}/themes",
        data={
            "csrf_token": csrf(client, path),
            "answer": [str(ids[NOTE_LISTENED]), str(ids[NOTE_SAFE]), str(ids[QUOTE_YES]), "999999"],
            f"themes_{ids[NOTE_LISTENED]}": ["listened_to", "respected", "not_a_theme"],
            # NOTE_SAFE: every box unticked, so "safety" is dropped
            f"themes_{ids[QUOTE_YES]}": ["listened_to"],
        },
    )
    assert reply.status_code == 303
    with app.app_context():
        rows = db.session.execute(
            select(Answer.value, TextTheme.theme, TextTheme.source)
            .join(TextAnalysis, TextAnalysis.answer_id == Answer.id)
            .join(TextTheme, TextTheme.analysis_id == TextAnalysis.id)
            .where(Answer.id.in_(list(ids.values())))
        ).all()
        assert sorted(rows) == sorted(
            [
                (NOTE_LISTENED, "listened_to", "human"),
                (NOTE_LISTENED, "respected", "human"),
                (QUOTE_YES, "listened_to", "human"),
            ]
        )
        counts = dict(
            db.session.execute(
                select(TextTheme.theme, func.count(func.distinct(TextAnalysis.id)))
                .join(TextAnalysis, TextAnalysis.id == TextTheme.analysis_id)
                .join(Response, Response.id == TextAnalysis.response_id)
                .where(Response.audience == "focus_group")
                .group_by(TextTheme.theme)
            ).all()
        )
        assert counts.get("listened_to") == 2 and counts.get("respected") == 1
        assert "timeliness" not in counts and "safety" not in counts
        focus = db.session.get(FocusSession, session_id)
        assert focus.themes_reviewed_at is not None
        assert focus.reviewed_by_id == user_id(app, "facilitator")
    after = client.get(f"/facilitate/sessions/{session_id}").get_data(as_text=True)
    assert "Checked by a person" in after
    listing = client.get("/facilitate/sessions").get_data(as_text=True)
    assert "Checked by a person" in listing
