"""Sentiment adapted to how children and families write."""

import pytest

from analysis.text import analyse_text
from analysis.text.sentiment import analyse_sentiment


@pytest.mark.parametrize(
    "text",
    [
        "The nurse was lovely and really helpful",
        "my youth worker is amazing!!",
        "She listened to everything I said",
        "Couldn't fault them, everyone was kind",
        "the foster carer never judged me once",
        "Nothing could have been done better",
        "no complaints at all",
    ],
)
def test_praise_is_positive(text):
    assert analyse_sentiment(text).label == "positive"


@pytest.mark.parametrize(
    "text",
    [
        "nobody listens to me",
        "She didn't listen to a word I said",
        "the man at the meeting was rude and ignored my mum",
        "We waited four months and still no call",
        "I felt judged the whole time",
        "the letters are confusing",
        "this form is way too long",
        "not helpful at all",
    ],
)
def test_complaints_are_negative(text):
    assert analyse_sentiment(text).label == "negative"


def test_negation_turns_praise_round():
    assert analyse_sentiment("the worker was helpful").polarity > 0
    assert analyse_sentiment("the worker was not helpful").polarity < 0


def test_intensifier_strengthens():
    plain = analyse_sentiment("the session was good").polarity
    strong = analyse_sentiment("the session was really good").polarity
    assert strong > plain > 0


def test_clauses_that_disagree_are_mixed():
    result = analyse_sentiment("My worker is kind but she never rings me back")
    assert result.label == "mixed"
    assert len(result.clauses) == 2


def test_one_small_grumble_does_not_spoil_praise():
    text = (
        "Brilliant service from start to finish, friendly and caring staff who "
        "explained everything. Parking was a bit slow."
    )
    assert analyse_sentiment(text).label == "positive"


def test_bare_answers_are_neutral_without_a_question():
    for text in ("ok", "no", "nothing", "idk"):
        assert analyse_sentiment(text).label == "neutral", text


def test_nothing_depends_on_the_question():
    assert analyse_sentiment("Nothing.", prompt="What could we do better?").label == "positive"
    assert (
        analyse_sentiment("Nothing.", prompt="What was good about the visit?").label == "negative"
    )


def test_text_speak_is_understood():
    assert analyse_sentiment("she dont even lisen 2 me").label == "negative"
    assert analyse_sentiment("ur sessions r gr8").label == "positive"


def test_suggestions_lean_negative():
    assert analyse_sentiment("More staff on the weekend please").label != "positive"


def test_idiomatic_laughter_is_not_praise():
    assert analyse_sentiment("the wait was 3 hours lol").label == "negative"


def test_disclosure_in_happy_feedback_is_not_positive():
    result = analyse_text("I love art club. my uncle hits me when I stay at his")
    assert result.concern
    assert result.sentiment in ("mixed", "negative")


def test_polarity_is_rounded_and_bounded():
    result = analyse_text("absolutely amazing amazing amazing!!!")
    assert -1 <= result.polarity <= 1
    assert result.polarity == round(result.polarity, 3)


def test_non_english_is_marked_and_neutral():
    result = analyse_text("Pracownik był bardzo miły i pomocny.")
    assert result.language == "pl"
    assert result.english_analysed is False
    assert (result.sentiment, result.polarity) == ("neutral", 0.0)


def test_emoji_and_emoticons_carry_feeling():
    assert analyse_sentiment("the club 👍").label == "positive"
    assert analyse_sentiment("i miss my mum 😢").label == "negative"
    assert analyse_sentiment("waited all day :(").label == "negative"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("she never made me feel stupid for asking", "positive"),
        ("My health visitor is a star", "positive"),
        ("my key worker always makes time for me", "positive"),
        ("it took forever to get an appointment", "negative"),
        ("the worker was always on her phone", "negative"),
        ("we were left in the dark for weeks", "negative"),
        ("i had to tell my story again and again", "negative"),
        ("it felt like they had already made their minds up", "negative"),
        ("the food was nice but the games were boring", "mixed"),
    ],
)
def test_everyday_expressions(text, label):
    assert analyse_sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("the family hub staff went out of their way for us", "positive"),
        ("They've been a lifeline", "positive"),
        ("no pressure, they let me go at my own pace", "positive"),
        ("they only care about ticking boxes", "negative"),
        ("i feel like nobody cares about kids like me", "negative"),
        ("The plan was changed without anyone telling us", "negative"),
        ("not much to say", "neutral"),
    ],
)
def test_more_everyday_expressions(text, label):
    assert analyse_sentiment(text).label == label
