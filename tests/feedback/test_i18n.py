"""Languages: the catalogs, choosing a language, and answering a survey in it."""

from __future__ import annotations

import dataclasses
import html
import io
import os
import re
import shutil
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from sqlalchemy import select

from feedback import catalogs
from feedback.catalogs import DOMAINS, SOURCE_LANGUAGE, TRANSLATIONS
from feedback.extensions import db
from feedback.i18n import LANGUAGE_NAMES, RTL
from feedback.models import Response
from forms.babel_extract import extract_survey
from forms.loader import library_paths, load_definition
from tests.feedback.catalog_helpers import ensure_compiled
from tests.feedback.helpers import hidden, post_page, start
from tests.feedback.mfa_helpers import pass_second_factor

LANGUAGES = [code for code in LANGUAGE_NAMES if code != SOURCE_LANGUAGE]
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]")


@pytest.fixture(scope="module", autouse=True)
def _compiled() -> None:
    ensure_compiled()


def _po(language: str, domain: str):  # type: ignore[no-untyped-def]
    with (TRANSLATIONS / language / "LC_MESSAGES" / f"{domain}.po").open("rb") as handle:
        return read_po(handle, locale=language)


def _survey_strings() -> set[str]:
    found: set[str] = set()
    for path in library_paths():
        found |= {m[1] for m in extract_from_file(extract_survey, str(path))}
    return found


def _page(reply) -> str:  # type: ignore[no-untyped-def]
    return html.unescape(reply.get_data(as_text=True))


# --- the catalogs ------------------------------------------------------------------------


@pytest.mark.parametrize("language", [SOURCE_LANGUAGE, *LANGUAGES])
@pytest.mark.parametrize("domain", DOMAINS)
def test_every_catalog_compiles_cleanly(language: str, domain: str) -> None:
    catalog = _po(language, domain)
    assert not catalog.fuzzy, "a fuzzy header makes pybabel skip the whole catalog"
    problems = [(m.id, [str(e) for e in errors]) for m, errors in catalog.check()]
    assert problems == []
    write_mo(io.BytesIO(), catalog)


@pytest.mark.parametrize("language", LANGUAGES)
def test_interface_catalog_translates_every_public_string(language: str) -> None:
    entries = {m.id: m for m in _po(language, "messages") if m.id}
    wanted = catalogs.public_messages()
    missing = sorted(s for s in wanted if s not in entries or not entries[s].string)
    fuzzy = sorted(s for s in wanted if s in entries and entries[s].fuzzy)
    assert missing == [] and fuzzy == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_surveys_catalog_translates_every_bundled_survey(language: str) -> None:
    entries = {m.id: m for m in _po(language, "surveys") if m.id}
    wanted = _survey_strings()
    assert len(wanted) > 250  # every survey's wording, outcome statements included
    assert sorted(s for s in wanted if s not in entries or not entries[s].string) == []
    assert sorted(s for s in wanted if entries[s].fuzzy) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_their_placeholders(language: str) -> None:
    for domain in DOMAINS:
        for m in _po(language, domain):
            ids = m.id if isinstance(m.id, tuple) else (m.id,)
            strings = m.string if isinstance(m.string, tuple) else (m.string,)
            for translated in (t for t in strings if t and ids[0]):
                # a plural form may drop the count (Polish "one" says "jedna"), never a name
                names = {p for p in PLACEHOLDER.findall(ids[-1]) if p != "%(num)d"}
                assert names <= set(PLACEHOLDER.findall(translated)), m.id


def test_every_catalog_says_it_is_a_draft_until_reviewed() -> None:
    status = catalogs.read_status()
    assert status[SOURCE_LANGUAGE]["status"] == "source"
    for language in LANGUAGES:
        assert status[language]["status"] in ("draft", "reviewed")
        if status[language]["status"] == "draft":
            assert "awaiting review by a qualified translator" in status[language]["note"]
        else:
            assert status[language].get("reviewed_by") and status[language].get("reviewed_on")


def test_compiled_catalog_is_read_again_when_the_mo_file_changes(tmp_path: Path) -> None:
    folder = tmp_path / "pl" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    catalog = _po("pl", "messages")
    mo = folder / "messages.mo"
    with mo.open("wb") as out:
        write_mo(out, catalog)
    assert catalogs.compiled_catalog("pl", tmp_path)["Start"] == "Zacznij"
    catalog.get("Start").string = "Zaczynamy"
    with mo.open("wb") as out:
        write_mo(out, catalog)
    later = mo.stat().st_mtime + 5
    os.utime(mo, (later, later))
    assert catalogs.compiled_catalog("pl", tmp_path)["Start"] == "Zaczynamy"


