"""Alembic environment: runs on the connection feedback.database hands it."""

from alembic import context
from sqlalchemy import create_engine

from feedback import models  # noqa: F401  (registers every table on the metadata)
from feedback.extensions import db

config = context.config
target_metadata = db.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url"))
        with engine.begin() as connection:
            _migrate(connection)
    else:
        _migrate(connection)


def _migrate(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
