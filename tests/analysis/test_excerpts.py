"""Choosing story excerpts: consent, flags, distinct respondents, sentiment balance."""

from __future__ import annotations

from analysis.excerpts import allocate, choose_excerpts, quotable, shorten
from analysis.stories import summarise_themes, triangulate


def cand(i: int, text: str, sentiment: str = "positive", **extra: object) -> dict[str, object]:
    row: dict[str, object] = {
        "id": i,
        "respondent": i,
        "text": text,
        "sentiment": sentiment,
        "consent_to_quote": True,
        "asks_consent": True,
        "concern": False,
        "alerted": False,
    }
    row.update(extra)
    return row


POSITIVE = [
    "The family support worker always came when she said she would.",
    "My key worker helped me sort out the bus pass for college.",
    "Being asked what I thought at the review made me feel grown up.",
    "They sat with me and let me finish what I was saying.",
    "Our health visitor rang back the same afternoon.",
    "I liked that the meeting was at my school and not in an office.",
]
NEGATIVE = [
    "Nobody told us the date of the next meeting until the day before.",
    "I had to explain everything again to a new person every month.",
    "The letter used words I could not understand at all.",
    "We waited eleven weeks for someone to call us back.",
]


def test_consent_rules_for_quotation():
    assert quotable(cand(1, "fine words here"))
    assert not quotable(cand(1, "fine words here", consent_to_quote=False))
    # A survey that asked, and no answer: silence is not consent.
    assert not quotable(cand(1, "fine words here", consent_to_quote=None, asks_consent=True))
    # A survey that never asked may be quoted.
    assert quotable(cand(1, "fine words here", consent_to_quote=None, asks_consent=False))
    # Missing facts are read the safe way.
    assert not quotable({"text": "words", "consent_to_quote": True})


def test_flagged_texts_are_never_chosen():
    rows = [
        cand(1, "The youth worker listened to every word I said.", concern=True),
        cand(2, "I could tell the teacher anything and she believed me.", alerted=True),
        cand(3, "The social worker explained the plan in a way I understood."),
    ]
    chosen = choose_excerpts(rows, count=5)
    assert [e.id for e in chosen] == [3]


def test_one_excerpt_per_respondent_and_no_repeated_words():
    rows = [
        cand(1, POSITIVE[0]),
        cand(2, POSITIVE[1], respondent=1),  # the same person again
        cand(3, POSITIVE[0].upper()),  # the same words from someone else
        cand(4, POSITIVE[2]),
    ]
    chosen = choose_excerpts(rows, count=5)
    assert [e.id for e in chosen] == [1, 4]
    assert len({e.respondent for e in chosen}) == len(chosen)


def test_excerpts_follow_the_balance_of_all_mentions():
    rows = [cand(i, t) for i, t in enumerate(POSITIVE)] + [
        cand(100 + i, t, "negative") for i, t in enumerate(NEGATIVE)
    ]
    # Across every mention 40% were positive and 60% negative: 2 of 5, and 3 of 5.
    chosen = choose_excerpts(rows, balance={"positive": 40, "negative": 60}, count=5)
    assert [e.sentiment for e in chosen] == ["positive"] * 2 + ["negative"] * 3
    # Without a balance the candidates' own mix is used (6 positive, 4 negative).
    chosen = choose_excerpts(rows, count=5)
    assert [e.sentiment for e in chosen].count("positive") == 3


def test_missing_sentiment_slots_are_filled_from_the_others():
    rows = [cand(i, t) for i, t in enumerate(POSITIVE)] + [cand(50, NEGATIVE[0], "negative")]
    chosen = choose_excerpts(rows, balance={"positive": 2, "negative": 8}, count=5)
    assert len(chosen) == 5
    assert [e.sentiment for e in chosen].count("negative") == 1


def test_allocation_largest_remainder():
    assert allocate({"positive": 1, "negative": 1, "neutral": 1}, 5) == {
        "positive": 2,
        "negative": 2,
        "neutral": 1,
    }
    assert allocate({}, 3) == {"positive": 0, "negative": 0, "neutral": 3}
    assert sum(allocate({"positive": 7, "negative": 2, "neutral": 1}, 4).values()) == 4


def test_shorten_keeps_a_sentence_or_two():
    text = "First thing I noticed was the smile.   Second, they\nrang me back. Third, more."
    assert shorten(text, 80) == "First thing I noticed was the smile. Second, they rang me back."
    long = "word " * 100
    cut = shorten(long, 60)
    assert cut.endswith("…") and len(cut) <= 60


def test_short_texts_are_offered_last():
    rows = [cand(1, "ok good"), cand(2, POSITIVE[3])]
    assert [e.id for e in choose_excerpts(rows, count=1)] == [2]


def test_theme_summary_counts_and_shares():
    counts = [
        {"theme": "timeliness", "sentiment": "negative", "n": 6},
        {"theme": "timeliness", "sentiment": "positive", "n": 2},
        {"theme": "timeliness", "sentiment": "mixed", "n": 2},
        {"theme": "respected", "sentiment": "positive", "n": 3},
    ]
    pools = {"timeliness": [cand(1, NEGATIVE[3], "negative"), cand(2, POSITIVE[4])]}
    summary = summarise_themes(counts, pools, per_theme=3)
    assert [s.theme for s in summary] == ["timeliness", "respected"]
    first = summary[0]
    assert (first.mentions, first.neutral) == (10, 2)
    assert first.share_positive == 20.0 and first.share_negative == 60.0
    assert {e.id for e in first.excerpts} == {1, 2}


def test_triangulation_gives_one_excerpt_per_cell():
    counts = [
        {"theme": "listened_to", "voice": "parent_carer", "sentiment": "negative", "n": 4},
        {"theme": "listened_to", "voice": "child", "sentiment": "positive", "n": 5},
        {"theme": "workload", "voice": "staff", "sentiment": "negative", "n": 2},
    ]
    pool = [
        cand(1, POSITIVE[3], theme="listened_to", voice="child"),
        cand(2, POSITIVE[2], theme="listened_to", voice="child"),
        cand(3, NEGATIVE[1], "negative", theme="listened_to", voice="parent_carer"),
        cand(4, NEGATIVE[0], "negative", theme="listened_to", voice="parent_carer", concern=True),
    ]
    table = triangulate(counts, pool)
    assert table.voices == ("child", "parent_carer", "staff")
    assert table.themes == ("listened_to", "workload")
    child = table.cell("listened_to", "child")
    assert child is not None and child.mentions == 5 and len(child.excerpts) == 1
    parent = table.cell("listened_to", "parent_carer")
    assert parent is not None and [e.id for e in parent.excerpts] == [3]
    assert table.cell("workload", "child") is None
    staff = table.cell("workload", "staff")
    assert staff is not None and staff.excerpts == () and staff.share_negative == 100.0