def test_a_listed_language_without_a_catalog_is_not_offered(tmp_path: Path) -> None:
    definition = load_definition(library_paths()[0])
    shutil.copytree(TRANSLATIONS / "pl", tmp_path / "pl")
    offered = catalogs.survey_languages(definition, tmp_path)
    assert offered == ["en", "pl"]  # the others have no catalogs in this folder
    reworded = dataclasses.replace(definition, title="A title no translator has seen")
    assert catalogs.survey_languages(reworded, tmp_path) == ["en"]


# --- every bundled survey in every language it offers -------------------------------------


def test_every_bundled_survey_renders_in_every_language_it_offers(library_loaded) -> None:  # type: ignore[no-untyped-def]
    app = library_loaded
    for path in library_paths():
        definition = load_definition(path)
        with app.app_context():
            offered = catalogs.survey_languages(definition)
        assert offered == list(definition.languages) == ["en", *LANGUAGES]
        for language in offered:
            client = app.test_client()
            consent = client.get(f"/s/{definition.slug}?lang={language}")
            assert consent.status_code == 200, (definition.slug, language)
            page = _page(consent)
            direction = "rtl" if language in RTL else "ltr"
            assert f'<html lang="{language}" dir="{direction}">' in page
            compiled = catalogs.compiled_catalog(language)
            title = compiled.get(definition.title, definition.title)
            assert f"<h1>{title}</h1>" in page, (definition.slug, language)
            first = html.unescape(start(client, definition.slug))
            assert f'<html lang="{language}" dir="{direction}">' in first
            question = next(definition.questions())
            if language != SOURCE_LANGUAGE:
                assert compiled[question.text] in first, (definition.slug, language)


def _walk_to_the_end(client, slug: str, page: str):  # type: ignore[no-untyped-def]
    """Answer every page with its first choice until the survey is sent."""
    for _ in range(40):
        names = dict.fromkeys(re.findall(r'type="radio" id="[^"]+" name="([^"]+)"', page))
        answers = {}
        for name in names:
            answers[name] = re.search(rf'name="{name}" value="([^"]+)"', page).group(1)
        action = "submit" if 'value="submit"' in page else "next"
        reply = post_page(client, slug, page, answers, action=action)
        if reply.status_code == 303:
            return reply
        assert reply.status_code == 200
        page = reply.get_data(as_text=True)
    raise AssertionError("the survey never ended")


def test_a_submission_in_polish_stores_pl(library_loaded) -> None:  # type: ignore[no-untyped-def]
    app = library_loaded
    client = app.test_client()
    client.get("/s/children-8-11?lang=pl")
    page = start(client, "children-8-11")
    assert 'lang="pl"' in page
    reply = _walk_to_the_end(client, "children-8-11", page)
    thanks = _page(client.get(reply.headers["Location"]))
    assert "Dziękujemy" in thanks and 'lang="pl"' in thanks
    with app.app_context():
        assert db.session.scalar(select(Response.language)) == "pl"


# --- the order a language is chosen in ------------------------------------------------------


@pytest.fixture
def ordered_survey(app):  # type: ignore[no-untyped-def]
    """A bundled survey (so its catalogs are complete) whose own default is Polish."""
    from feedback.services.surveys.versions import load_survey

    definition = load_definition(library_paths()[0])
    reordered = dataclasses.replace(definition, slug="order-test", languages=("pl", "en", "ar"))
    with app.app_context():
        load_survey(reordered)
    return "order-test"


def _lang(reply) -> str:  # type: ignore[no-untyped-def]
    return re.search(r'<html lang="([^"]+)"', reply.get_data(as_text=True)).group(1)


def test_query_lang_beats_accept_language(client, ordered_survey) -> None:  # type: ignore[no-untyped-def]
    reply = client.get(f"/s/{ordered_survey}?lang=ar", headers={"Accept-Language": "en"})
    assert _lang(reply) == "ar"


def test_accept_language_is_used_when_nothing_was_chosen(client, ordered_survey) -> None:  # type: ignore[no-untyped-def]
    reply = client.get(f"/s/{ordered_survey}", headers={"Accept-Language": "ar, en;q=0.5"})
    assert _lang(reply) == "ar"


