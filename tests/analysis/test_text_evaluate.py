"""Scoring the analyser on small labelled files written by the tests."""

import csv
import json

from analysis.text import analyse_tiers
from analysis.text.evaluate import (
    evaluate,
    format_report,
    load_examples,
    load_fft_csv,
    three_class,
)


def write_jsonl(path, rows):
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")


def test_jsonl_scores(tmp_path):
    path = tmp_path / "voices.jsonl"
    write_jsonl(
        path,
        [
            {
                "id": 1,
                "text": "the nurse was kind and polite",
                "themes": ["respected"],
                "sentiment": "positive",
                "concern": False,
                "concern_categories": [],
            },
            {
                "id": 2,
                "text": "we waited ages for a reply",
                "themes": ["timeliness"],
                "sentiment": "negative",
                "concern": False,
                "concern_categories": [],
            },
            {
                "id": 3,
                "text": "it was fine",
                "themes": [],
                "sentiment": "neutral",
                "concern": False,
                "concern_categories": [],
            },
            {
                "id": 4,
                "text": "i want to die",
                "themes": [],
                "sentiment": "negative",
                "concern": True,
                "concern_categories": ["self_harm_suicide"],
            },
        ],
    )
    examples = load_examples(path)
    figures = evaluate(examples)
    assert figures["examples"] == 4
    assert figures["sentiment"]["accuracy"] == 1.0
    assert 0 <= figures["sentiment"]["baseline_accuracy"] <= 1
    respected = figures["themes"]["analyser"]["per_theme"]["respected"]
    assert (respected["tp"], respected["fn"]) == (1, 0)
    # Every count is the shipped analyser's own answer on each text, tier by tier.
    for tier in ("analyser", "rules", "model"):
        found = [set(analyse_tiers(ex.text, ex.language)[tier].themes) for ex in examples]
        fp = sum(len(f - ex.themes) for f, ex in zip(found, examples, strict=True))
        fn = sum(len(ex.themes - f) for f, ex in zip(found, examples, strict=True))
        micro = figures["themes"][tier]["micro"]
        assert (micro["fp"], micro["fn"]) == (fp, fn)
    concern = figures["concern"]
    assert concern["analyser"]["recall"] == 1.0
    assert concern["per_category"]["self_harm_suicide"]["tp"] == 1
    report = format_report(figures)
    assert "micro" in report and "plain TextBlob" in report and "Concern" in report


def test_fft_csv_maps_themes_and_sentiment(tmp_path):
    path = tmp_path / "fft.csv"
    header = [
        "Comment ID",
        "FFT question",
        "FFT answer",
        "Comment sentiment",
        "Staff manner & personal attributes",
        "Timeliness of care",
        "Information provision & guidance",
        "Labelling not possible",
    ]
    rows = [
        ["1", "What was good?", "Really friendly staff", "1", "1", "0", "0", "0"],
        ["2", "What could we do better?", "The wait was far too long", "4", "0", "1", "0", "0"],
        ["3", "What could we do better?", "Nothing", "1", "0", "0", "0", "0"],
        ["4", "What could we do better?", "", "", "0", "0", "0", "0"],
        ["5", "Why?", "asdf", "3", "0", "0", "0", "1"],
    ]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    examples = load_fft_csv(path)
    assert [e.id for e in examples] == ["1", "2", "3"]
    assert examples[0].themes == {"respected"}
    assert examples[1].sentiment == "negative"
    figures = evaluate(examples)
    assert list(figures["themes"]["analyser"]["per_theme"]) == [
        "listened_to",
        "respected",
        "safety",
        "relationship_with_worker",
        "communication",
        "timeliness",
    ]
    assert figures["sentiment"]["accuracy"] == 1.0
    assert "concern" not in figures
    without = evaluate(examples, use_prompt=False)
    assert without["sentiment"]["accuracy"] < 1.0  # a bare "Nothing" needs its question


def test_three_class():
    assert [three_class(s) for s in ("positive", "negative", "mixed", "neutral")] == [
        "positive",
        "negative",
        "other",
        "other",
    ]
