"""heard init-db"""

import click
from flask.cli import with_appcontext

from feedback import database
from feedback.extensions import db


@click.command("init-db")
@with_appcontext
def init_db() -> None:
    """Create or upgrade the schema (Alembic)."""
    database.upgrade(db.engine)
    click.echo(f"Database is up to date ({db.engine.url.render_as_string(hide_password=True)}).")
