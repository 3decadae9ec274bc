"""Rebuilding a table on SQLite without losing the rows that point at it.

Alembic's batch mode rebuilds a SQLite table (new table, copy, drop, rename) for any
change ALTER TABLE cannot make. With foreign keys on, as `heard init-db` runs, dropping
the old table deletes every row that points at it with ON DELETE CASCADE (an alert's
notes, a text's reading decision). Migrations that rebuild a table wrap it in
rows_pointing_at(table).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op


@contextmanager
def rows_pointing_at(table: str) -> Iterator[None]:
    """On SQLite, keep the rows of every table with a foreign key to `table` while it
    is rebuilt, and put them back afterwards (elsewhere nothing is rebuilt)."""
    if op.get_bind().dialect.name != "sqlite":
        yield
        return
    inspector = sa.inspect(op.get_bind())
    children = [
        name
        for name in inspector.get_table_names()
        if any(fk["referred_table"] == table for fk in inspector.get_foreign_keys(name))
    ]
    for child in children:
        op.execute(f'CREATE TEMP TABLE "_kept_{child}" AS SELECT * FROM "{child}"')
        op.execute(f'DELETE FROM "{child}"')
    yield
    for child in children:
        op.execute(f'INSERT INTO "{child}" SELECT * FROM "_kept_{child}"')
        op.execute(f'DROP TABLE "_kept_{child}"')
