"""The `heard` command line: a FlaskGroup over create_app."""

from __future__ import annotations

import gc
import secrets

import click
from flask import Flask
from flask.cli import FlaskGroup, ScriptInfo

#: Commands that serve no page and build no link (no url_for): their app is built without
#: the blueprints, whose modules (every page's forms and views, the text analyser that the
#: survey pages import) were a third of a command's start-up. The CSV export of 10,000
#: responses is measured against the peer with its start-up. `tests/feedback/
#: test_cli_startup.py` runs each of these through the real `heard`.
WITHOUT_PAGES = frozenset(
    {"analyse", "audits", "dataset", "erase", "export", "init-db", "outcomes", "report",
     "retention", "surveys"}
)  # fmt: skip


def _command() -> str | None:
    """The command `heard` was asked for (set by HeardGroup.get_command), if known."""
    ctx = click.get_current_context(silent=True)
    info = ctx.find_object(ScriptInfo) if ctx is not None else None
    return info.data.get("command") if info is not None else None


def _create_app() -> Flask:
    from feedback import create_app

    pages = _command() not in WITHOUT_PAGES
    try:
        return create_app(pages=pages)
    except RuntimeError:
        # Commands sign nothing that outlives them, so a throwaway key is safe here; the
        # web app served by gunicorn still refuses to start without a real SECRET_KEY.
        return create_app({"SECRET_KEY": secrets.token_hex(32)}, pages=pages)


class HeardGroup(FlaskGroup):
    """FlaskGroup that tells `_create_app` which command the app is built for."""

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        # The first name looked up is the command being run (`heard --help` lists them
        # all after building the whole app through list_commands, which sets nothing).
        ctx.ensure_object(ScriptInfo).data.setdefault("command", name)
        return super().get_command(ctx, name)


@click.group(cls=HeardGroup, create_app=_create_app, add_default_commands=True)
def main() -> None:
    """Heard: surveys and the voice of the child, for a safeguarding partnership."""
    # Click calls this after it has found the command (and FlaskGroup built the app) and
    # before the command runs: what start-up made lives until the process ends, so it is
    # frozen out of every later collection, and collecting starts again (see `run`).
    if _started_by_run:
        gc.freeze()
        gc.enable()


_started_by_run = False


def run() -> None:
    """The `heard` console script: `main`, with no garbage collection during start-up.

    Importing Flask, SQLAlchemy and the blueprints and building the app makes several
    hundred thousand objects and almost no garbage, yet the collector walked them about
    fifty times: 0.13 s of every command (`heard report` at 100,000 responses spent 0.29 s
    collecting, 0.16 s after this). Only here, not in `main`: a test that invokes `main`
    keeps its own collector as it was.
    """
    global _started_by_run
    _started_by_run = True
    gc.disable()
    try:
        main()
    finally:
        _started_by_run = False
        gc.enable()


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