def test_the_choice_is_remembered_for_the_visit(client, ordered_survey) -> None:  # type: ignore[no-untyped-def]
    client.get(f"/s/{ordered_survey}?lang=ar")
    reply = client.get(f"/s/{ordered_survey}", headers={"Accept-Language": "en"})
    assert _lang(reply) == "ar"


def test_the_survey_default_comes_last(client, ordered_survey) -> None:  # type: ignore[no-untyped-def]
    reply = client.get(f"/s/{ordered_survey}", headers={"Accept-Language": "de, fr"})
    assert _lang(reply) == "pl"


def test_a_language_the_survey_does_not_list_is_ignored(client, ordered_survey) -> None:  # type: ignore[no-untyped-def]
    reply = client.get(f"/s/{ordered_survey}?lang=ta", headers={"Accept-Language": "en"})
    assert _lang(reply) == "en"


def test_picking_a_language_on_a_question_page_keeps_it(client, ordered_survey) -> None:  # type: ignore[no-untyped-def]
    page = start(client, ordered_survey)  # no choice yet: the survey's default, Polish
    assert 'lang="pl"' in page
    switched = post_page(client, ordered_survey, page, {"lang": "ar"}).get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in switched
    following = post_page(client, ordered_survey, switched, {}, action="back")
    assert _lang(following) == "ar"  # the draft carries the new language from now on


def test_picker_names_each_language_in_itself(client, ordered_survey) -> None:  # type: ignore[no-untyped-def]
    page = _page(client.get(f"/s/{ordered_survey}?lang=en"))
    assert '<a href="?lang=ar" lang="ar" hreflang="ar">العربية</a>' in page
    assert '<a href="?lang=pl" lang="pl" hreflang="pl">Polski</a>' in page
    assert "ਪੰਜਾਬੀ" not in page  # not listed by this survey


def test_an_error_page_reached_from_a_link_speaks_the_chosen_language(client) -> None:  # type: ignore[no-untyped-def]
    page = _page(client.get("/s/no-such-survey?lang=pl"))
    assert '<html lang="pl" dir="ltr">' in page and "Nie znaleziono strony" in page


def test_dates_and_numbers_are_written_the_respondents_way(app) -> None:  # type: ignore[no-untyped-def]
    from flask import g

    from feedback.respond.pages import LOCALE_FORMATS, survey_text
    from forms.schema import Question

    def shown(kind: str, value: str) -> str:
        question = Question(id="q", type=kind, text="Q")
        return question.qtype.shown(question, value, survey_text, LOCALE_FORMATS)

    with app.test_request_context("/s/x?lang=pl"):
        g.offered_languages = ["en", "pl"]
        assert shown("date", "2026-03-07") == "7 marca 2026"
        assert shown("number", "2.5") == "2,5"


def test_step_numbers_are_formatted_by_babel(client, ordered_survey) -> None:  # type: ignore[no-untyped-def]
    client.get(f"/s/{ordered_survey}?lang=ar")
    page = html.unescape(start(client, ordered_survey))
    assert re.search(r"الخطوة \S+ من \S+", page)


# --- the admin page ----------------------------------------------------------------------


def _sign_in(app, client, role: str) -> None:  # type: ignore[no-untyped-def]
    from feedback.services.people.users import create_user

    email = f"{role}@example.org"
    with app.app_context():
        create_user(email, role=role, password="a long enough password")
    page = client.get("/login").get_data(as_text=True)
    reply = client.post(
        "/login",
        data={
            "csrf_token": hidden(page, "csrf_token"),
            "email": email,
            "password": "a long enough password",
        },
    )
    reply = pass_second_factor(client, reply)
    assert reply.status_code in (302, 303)


def test_admins_see_each_catalogs_review_status(library_loaded) -> None:  # type: ignore[no-untyped-def]
    client = library_loaded.test_client()
    _sign_in(library_loaded, client, "admin")
    page = _page(client.get("/admin/translations"))
    assert "draft, awaiting review by a qualified translator" in page
    assert '<span lang="ur" dir="rtl">اردو</span>' in page
    assert "children-5-7" in page


def test_only_admins_see_the_translations_page(library_loaded) -> None:  # type: ignore[no-untyped-def]
    client = library_loaded.test_client()
    _sign_in(library_loaded, client, "analyst")
    assert client.get("/admin/translations").status_code == 403
