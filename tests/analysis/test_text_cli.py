"""`heard analyse-text` and `heard eval-text`, run through click's CliRunner."""

import json

from click.testing import CliRunner

from analysis.text import analyse_text
from feedback.cli.text import analyse_text_command, eval_text_command


def test_analyse_text_one_line_out_per_line_in():
    lines = (
        "\n".join(
            [
                json.dumps({"id": 7, "text": "My worker Priya never rings back"}),
                json.dumps({"id": "b", "text": "Roedd yn dda", "language": "pl"}),
                json.dumps({"id": 9, "text": "i dont want to go home tonite"}),
            ]
        )
        + "\n"
    )
    result = CliRunner().invoke(analyse_text_command, input=lines)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["id"] for row in rows] == [7, "b", 9]
    first = rows[0]
    for key in (
        "id",
        "language",
        "sentiment",
        "polarity",
        "themes",
        "concern",
        "concern_categories",
        "redacted",
    ):
        assert key in first
    expected = analyse_text("My worker Priya never rings back")
    assert first["sentiment"] == expected.sentiment
    assert first["concern_score"] == round(expected.concern_score, 4)
    assert isinstance(first["concern_reasons"], list)
    assert first["redacted"] == "My worker [name] never rings back"
    assert rows[1]["language"] == "pl"
    assert rows[2]["concern"] is True
    assert rows[2]["concern_categories"] == ["running_away"]


def test_analyse_text_bad_line_gives_error_and_exit_1():
    lines = (
        '{"id": 1, "text": "lovely staff"}\n'
        "this is not json\n"
        '{"id": 3}\n'
        '{"id": 4, "text": "too long a wait"}\n'
    )
    result = CliRunner().invoke(analyse_text_command, input=lines)
    assert result.exit_code == 1
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 4
    assert rows[1]["id"] is None and "error" in rows[1]
    assert rows[2]["id"] is None and "text" in rows[2]["error"]
    assert rows[3]["id"] == 4 and rows[3]["sentiment"] == "negative"


def test_eval_text_prints_the_table(tmp_path):
    path = tmp_path / "tiny.jsonl"
    rows = [
        {
            "id": "a",
            "text": "nobody listened to me",
            "themes": ["listened_to"],
            "sentiment": "negative",
            "concern": False,
            "concern_categories": [],
        },
        {
            "id": "b",
            "text": "my dad hits me",
            "themes": ["safety"],
            "sentiment": "negative",
            "concern": True,
            "concern_categories": ["physical_abuse"],
        },
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    result = CliRunner().invoke(eval_text_command, [str(path)])
    assert result.exit_code == 0, result.output
    assert "listened_to" in result.stdout
    assert "accuracy shipped 1.000" in result.stdout
    assert "recall 1.000" in result.stdout
    for column in ("shipped", "rules alone", "model alone", "baseline"):
        assert column in result.stdout
    as_json = CliRunner().invoke(eval_text_command, [str(path), "--format", "json"])
    figures = json.loads(as_json.stdout)
    assert figures["concern"]["analyser"]["recall"] == 1.0
    assert figures["tiers"] == ["analyser", "rules", "model"]
    assert {"rules", "model", "baseline"} <= set(figures["concern"])


def test_eval_text_rejects_other_files(tmp_path):
    path = tmp_path / "labels.txt"
    path.write_text("hello", encoding="utf-8")
    result = CliRunner().invoke(eval_text_command, [str(path)])
    assert result.exit_code != 0
    assert ".jsonl or .csv" in result.output
