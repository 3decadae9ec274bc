"""The rules tier's theme tagging: stemmed lexicons, phrases and per-theme sentiment.

These check the hand-written lexicons (analysis.text.rules); the shipped analyser takes
its themes from the learned model and adds the rules' where cross-validation chose that
(tests/analysis/test_text_model.py).
"""

import pytest

from analysis.text import analyse_text
from analysis.text.rules import analyse_rules
from analysis.text.themes import THEMES


def themes(text: str) -> set[str]:
    return set(analyse_rules(text).themes)


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("nobody ever listens to what I say", "listened_to"),
        ("the nurse was so kind and polite", "respected"),
        ("I felt like they blamed me for everything", "judged"),
        ("finally someone believed my side of it", "understood_story"),
        ("the help was way over the top for what we needed", "proportionate_help"),
        ("I feel safe at my nan's", "safety"),
        ("I've had four different social workers this year", "relationship_with_worker"),
        ("no one explained what would happen next", "communication"),
        ("we waited months for the first appointment", "timeliness"),
        ("I got to choose where we met", "involvement_in_decisions"),
        ("senior leaders have no idea what the frontline is like", "leadership_line_of_sight"),
        ("supervision keeps getting cancelled", "supervision_support"),
        ("my caseload is far too high", "workload"),
        ("the course gave me confidence to use it in practice", "training_learning"),
        ("information sharing between agencies is still poor", "partnership_working"),
        ("the youth centre the council built is what the community asked for", "responsiveness"),
    ],
)
def test_each_theme_is_found(text, theme):
    assert theme in themes(text)


def test_inflections_match_but_derivations_do_not():
    assert "listened_to" in themes("they were listening properly")
    assert "workload" not in themes("The course on team management was good")


def test_negated_listening_is_listened_to_negative():
    result = analyse_rules("She didn't listen to me at all")
    assert result.theme_sentiment["listened_to"] == "negative"
    result = analyse_rules("She really listened to me")
    assert result.theme_sentiment["listened_to"] == "positive"


def test_each_theme_takes_its_own_clause_sentiment():
    result = analyse_rules("The health visitor was kind but we waited weeks for a call back")
    assert result.theme_sentiment["respected"] == "positive"
    assert result.theme_sentiment["timeliness"] == "negative"


def test_no_theme_in_a_bare_answer():
    assert analyse_text("ok").themes == ()


def test_survey_own_themes():
    extra = {"transport": ["bus", "minibus", r"lifts? (?:to|from)"], "food": ["=lunch", "snacks"]}
    text = "The minibus was late and the snacks were great"
    assert {"transport", "food", "timeliness"} <= set(
        analyse_rules(text, extra_themes=extra).themes
    )
    # The shipped analyser keeps a survey's own themes, after the default ones.
    result = analyse_text(text, extra_themes=extra)
    assert result.themes[-2:] == ("transport", "food")


def test_themes_are_in_the_taxonomy_order():
    result = analyse_rules("The worker was rude and we waited ages for a call back")
    assert list(result.themes) == ["respected", "communication", "timeliness"]
    shipped = analyse_text("The worker was rude and we waited ages for a call back")
    assert list(shipped.themes) == sorted(shipped.themes, key=list(THEMES).index)


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("they actually took what I said on board", "listened_to"),
        ("I felt like I was talking to a brick wall", "listened_to"),
        ("i felt like they looked down on me because we're poor", "judged"),
        ("we've had so many different social workers I've lost count", "relationship_with_worker"),
        ("no one returned my calls", "communication"),
        ("they came out the same day", "timeliness"),
        ("we wrote the plan together", "involvement_in_decisions"),
        ("managers never come out to see what we do", "leadership_line_of_sight"),
    ],
)
def test_everyday_phrasings(text, theme):
    assert theme in themes(text)


def test_regex_classes_in_phrases_keep_their_case():
    # \S (not whitespace) must not be lower-cased into \s
    extra = {"homework": [r"help (?:\S+ ){0,3}homework"]}
    result = analyse_text("they help me with my homework", extra_themes=extra)
    assert "homework" in result.themes


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("nobody hears what we are saying", "listened_to"),
        ("I was treated like an adult", "respected"),
        ("they were far too heavy handed", "proportionate_help"),
        ("it didn't really help", "proportionate_help"),
        ("the report was full of acronyms", "communication"),
        ("there are not enough staff to cover the work", "workload"),
        ("good joint working with the police", "partnership_working"),
    ],
)
def test_more_everyday_phrasings(text, theme):
    assert theme in themes(text)
