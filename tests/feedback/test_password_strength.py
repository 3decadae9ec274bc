"""Passwords are judged by how guessable they are, not only their length (issue 13, item 8).

Twelve spaces, or `aaaaaaaaaaaa`, were accepted and could sign in.
"""

from __future__ import annotations

import html

import pytest

from tests.feedback.staff_helpers import signed_in
from tests.feedback.test_admin_users import _accept, _invite, _link

WEAK = [
    ("            ", "only spaces"),
    ("aaaaaaaaaaaa", "repeats"),
    ("abcdefghijklmnop", "run of letters or numbers"),
    ("asdfghjkl;lkjh", "row of keys"),
    ("password1234", "common password"),
]


@pytest.mark.parametrize(("password", "why"), WEAK)
def test_the_command_line_refuses_a_guessable_password_and_says_why(runner, password, why):
    result = runner.invoke(
        args=["users", "create", "lead@example.org", "--role", "admin", "--password-stdin"],
        input=password + "\n",
    )
    assert result.exit_code != 0
    assert "too easy to guess" in result.output and why in result.output


def test_a_password_made_of_the_email_address_is_refused(runner):
    result = runner.invoke(
        args=["users", "create", "ruth.lead@example.org", "--role", "admin", "--password-stdin"],
        input="ruth.lead@example.org!\n",
    )
    assert result.exit_code != 0 and "e-mail address" in result.output


def test_the_invitation_page_refuses_a_guessable_password(app):
    admin = signed_in(app, "admin")
    path = _link(_invite(admin).get_data(as_text=True))
    newcomer = app.test_client()
    for password, why in WEAK:
        reply = _accept(newcomer, path, password)
        page = html.unescape(reply.get_data(as_text=True))
        assert reply.status_code == 400 and why in page, password
    assert _accept(newcomer, path, "heron lantern quietly 42").status_code == 302
