"""Export generators: read back with csv, json and openpyxl."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

import openpyxl

from analysis.export import (
    NOT_REDACTED,
    WITHHELD,
    csv_chunks,
    json_chunks,
    json_records,
    long_header,
    long_rows,
    neutralise,
    question_columns,
    records_from_rows,
    wide_header,
    wide_rows,
)
from analysis.export_xlsx import write_xlsx, xlsx_chunks

VERSIONS = [
    (2, [{"id": "mood", "type": "smiley3", "text": "How was it?"},
         {"id": "helpers", "type": "multi", "text": "Who helped?"},
         {"id": "visits", "type": "number", "text": "How many visits?"},
         {"id": "said", "type": "textarea", "text": "Anything else?"},
         {"id": "quote_ok", "type": "consent_to_quote", "text": "May we quote you?"},
         {"id": "language", "type": "single", "text": "Which language at home?"}]),
    (1, [{"id": "mood", "type": "smiley3", "text": "How did it feel?"},
         {"id": "old_q", "type": "yes_no", "text": "Dropped later"}]),
]  # fmt: skip


def base(rid: int, **extra: object) -> dict[str, object]:
    row: dict[str, object] = {
        "response_id": rid,
        "survey": "pilot",
        "version": 2,
        "submitted_at": datetime(2026, 2, 3, 10, 30),
        "completed_on": None,
        "audience": "parent_carer",
        "age_band": None,
        "language": "en",
        "mode": "online",
        "completed_with_help": None,
        "consent_to_quote": True,
        "campaign": "Hub poster",
        "service": "Early Help",
    }
    row.update(extra)
    return row


def answer(rid: int, qid: str, value: str, **extra: object) -> dict[str, object]:
    row = base(rid, question_id=qid, value=value, number_value=None, redacted=None, shown=None)
    row.update(extra)
    return row


ROWS = [
    answer(1, "mood", "happy"),
    answer(1, "helpers", "school"),
    answer(1, "helpers", "=1+1"),
    answer(1, "visits", "-3", number_value=-3.0),
    answer(1, "said", "Call Jo Bloggs on 07700 900123", redacted="Call [name] on [phone]",
           shown=True),
    answer(2, "said", "=HYPERLINK(\"http://x\")", redacted="@SUM(A1)", shown=True),
    # Flagged, and another answer of a response with an alert: the rule says not shown.
    answer(3, "said", "a text that worried the analyser", redacted="a text", shown=False),
    answer(4, "mood", "sad"),
    answer(4, "said", "another answer of an alerted response", redacted="other", shown=False),
    answer(5, "said", "not analysed yet"),
    base(6, question_id=None, value=None, number_value=None, redacted=None, shown=None),
]  # fmt: skip


def questions():
    return question_columns(VERSIONS)


def read_csv(chunks) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return list(csv.reader(io.StringIO("".join(chunks))))


def test_question_columns_span_versions_in_first_asked_order():
    qs = questions()
    assert [q.id for q in qs] == [
        "mood",
        "old_q",
        "helpers",
        "visits",
        "said",
        "quote_ok",
        "language",
    ]
    mood = qs[0]
    assert mood.text == "How was it?" and mood.versions == (1, 2)
    # Consent is already a response column; a question id that clashes gets a prefix.
    assert wide_header(qs)[-6:] == ["mood", "old_q", "helpers", "visits", "said", "answer_language"]


def test_neutralise_formula_starts():
    for text in ("=1+1", "+44", "-2", "@cmd", "\tx", "\rx"):
        assert neutralise(text) == "'" + text
    assert neutralise("fine") == "fine" and neutralise(-2) == -2 and neutralise(None) is None


def test_wide_csv_one_row_per_response_redacted_and_neutralised():
    qs = questions()
    rows = read_csv(csv_chunks(wide_header(qs), wide_rows(records_from_rows(ROWS), qs), batch=2))
    header, body = rows[0], rows[1:]
    assert header[:2] == ["response_id", "survey"] and len(header) == len(set(header))
    assert [r[0] for r in body] == ["1", "2", "3", "4", "5", "6"]
    one = dict(zip(header, body[0], strict=True))
    assert one["helpers"] == "school; =1+1"
    assert one["visits"] == "-3"  # a number, written as a number
    assert one["said"] == "Call [name] on [phone]"
    assert one["submitted_at"] == "2026-02-03 10:30:00" and one["consent_to_quote"] == "yes"
    two = dict(zip(header, body[1], strict=True))
    assert two["said"] == "'@SUM(A1)"
    assert dict(zip(header, body[2], strict=True))["said"] == WITHHELD
    four = dict(zip(header, body[3], strict=True))
    assert four["said"] == WITHHELD and four["mood"] == "sad"
    assert dict(zip(header, body[4], strict=True))["said"] == NOT_REDACTED
    assert all(cell == "" for cell in body[5][-6:])


def test_joined_multi_answer_starting_with_a_formula_is_neutralised():
    qs = questions()
    rows = [answer(9, "helpers", "=cmd|' /C calc'!A0"), answer(9, "helpers", "school")]
    body = read_csv(csv_chunks(wide_header(qs), wide_rows(records_from_rows(rows), qs)))[1]
    assert body[wide_header(qs).index("helpers")].startswith("'=")


def test_raw_text_only_on_request_and_never_when_flagged():
    qs = questions()
    rows = read_csv(csv_chunks(wide_header(qs), wide_rows(records_from_rows(ROWS), qs, raw=True)))
    said = [r[rows[0].index("said")] for r in rows[1:]]
    assert said[0] == "Call Jo Bloggs on 07700 900123"
    assert said[1] == '\'=HYPERLINK("http://x")'
    assert said[2] == WITHHELD and said[3] == WITHHELD
    # Nobody has checked it for a concern yet: not even the raw export shows it.
    assert said[4] == NOT_REDACTED


def test_long_csv_one_row_per_answer():
    qs = questions()
    rows = read_csv(csv_chunks(long_header(), long_rows(records_from_rows(ROWS), qs)))
    header, body = rows[0], rows[1:]
    assert len(body) == 10  # response 6 has no answers
    by = [dict(zip(header, r, strict=True)) for r in body]
    assert [b["value"] for b in by if b["question_id"] == "helpers"] == ["school", "'=1+1"]
    visits = next(b for b in by if b["question_id"] == "visits")
    assert visits["value"] == "-3" and visits["number_value"] == "-3"
    assert "a text that worried the analyser" not in "".join("".join(r) for r in rows)
    # Cells made ready once per response read back the same.
    ready = long_rows(records_from_rows(ROWS), qs, csv_ready=True)
    assert read_csv(csv_chunks(long_header(), ready, ready=True)) == rows


def test_json_streams_a_valid_array():
    qs = questions()
    data = json.loads("".join(json_chunks(json_records(records_from_rows(ROWS), qs), batch=2)))
    assert [d["response_id"] for d in data] == [1, 2, 3, 4, 5, 6]
    assert data[0]["answers"]["helpers"] == ["school", "=1+1"]
    assert data[0]["answers"]["visits"] == -3
    assert data[2]["answers"]["said"] == WITHHELD
    assert data[0]["submitted_at"] == "2026-02-03T10:30:00"
    assert data[0]["consent_to_quote"] is True
    assert json.loads("".join(json_chunks(iter(())))) == []


def test_xlsx_sheets_read_back(tmp_path):
    qs = questions()
    path = tmp_path / "out.xlsx"
    outcomes = [{"id": "felt_listened_to", "statement": "=bad", "percent": 70.0,
                 "group": {"mode": "paper"}, "suppressed": False}]  # fmt: skip
    themes = [{"theme": "timeliness", "mentions": 3, "positive": 1, "neutral": 0, "negative": 2}]
    count = write_xlsx(str(path), qs, wide_rows(records_from_rows(ROWS), qs), outcomes, themes)
    assert count == 6
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames == ["responses", "outcomes", "themes", "columns"]
    responses = list(book["responses"].values)
    assert responses[0][:2] == ("response_id", "survey") and len(responses) == 7
    said = responses[0].index("said")
    assert responses[2][said] == "'@SUM(A1)" and responses[3][said] == WITHHELD
    assert responses[1][0] == 1 and isinstance(responses[1][3], datetime)
    outcome = list(book["outcomes"].values)[1]
    assert outcome[1] == "'=bad" and outcome[4] == "mode=paper"
    assert list(book["themes"].values)[1][:2] == ("timeliness", 3)
    explained = {(s, c) for s, c, _ in list(book["columns"].values)[1:]}
    header = set(responses[0])
    assert {("responses", c) for c in header} <= explained
    assert ("outcomes", "ci_low") in explained and ("themes", "share_negative") in explained
    book.close()


def test_xlsx_chunks_are_a_zip(tmp_path):
    qs = questions()
    data = b"".join(xlsx_chunks(qs, wide_rows(records_from_rows(ROWS), qs), chunk=1000))
    assert data.startswith(b"PK")
    (tmp_path / "c.xlsx").write_bytes(data)
    assert openpyxl.load_workbook(tmp_path / "c.xlsx").sheetnames[0] == "responses"
