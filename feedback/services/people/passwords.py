"""How guessable a staff password is, judged by zxcvbn, with the reason in plain words.

A length rule alone let `aaaaaaaaaaaa` and twelve spaces through. zxcvbn (Dropbox's
estimator, maintained on PyPI as `zxcvbn`) counts how many guesses an attacker needs,
knowing common passwords, words, keyboard rows, runs, repeats and dates. We ask for its
score 3 ("safely unguessable": about 10^8 guesses) and name the weakness it found.
"""

from __future__ import annotations

from collections.abc import Mapping

from flask_babel import gettext as _

MIN_PASSWORD = 12
#: zxcvbn's scale is 0-4; 3 and 4 resist an online attack and slow an offline one
MIN_SCORE = 3
#: zxcvbn's running time grows with length; a longer password is judged on its start
JUDGED_LENGTH = 100


def _reason(match: Mapping[str, object]) -> str:
    pattern = match.get("pattern")
    if pattern == "repeat":
        return _("it repeats the same characters")
    if pattern == "sequence":
        return _("it is a run of letters or numbers, like abcd or 1234")
    if pattern == "spatial":
        return _("it is a row of keys, like qwerty")
    if pattern in ("date", "regex"):
        return _("it is mostly a date or a year")
    if pattern == "dictionary" and match.get("dictionary_name") == "user_inputs":
        return _("it is mostly your e-mail address or name")
    if pattern == "dictionary":
        return _("it is a common password or a single common word")
    return _("it is too short for the kind of characters in it")


def password_problem(email: str, password: str) -> str | None:
    """Why `password` is not acceptable for `email`, or None when it is."""
    if len(password) < MIN_PASSWORD:
        return _("The password must be at least %(n)d characters long.", n=MIN_PASSWORD)
    if password.strip().lower() == email.strip().lower():
        return _("The password must not be the email address.")
    if not password.strip():
        why = _("it is only spaces")
    else:
        local = email.split("@", 1)[0]
        hints = [email, local, *local.replace(".", " ").replace("_", " ").split(), "heard"]
        from zxcvbn import zxcvbn  # its word lists load on first use, not at start-up

        result = zxcvbn(password[:JUDGED_LENGTH], user_inputs=hints)
        if result["score"] >= MIN_SCORE:
            return None
        # The longest piece zxcvbn recognised is what makes the password easy to guess.
        weakest = max(result["sequence"], key=lambda m: len(m.get("token", "")))
        why = _reason(weakest)
    return _(
        "This password is too easy to guess: %(why)s. Try three or four unrelated words.",
        why=why,
    )
