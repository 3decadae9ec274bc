"""heard demo [--responses N]"""

import click
from flask.cli import with_appcontext
from sqlalchemy import func, select
from tqdm import tqdm

from feedback.demo.responses import fill
from feedback.extensions import db
from feedback.models import Response


@click.command("demo")
@click.option("--responses", default=60, show_default=True, help="Responses per survey.")
@click.option("--seed", default=7, show_default=True, help="Random seed (same seed, same data).")
@click.option("--if-empty", is_flag=True, help="Do nothing when responses already exist.")
@with_appcontext
def demo(responses: int, seed: int, if_empty: bool) -> None:
    """Fill every bundled survey with realistic, made-up responses over 18 months."""
    if responses < 0:
        raise click.BadParameter("must be 0 or more", param_hint="--responses")
    if if_empty and db.session.scalar(select(func.count(Response.id))):
        from feedback.demo.audits import add_demo_audits

        # An instance made before audits existed still gets their demo (once).
        if add_demo_audits(seed):
            click.echo("Added the demo Section 11 rounds and case audit.")
        click.echo("Demo data already present; leaving it as it is.")
        return
    with tqdm(desc="demo responses", unit="resp", disable=None) as bar:
        stored = fill(responses, seed=seed, progress=bar.update)
    click.echo(f"Stored {stored} demo responses.")
