"""heard analyse (backfill text analysis) and heard notify-pending (alert e-mails, and
the daily reminder about overdue texts on the reading list)."""

from __future__ import annotations

from datetime import timedelta

import click
from flask.cli import with_appcontext
from tqdm import tqdm

from feedback.services.mail import smtp_configured
from feedback.services.safeguarding.notify import (
    GRACE,
    deliver,
    outbox_path,
    pending_count,
)


@click.command("analyse")
@click.option("--batch-size", default=500, show_default=True, help="Answers per transaction.")
@with_appcontext
def analyse(batch_size: int) -> None:
    """Analyse free-text answers not yet analysed; raise and notify concern alerts."""
    from feedback.services.text.analyses import backfill, count_unanalysed

    total = count_unanalysed()
    if not total:
        click.echo("Every free-text answer is already analysed.")
        return
    with tqdm(total=total, desc="analysing", unit="answer", disable=None) as bar:
        result = backfill(progress=bar.update, batch_size=max(1, batch_size))
    click.echo(f"Analysed {result.analysed} answers; {result.alerts} new concern alerts.")


@click.command("notify-pending")
@click.option(
    "--all", "everything", is_flag=True, help="Include alerts raised in the last few seconds."
)
@with_appcontext
def notify_pending(everything: bool) -> None:
    """Notify leads of alerts not yet notified. Run it from cron every minute:

    * * * * *  cd /srv/heard && .venv/bin/heard notify-pending
    """
    age = timedelta(0) if everything else GRACE
    waiting = pending_count(age)
    done = deliver(older_than=age)
    where = "by e-mail" if smtp_configured() else f"to the outbox {outbox_path()}"
    if done:
        click.echo(f"Notified {len(done)} alerts {where}.")
    reminded, problem = _remind_overdue_reading()
    if reminded:
        click.echo(f"Reminded leads {where} that {reminded} texts are overdue on the reading list.")
    problems = [problem] if problem else []
    if len(done) < waiting:
        problems.insert(0, f"{waiting - len(done)} alerts could not be notified; see the log.")
    if problems:
        # A non-zero exit makes cron mail someone: an alert nobody hears about is the worst case.
        raise click.ClickException(" ".join(problems))
    if not waiting and not reminded:
        click.echo("Nothing to notify.")


def _remind_overdue_reading() -> tuple[int | None, str | None]:
    """The once-a-day reminder about overdue texts: (texts told about, what went wrong).

    A failure records nothing, so the next run (a minute later under cron) tries again.
    """
    import smtplib

    from feedback.services.safeguarding.reading_notify import remind_overdue

    try:
        return remind_overdue(), None
    except (OSError, smtplib.SMTPException) as exc:
        return None, f"The reading-list reminder could not be sent: {exc}"
