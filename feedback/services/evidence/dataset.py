"""The partnership dataset: importing figures per period, and each indicator's history.

An import is all or nothing: forms.dataset names every bad row by line and column before
anything is written. A figure already held for the same indicator and period is
replaced, and the import writes one audit row (in the same transaction) saying which
periods it replaced and how many figures; figures of other indicators are left alone,
so each agency can send its own file for a period.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import CursorResult, delete, insert, select, tuple_

from analysis.indicators import Change, change, rag
from analysis.periods import parse_period, previous
from feedback.extensions import db
from feedback.models import IndicatorValue, User
from feedback.services.audit import audit
from feedback.services.evidence.definitions import indicator_map
from forms.dataset import DatasetError, DatasetRow, read_dataset
from forms.indicators import Indicator

__all__ = ["DatasetError", "Figure", "ImportResult", "figures", "import_dataset"]

#: rows written per flush, so a long import can report progress
CHUNK = 500


@dataclass(frozen=True)
class ImportResult:
    added: int
    replaced: int
    periods: list[str]


def parse_upload(content: bytes, source: str) -> list[DatasetRow]:
    """The rows of an uploaded file; raises DatasetError listing every problem."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DatasetError([f"{source}: not UTF-8 text (byte {exc.start})"]) from None
    units = {i.id: i.unit for i in indicator_map().values()}
    return read_dataset(text, source, units)


def import_dataset(
    content: bytes,
    source: str,
    by: User | None = None,
    progress: Callable[[int], object] | None = None,
) -> ImportResult:
    """Check every row of the CSV `content`, then store them all in one transaction.

    progress: called with the number of rows written after each chunk (for a bar).
    Raises DatasetError (nothing stored) when any row is bad.
    """
    rows = parse_upload(content, source)
    keys = [(r.indicator, r.period) for r in rows]
    replaced = 0
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start : start + CHUNK]
        result = cast(
            "CursorResult[Any]",
            db.session.execute(
                delete(IndicatorValue).where(
                    tuple_(IndicatorValue.indicator, IndicatorValue.period).in_(chunk)
                )
            ),
        )
        replaced += result.rowcount or 0
    by_id = by.id if by is not None else None
    for start in range(0, len(rows), CHUNK):
        chunk_rows = rows[start : start + CHUNK]
        # One executemany per chunk: an ORM object per figure took twice as long.
        db.session.execute(
            insert(IndicatorValue),
            [
                {
                    "indicator": r.indicator,
                    "period": r.period,
                    "value": r.value,
                    "imported_by_id": by_id,
                }
                for r in chunk_rows
            ],
        )
        if progress:
            progress(len(chunk_rows))
    periods = sorted({r.period for r in rows})
    audit(
        "dataset.replace" if replaced else "dataset.import",
        "dataset",
        None,
        commit=False,
        user_id=by_id,
        file=source[:120],
        rows=len(rows),
        replaced=replaced,
        periods=periods,
    )
    db.session.commit()
    return ImportResult(added=len(rows) - replaced, replaced=replaced, periods=periods)


@dataclass(frozen=True)
class Figure:
    """One period's figure of an indicator, with its RAG and change since the period before."""

    period: str
    value: float
    rag: str | None
    change: Change | None


def _history(indicator_ids: Iterable[str]) -> dict[str, dict[str, float]]:
    query = select(IndicatorValue.indicator, IndicatorValue.period, IndicatorValue.value).where(
        IndicatorValue.indicator.in_(list(indicator_ids))
    )
    found: dict[str, dict[str, float]] = {}
    for indicator, period, value in db.session.execute(query):
        found.setdefault(indicator, {})[period] = value
    return found


def _sort_key(label: str) -> tuple:
    period = parse_period(label)
    return (period.start, period.end)


def figures_of(indicator: Indicator, values: dict[str, float]) -> list[Figure]:
    """`values` (period -> figure) in period order, each with its RAG and change."""
    out: list[Figure] = []
    for label in sorted(values, key=_sort_key):
        before = previous(label)
        earlier = values.get(before.label) if before else None
        out.append(
            Figure(
                period=label,
                value=values[label],
                rag=rag(values[label], indicator.target, indicator.higher_is_better),
                change=change(values[label], earlier, indicator.higher_is_better),
            )
        )
    return out


def figures(indicators: Iterable[Indicator]) -> dict[str, list[Figure]]:
    """Each indicator's history (oldest first), read in one query."""
    indicators = list(indicators)
    history = _history(i.id for i in indicators)
    return {i.id: figures_of(i, history.get(i.id, {})) for i in indicators}
