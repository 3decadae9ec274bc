"""heard users create EMAIL --role ROLE [--password-stdin]"""

import secrets
import sys

import click
from flask.cli import AppGroup
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import AGENCY_ROLES, ROLES, User
from feedback.services.people.users import UserError, create_user

users = AppGroup("users", help="Staff accounts.")


@users.command("create")
@click.argument("email")
@click.option("--role", required=True, type=click.Choice(ROLES))
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@click.option("--agency", help="The partner agency's name (required for an agency lead).")
def create(email: str, role: str, password_stdin: bool, agency: str | None) -> None:
    """Create a staff account with ROLE."""
    from feedback.services.assurance.agencies import agency_by_name

    found = agency_by_name(agency) if agency else None
    if agency and found is None:
        raise click.ClickException(f"No agency called {agency!r}.")
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = create_user(email, role, password, found.id if found else None)
    except UserError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Created {user.email} ({user.role}).")


DEMO_DOMAIN = "heard.example"


@users.command("ensure-demo-staff")
def ensure_demo_staff() -> None:
    """Give each role a demo account with a fresh random password, and print the logins.

    Roles that must have a second factor (HEARD_MFA_REQUIRED_ROLES) also get a fresh
    authenticator-app key: add it to any TOTP app, or run `heard users demo-code EMAIL`.
    """
    from feedback.services.people.second_factor import required_for

    click.echo("Demo sign-ins (passwords are new each time):")
    second: list[tuple[str, str]] = []
    for role in ROLES:
        email = f"{role}@{DEMO_DOMAIN}"
        password = secrets.token_urlsafe(12)
        user = db.session.scalar(select(User).where(User.email == email))
        if user is None:
            user = create_user(email, role, password, _demo_agency_id(role))
        else:
            user.set_password(password)
            db.session.commit()
        click.echo(f"  {role:<13} {email:<28} {password}")
        if required_for(user):
            second.append((email, _demo_totp(user)))
    if second:
        click.echo(
            "Second factor, an authenticator-app key each "
            "(`heard users demo-code EMAIL` prints the current code):"
        )
        for email, key in second:
            click.echo(f"  {email:<28} {key}")


def _demo_agency_id(role: str) -> int | None:
    """The demo agency lead works for the first demo agency (made here on a fresh install)."""
    if role not in AGENCY_ROLES:
        return None
    from feedback.demo.agencies import DEMO_AGENCIES
    from feedback.services.assurance.agencies import ensure_agency

    name, sector = DEMO_AGENCIES[0]
    return ensure_agency(name, sector).id


def _demo_totp(user: User) -> str:
    """Enrol a fresh authenticator-app key for a demo account; returns the key."""
    import time

    import pyotp

    from feedback.services.people import recovery_codes, totp

    key = totp.new_secret()
    # Enrolled with the previous half-minute's code, so the code shown now is still new.
    assert totp.enrol(user, key, pyotp.TOTP(key).at(time.time() - totp.STEP))
    recovery_codes.replace_codes(user)
    db.session.commit()
    return key


@users.command("demo-code")
@click.argument("email")
def demo_code(email: str) -> None:
    """Print the current authenticator-app code of a demo account (development only)."""
    import pyotp
    from flask import current_app

    from feedback.services.people.totp import secret_for

    if current_app.config["HEARD_ENV"] != "development" or not email.endswith(f"@{DEMO_DOMAIN}"):
        raise click.ClickException("Only for the demo accounts of `make run` (development).")
    user = db.session.scalar(select(User).where(User.email == email.lower()))
    stored = secret_for(user) if user else None
    if stored is None:
        raise click.ClickException(f"{email} has no authenticator app.")
    click.echo(pyotp.TOTP(stored.secret).now())
