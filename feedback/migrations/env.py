"""Alembic environment: runs on the connection feedback.database hands it."""

from alembic import context
from sqlalchemy import create_engine
from sqlalchemy.engine import Connection

from feedback import models  # noqa: F401  (registers every table on the metadata)
from feedback.extensions import db

config = context.config
target_metadata = db.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        url = config.get_main_option("sqlalchemy.url")
        if not url:  # feedback.database hands over a connection; alone, Alembic needs a URL
            raise RuntimeError("no sqlalchemy.url: migrate with `heard init-db`")
        engine = create_engine(url)
        with engine.begin() as connection:
            _migrate(connection)
    else:
        _migrate(connection)


def _migrate(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
