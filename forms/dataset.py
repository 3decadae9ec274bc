"""Reading a partnership dataset CSV: one figure per indicator and period, every bad row named.

The file has a header row and three columns, in any order::

    indicator,period,value
    cp_plans_neglect_rate,2026-H1,23.4

``indicator`` is an id from the indicators file, ``period`` a label such as 2026-H1,
2026-Q3 or FY2026 (not ``all``), ``value`` a number (no thousands separators; a percent
is 0-100 without the % sign). Nothing is stored unless every row is good, so
:func:`read_dataset` returns every row or raises :class:`DatasetError` listing every
problem as ``FILE: line N, column C: what is wrong``.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping
from dataclasses import dataclass

from analysis.periods import parse_period
from forms.problems import suggest

COLUMNS = ("indicator", "period", "value")
PERIOD_HELP = "use a half-year such as 2026-H1, a quarter such as 2026-Q3 or a year such as FY2026"
#: the largest file accepted, in characters; a dataset is a few hundred rows
MAX_CHARACTERS = 2 * 1024 * 1024
#: problems listed before the rest are summarised (a wrong file would list thousands)
MAX_PROBLEMS = 200


class DatasetError(ValueError):
    """The file was refused; ``problems`` says where and why, one message each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class DatasetRow:
    line: int
    indicator: str
    period: str
    value: float


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _check_row(
    values: dict[str, str], units: Mapping[str, str], problems: list[str], where: str
) -> DatasetRow | None:
    bad = len(problems)
    indicator = values["indicator"]
    if indicator not in units:
        hint = suggest(indicator, units) if indicator else ""
        what = f"unknown indicator {indicator!r}{hint}" if indicator else "no indicator"
        problems.append(f"{where}, column indicator: {what}")
    period = values["period"]
    try:
        label = parse_period(period).label
        if label == "all":
            raise ValueError(label)  # a figure belongs to one period
    except ValueError:
        problems.append(f"{where}, column period: {period!r} is not a period ({PERIOD_HELP})")
        label = ""
    value = _number(values["value"])
    if value is None:
        problems.append(f"{where}, column value: {values['value']!r} is not a number")
    elif value < 0:
        problems.append(f"{where}, column value: {value:g} is negative")
    elif units.get(indicator) == "percent" and value > 100:
        problems.append(f"{where}, column value: {value:g} is more than 100 (a percent)")
    if len(problems) > bad or value is None:
        return None
    return DatasetRow(0, indicator, label, value)


def read_dataset(text: str, source: str, units: Mapping[str, str]) -> list[DatasetRow]:
    """Every row of the CSV `text`, checked against `units` (indicator id -> unit).

    source: the file name at the start of each message. Raises DatasetError naming every
    bad row by line and column, and rows that give one indicator's period twice.
    """
    if len(text) > MAX_CHARACTERS:
        raise DatasetError(
            [f"{source}: the file is too large (at most {MAX_CHARACTERS} characters)"]
        )
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise DatasetError([f"{source}: the file is empty"]) from None
    except csv.Error as exc:
        raise DatasetError([f"{source}: line 1: not CSV ({exc})"]) from None
    missing = [c for c in COLUMNS if c not in header]
    extra = [h for h in header if h not in COLUMNS]
    if missing or extra or len(set(header)) != len(header):
        wanted = ",".join(COLUMNS)
        raise DatasetError(
            [
                f"{source}: line 1: the header must name the columns {wanted} "
                f"(found {','.join(header)})"
            ]
        )
    problems: list[str] = []
    rows: list[DatasetRow] = []
    first_line: dict[tuple[str, str], int] = {}
    try:
        for record in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue  # a blank line, such as the one a spreadsheet leaves at the end
            where = f"{source}: line {line}"
            if len(record) != len(header):
                problems.append(f"{where}: {len(record)} columns, the header has {len(header)}")
                continue
            values = {name: cell.strip() for name, cell in zip(header, record, strict=True)}
            row = _check_row(values, units, problems, where)
            if row is None:
                continue
            key = (row.indicator, row.period)
            if key in first_line:
                problems.append(
                    f"{where}, column period: {row.indicator} for {row.period} "
                    f"is already given on line {first_line[key]}"
                )
                continue
            first_line[key] = line
            rows.append(DatasetRow(line, row.indicator, row.period, row.value))
    except csv.Error as exc:
        problems.append(f"{source}: line {reader.line_num}: not CSV ({exc})")
    if not problems and not rows:
        problems.append(f"{source}: the file has a header but no figures")
    if problems:
        if len(problems) > MAX_PROBLEMS:
            more = len(problems) - MAX_PROBLEMS
            problems = problems[:MAX_PROBLEMS] + [f"{source}: and {more} more problems"]
        raise DatasetError(problems)
    return rows
