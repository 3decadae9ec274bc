"""heard users create EMAIL --role ROLE [--password-stdin]"""

import secrets
import sys

import click
from flask.cli import AppGroup
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import ROLES, User
from feedback.services.users import UserError, create_user

users = AppGroup("users", help="Staff accounts.")


@users.command("create")
@click.argument("email")
@click.option("--role", required=True, type=click.Choice(ROLES))
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def create(email: str, role: str, password_stdin: bool) -> None:
    """Create a staff account with ROLE."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = create_user(email, role, password)
    except UserError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Created {user.email} ({user.role}).")


DEMO_DOMAIN = "heard.example"


@users.command("ensure-demo-staff")
def ensure_demo_staff() -> None:
    """Give each role a demo account with a fresh random password, and print the logins."""
    click.echo("Demo sign-ins (passwords are new each time):")
    for role in ROLES:
        email = f"{role}@{DEMO_DOMAIN}"
        password = secrets.token_urlsafe(12)
        user = db.session.scalar(select(User).where(User.email == email))
        if user is None:
            create_user(email, role, password)
        else:
            user.set_password(password)
            db.session.commit()
        click.echo(f"  {role:<13} {email:<28} {password}")
