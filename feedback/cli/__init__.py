"""The `heard` command line: a FlaskGroup over create_app."""

from __future__ import annotations

import secrets

import click
from flask import Flask
from flask.cli import FlaskGroup


def _create_app() -> Flask:
    from feedback import create_app

    try:
        return create_app()
    except RuntimeError:
        # Commands sign nothing that outlives them, so a throwaway key is safe here; the
        # web app served by gunicorn still refuses to start without a real SECRET_KEY.
        return create_app({"SECRET_KEY": secrets.token_hex(32)})


@click.group(cls=FlaskGroup, create_app=_create_app, add_default_commands=True)
def main() -> None:
    """Heard: surveys and the voice of the child, for a safeguarding partnership."""


def _register_plain_commands() -> None:
    """The text analyser's commands need no app or database: they are on `heard` itself,
    so they work before Heard is configured (no SECRET_KEY, no HEARD_BASE_URL)."""
    from feedback.cli import text, text_labels, text_train

    main.add_command(text.analyse_text_command)
    main.add_command(text.eval_text_command)
    # `heard text labels export` reads the database: it loads the app itself.
    text_train.text_group.add_command(text_labels.labels_group)
    main.add_command(text_train.text_group)


_register_plain_commands()


def register(app: Flask) -> None:
    """Attach every command group to the app (so `flask --app feedback` sees them too)."""
    from feedback.cli import audits, database, demo, lifecycle, surveys, users

    for command in (
        database.init_db,
        surveys.surveys,
        audits.audits,
        users.users,
        demo.demo,
        lifecycle.retention,
        lifecycle.erase,
    ):
        app.cli.add_command(command)
    from feedback.cli.export import export_command
    from feedback.cli.report import report_command

    app.cli.add_command(export_command)
    app.cli.add_command(report_command)
    from feedback.cli.translations import translations

    app.cli.add_command(translations)
    from feedback.cli.analyse import analyse, notify_pending

    app.cli.add_command(analyse)
    app.cli.add_command(notify_pending)
    from feedback.cli.outcomes import outcomes_command

    app.cli.add_command(outcomes_command)
    from feedback.cli.reading import reading

    app.cli.add_command(reading)
    from feedback.cli.dataset import dataset

    app.cli.add_command(dataset)
    # Also on the app, for `flask --app feedback` and the app's test runner.
    from feedback.cli import text, text_train

    for command in (text.analyse_text_command, text.eval_text_command, text_train.text_group):
        app.cli.add_command(command)
