"""Fast synthetic responses for the scale benchmarks (bulk inserts; never timed as a figure).

Rows go straight into the response, answer, text_analysis and text_theme tables through
SQLAlchemy Core's executemany in batches of tuples, with ids chosen here so related rows
need no read-back. The answers follow each question's type and `show_if`, lean positive
like real feedback, and a share of respondents write one of the short texts below with
an analysis row (sentiment, one theme, redacted copy), so exports, outcomes and the
Board report have everything they read. All text is written for the benchmark.
"""

from __future__ import annotations

import json
import random
import time
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection

from bench.server import sqlalchemy_url
from forms.schema import PREFER_NOT, Definition, Question

BATCH = 20_000
START = datetime(2025, 7, 1)  # data spans 2025-H2 and 2026-H1: every row is in one of them
SPAN_SECONDS = int((datetime(2026, 7, 1) - START).total_seconds()) - 1
# (text, sentiment, polarity, theme, theme sentiment) -- written for the benchmark.
TEXTS = [
    (
        "My worker listened to me and did what she said she would",
        "positive",
        0.5,
        "listened_to",
        "positive",
    ),
    ("Nobody told us what was going to happen next", "negative", -0.4, "communication", "negative"),
    (
        "We waited ages for a meeting and it was cancelled twice",
        "negative",
        -0.5,
        "timeliness",
        "negative",
    ),
    ("They were kind and polite to my mum", "positive", 0.6, "respected", "positive"),
    ("I felt safe at the family hub", "positive", 0.5, "safety", "positive"),
    (
        "The plan was made about us, not with us",
        "negative",
        -0.3,
        "involvement_in_decisions",
        "negative",
    ),
    (
        "I got a new social worker again, that is the third one",
        "negative",
        -0.2,
        "relationship_with_worker",
        "negative",
    ),
    ("It was fine I suppose", "neutral", 0.0, "proportionate_help", "neutral"),
    (
        "They believed me when I told them what happened at home",
        "positive",
        0.4,
        "understood_story",
        "positive",
    ),
    (
        "Some of the letters used words I did not understand but the worker explained",
        "mixed",
        0.05,
        "communication",
        "neutral",
    ),
]
LANGUAGES = ["en"] * 14 + ["pl", "ur"]  # 16 entries: picked with 4 random bits
MODES = ["online"] * 14 + ["paper", "facilitated"]
PROFILE_BITS = 13  # 8,192 distinct respondents, drawn at random for each response


def _definition(conn: Connection, slug: str) -> tuple[int, int, int | None, Definition]:
    row = conn.execute(
        text(
            "SELECT s.id, v.id, v.definition_json FROM survey s"
            " JOIN survey_version v ON v.id = s.current_version_id WHERE s.slug = :slug"
        ),
        {"slug": slug},
    ).one()
    campaign = conn.scalar(text("SELECT min(id) FROM campaign WHERE survey_id = :i"), {"i": row[0]})
    blob = row[2] if isinstance(row[2], dict) else json.loads(row[2])
    return row[0], row[1], campaign, Definition.from_dict(blob)


def _value(rng: random.Random, q: Question, mood: float) -> Any:
    """One answer to `q`: None (skipped) or a value, a list for multi."""
    if q.type in ("text", "textarea"):
        return rng.randrange(len(TEXTS)) if rng.random() < 0.35 else None
    if rng.random() < 0.03 and not q.required:
        return None
    if q.closed:
        values = [c.value for c in q.choices]
        if q.prefer_not_to_say and rng.random() < 0.03:
            return PREFER_NOT
        if q.type == "multi":
            return rng.sample(values, k=min(len(values), rng.randint(1, 2)))
        if q.type in ("single", "select", "completed_with_help"):
            return rng.choice(values)
        if q.type in ("yes_no", "yes_no_unsure", "consent_to_quote"):
            return values[0] if rng.random() < mood else rng.choice(values)
        return values[min(len(values) - 1, int(rng.betavariate(1 + 4 * mood, 2) * len(values)))]
    if q.type == "number":
        return str(rng.randint(int(q.min or 0), int(q.max or 20)))
    if q.type == "date":
        return (START + timedelta(days=rng.randrange(365))).date().isoformat()
    if q.type == "pairing_code":
        return None  # a hash of a made-up code adds nothing the benchmarks read
    return None


