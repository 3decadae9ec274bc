"""Describing a failure in the log without anything a person typed.

An exception's message can quote data: SQLAlchemy appends the statement's parameters
(hidden now, by hide_parameters), PostgreSQL's DETAIL repeats a duplicate key (a survey
title), and "invalid input syntax" quotes the value. So the log names the exception
types, the database's error code and where it happened; never a message.
"""

from __future__ import annotations

from pathlib import Path
from traceback import extract_tb

#: how many of the innermost frames to name: enough to find the line, short in a log
FRAMES = 8


def _name(error: BaseException) -> str:
    kind = type(error)
    orig = getattr(error, "orig", None)
    code = (
        getattr(error, "sqlstate", None)
        or getattr(error, "sqlite_errorname", None)
        or getattr(orig, "sqlstate", None)
        or getattr(orig, "sqlite_errorname", None)
    )
    name = f"{kind.__module__}.{kind.__qualname__}"
    return f"{name} ({code})" if code else name


def describe(error: BaseException) -> str:
    """`error`'s chain of types (with SQLSTATE or SQLite error names) and innermost frames."""
    chain: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(_name(current))
        current = current.__cause__ or current.__context__
    frames = extract_tb(error.__traceback__)[-FRAMES:]
    where = " > ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in frames)
    return " from ".join(chain) + (f" at {where}" if where else "")
