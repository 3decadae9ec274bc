"""Themes across languages: other languages count as mentions, never as sentiment."""

from __future__ import annotations

from analysis.charts import themes_by_sentiment
from analysis.excerpts import choose_excerpts
from analysis.stories import summarise_themes, triangulate


def cand(i: int, text: str, sentiment: str, language: str = "en", **extra: object) -> dict:
    row: dict[str, object] = {
        "id": i,
        "respondent": i,
        "text": text,
        "sentiment": sentiment,
        "language": language,
        "english_analysed": language == "en",
        "consent_to_quote": True,
        "asks_consent": True,
        "concern": False,
        "alerted": False,
    }
    row.update(extra)
    return row


COUNTS = [
    {"theme": "timeliness", "sentiment": "positive", "english": True, "language": "en", "n": 2},
    {"theme": "timeliness", "sentiment": "negative", "english": True, "language": "en", "n": 6},
    {"theme": "timeliness", "sentiment": "neutral", "english": True, "language": "en", "n": 2},
    {"theme": "timeliness", "sentiment": "neutral", "english": False, "language": "pl", "n": 3},
    {"theme": "timeliness", "sentiment": "neutral", "english": False, "language": "ur", "n": 5},
]


def test_shares_are_of_english_mentions_only() -> None:
    (story,) = summarise_themes(COUNTS)
    assert story.mentions == 18 and story.sentiment_mentions == 10
    assert (story.positive, story.negative, story.neutral) == (2, 6, 2)
    # 6 of the 10 English mentions, not 6 of all 18 (33.3%).
    assert story.share_negative == 60.0 and story.share_positive == 20.0
    assert story.other_language == 8
    assert story.languages == (("ur", 5), ("pl", 3))


def test_a_theme_raised_only_in_other_languages_has_no_shares() -> None:
    counts = [{"theme": "respected", "sentiment": "neutral", "english": False,
               "language": "ta", "n": 4}]  # fmt: skip
    (story,) = summarise_themes(counts)
    assert story.mentions == 4 and story.other_language == 4
    assert story.share_positive is None and story.share_negative is None


def test_rows_without_language_keys_are_english_as_before() -> None:
    counts = [{"theme": "respected", "sentiment": "positive", "n": 3}]
    (story,) = summarise_themes(counts)
    assert story.other_language == 0 and story.share_positive == 100.0


def test_other_language_words_are_quoted_with_their_language() -> None:
    pool = [
        cand(1, "The social worker always came back to us when she said she would.", "positive"),
        cand(2, "Pani z ośrodka zawsze oddzwaniała, kiedy obiecała.", "neutral", "pl"),
        cand(3, "ہمیں بہت دیر تک انتظار کرنا پڑا لیکن آخر میں مدد ملی", "neutral", "ur"),
    ]
    (story,) = summarise_themes(COUNTS, {"timeliness": pool}, per_theme=3)
    by_language = {e.language: e for e in story.excerpts}
    assert set(by_language) == {"en", "pl", "ur"}
    assert by_language["en"].english_analysed is True
    assert by_language["pl"].english_analysed is False
    assert by_language["ur"].sentiment == "neutral"


def test_a_sentiment_label_on_other_language_words_is_ignored() -> None:
    # Whatever a row says, words never scored in English cannot fill a positive slot.
    pool = [cand(1, "Doamna de la centru a fost foarte amabilă cu noi.", "positive", "ro")]
    (excerpt,) = choose_excerpts(pool, {"positive": 1}, 1)
    assert excerpt.sentiment == "neutral" and excerpt.language == "ro"


def test_triangulation_cells_keep_languages_apart() -> None:
    counts = [
        {"theme": "listened_to", "voice": "parent_carer", "sentiment": "negative",
         "english": True, "language": "en", "n": 1},
        {"theme": "listened_to", "voice": "parent_carer", "sentiment": "neutral",
         "english": False, "language": "ar", "n": 3},
    ]  # fmt: skip
    table = triangulate(counts)
    cell = table.cell("listened_to", "parent_carer")
    assert cell is not None and cell.mentions == 4 and cell.other_language == 3
    assert cell.share_negative == 100.0


def test_themes_chart_gives_other_languages_a_segment_of_their_own() -> None:
    rows = [{"theme": "timeliness", "positive": 2, "neutral": 2, "negative": 6,
             "other_language": 8}]  # fmt: skip
    chart = themes_by_sentiment(rows, "Themes", fmt=None)
    assert chart.columns[-2] == "Other languages (no sentiment)"
    assert chart.rows[0][-1] == 18
    assert "8 in other languages with no sentiment" in chart.alt
    plain = themes_by_sentiment([{**rows[0], "other_language": 0}], "Themes", fmt=None)
    assert plain.columns == ("Theme", "Positive", "Neutral", "Negative", "Mentions")