def _profiles(rng: random.Random, definition: Definition) -> list[tuple[Any, ...]]:
    """Distinct respondents (answer rows, texts, completed-with-help, consent to quote).

    Drawing each response from a pool of pre-made respondents keeps seeding fast (the
    per-answer random draws happen 8,192 times, not a million times) while every question
    still gets a realistic spread of answers.
    """
    questions = list(definition.questions())
    out = []
    for _ in range(1 << PROFILE_BITS):
        mood = 0.55 + 0.35 * rng.random()
        given: dict[str, Any] = {}
        rows: list[tuple[str, str, float | None]] = []
        texts: list[tuple[str, int]] = []
        helped = quoted = None
        for q in questions:
            if q.show_if is not None and not q.show_if.holds(given):
                continue
            value = _value(rng, q, mood)
            if value is None:
                continue
            if q.free_text:
                texts.append((q.id, value))
                given[q.id] = TEXTS[value][0]
                continue
            given[q.id] = value
            if q.type == "completed_with_help":
                helped = value
            elif q.type == "consent_to_quote":
                quoted = value == "yes"
            for v in value if isinstance(value, list) else [value]:
                rows.append((q.id, v, float(v) if q.type == "number" else None))
        out.append((tuple(rows), tuple(texts), helped, quoted))
    return out


def _insert(conn: Connection, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    if not rows:
        return
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})"
    conn.exec_driver_sql(sql, rows)


RESPONSE_COLS = (
    "id",
    "survey_id",
    "version_id",
    "campaign_id",
    "audience",
    "age_band",
    "language",
    "mode",
    "submitted_at",
    "completed_with_help",
    "consent_to_quote",
)
ANSWER_COLS = ("id", "response_id", "question_id", "value", "number_value")
ANALYSIS_COLS = (
    "id",
    "answer_id",
    "response_id",
    "language",
    "english_analysed",
    "sentiment",
    "polarity",
    "concern",
    "concern_categories",
    "redacted",
    "analysed_at",
)
THEME_COLS = ("id", "analysis_id", "theme", "sentiment", "source")


def seed(url: str, slug: str, total: int, seed_value: int = 7) -> dict[str, Any]:
    """Top survey `slug` up to `total` responses in database `url`; return what was added."""
    engine = create_engine(sqlalchemy_url(url))
    t0 = time.perf_counter()
    added = {"responses": 0, "answers": 0, "texts": 0}
    with engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA synchronous=OFF")
            conn.exec_driver_sql("PRAGMA cache_size=-262144")
        survey_id, version_id, campaign_id, definition = _definition(conn, slug)
        have = (
            conn.scalar(
                text("SELECT count(*) FROM response WHERE survey_id = :i"), {"i": survey_id}
            )
            or 0
        )
        ids = [
            conn.scalar(text(f"SELECT coalesce(max(id), 0) FROM {t}")) or 0
            for t in ("response", "answer", "text_analysis", "text_theme")
        ]
        rid, aid, tid, thid = ids
        rng = random.Random(seed_value + have)
        profiles = _profiles(rng, definition)
        analysed = datetime(2026, 7, 1)
        languages, modes = LANGUAGES, MODES
        for start in range(have, total, BATCH):
            responses, answers, analyses, themes = [], [], [], []
            for _ in range(min(BATCH, total - start)):
                rid += 1
                rows, texts, helped, quoted = profiles[rng.getrandbits(PROFILE_BITS)]
                for qid, value, number in rows:
                    aid += 1
                    answers.append((aid, rid, qid, value, number))
                for qid, index in texts:
                    phrase, sentiment, polarity, theme, theme_sentiment = TEXTS[index]
                    aid += 1
                    tid += 1
                    thid += 1
                    answers.append((aid, rid, qid, phrase, None))
                    analyses.append(
                        (
                            tid,
                            aid,
                            rid,
                            "en",
                            True,
                            sentiment,
                            polarity,
                            False,
                            "[]",
                            phrase,
                            analysed,
                        )
                    )
                    themes.append((thid, tid, theme, theme_sentiment, "auto"))
                when = START + timedelta(seconds=rng.randrange(SPAN_SECONDS))
                responses.append(
                    (
                        rid,
                        survey_id,
                        version_id,
                        campaign_id,
                        definition.audience,
                        definition.age_band,
                        languages[rng.getrandbits(4)],
                        modes[rng.getrandbits(4)],
                        when,
                        helped,
                        quoted,
                    )
                )
            _insert(conn, "response", RESPONSE_COLS, responses)
            _insert(conn, "answer", ANSWER_COLS, answers)
            _insert(conn, "text_analysis", ANALYSIS_COLS, analyses)
            _insert(conn, "text_theme", THEME_COLS, themes)
            added["responses"] += len(responses)
            added["answers"] += len(answers)
            added["texts"] += len(analyses)
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
    engine.dispose()
    added["seconds"] = round(time.perf_counter() - t0, 1)
    added["total"] = total
    return added
