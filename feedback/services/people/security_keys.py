"""Security keys and passkeys (WebAuthn, through py_webauthn).

Each ceremony has two halves: the server makes options with a fresh challenge (kept in
the signed session cookie, good for one try), the browser asks the authenticator, and
the server checks the answer against that challenge, the relying-party id and origin.

py_webauthn (and the cryptography under it) is imported inside the functions that use it:
it takes a twentieth of a second, and every worker and `heard` command imports this module.
"""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from flask import current_app, session
from sqlalchemy import select

from feedback.extensions import db
from feedback.links import base_url
from feedback.models import SecurityKey, User
from feedback.models._time import utcnow

if TYPE_CHECKING:
    from webauthn.helpers.structs import PublicKeyCredentialDescriptor

CHALLENGE_SECONDS = 300
_REGISTER = "webauthn_register"
_SIGN_IN = "webauthn_sign_in"


class SecurityKeyError(ValueError):
    """A security-key answer was refused."""


def _origin() -> str:
    parts = urlsplit(base_url())
    return f"{parts.scheme}://{parts.netloc}"


def _rp_id() -> str:
    return current_app.config.get("HEARD_WEBAUTHN_RP_ID") or urlsplit(base_url()).hostname or ""


def keys_of(user: User) -> list[SecurityKey]:
    return list(
        db.session.scalars(
            select(SecurityKey).where(SecurityKey.user_id == user.id).order_by(SecurityKey.id)
        )
    )


def _descriptors(user: User) -> list[PublicKeyCredentialDescriptor]:
    from webauthn.helpers.structs import PublicKeyCredentialDescriptor

    return [PublicKeyCredentialDescriptor(id=k.credential_id) for k in keys_of(user)]


def _keep_challenge(name: str, challenge: bytes, user: User) -> None:
    from webauthn.helpers import bytes_to_base64url

    session[name] = {
        "challenge": bytes_to_base64url(challenge),
        "user": user.id,
        "until": int(time.time()) + CHALLENGE_SECONDS,
    }


def _take_challenge(name: str, user: User) -> bytes:
    from webauthn.helpers import base64url_to_bytes

    kept = session.pop(name, None)  # one try per challenge
    if not isinstance(kept, dict) or kept.get("user") != user.id:
        raise SecurityKeyError("no challenge")
    if int(kept.get("until", 0)) < time.time():
        raise SecurityKeyError("challenge expired")
    return base64url_to_bytes(str(kept["challenge"]))


def registration_options(user: User) -> dict[str, Any]:
    """Options for navigator.credentials.create(), as JSON-ready data."""
    from webauthn import generate_registration_options, options_to_json
    from webauthn.helpers.structs import (
        AuthenticatorSelectionCriteria,
        ResidentKeyRequirement,
        UserVerificationRequirement,
    )

    options = generate_registration_options(
        rp_id=_rp_id(),
        rp_name=current_app.config["HEARD_WEBAUTHN_RP_NAME"],
        user_id=str(user.id).encode(),
        user_name=user.email,
        user_display_name=user.email,
        exclude_credentials=_descriptors(user),
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.PREFERRED,
            user_verification=UserVerificationRequirement.PREFERRED,
        ),
    )
    _keep_challenge(_REGISTER, options.challenge, user)
    return json.loads(options_to_json(options))


def register(user: User, credential: dict[str, Any], name: str) -> SecurityKey:
    """Check the authenticator's answer and keep its public key; the caller commits."""
    from webauthn import verify_registration_response
    from webauthn.helpers.exceptions import InvalidRegistrationResponse

    challenge = _take_challenge(_REGISTER, user)
    try:
        verified = verify_registration_response(
            credential=credential,
            expected_challenge=challenge,
            expected_rp_id=_rp_id(),
            expected_origin=_origin(),
        )
    except (InvalidRegistrationResponse, ValueError, KeyError, TypeError) as error:
        raise SecurityKeyError(str(error)) from error
    key = SecurityKey(
        user_id=user.id,
        credential_id=verified.credential_id,
        public_key=verified.credential_public_key,
        sign_count=verified.sign_count,
        name=(name or "").strip()[:80] or "Security key",
    )
    db.session.add(key)
    return key


def sign_in_options(user: User) -> dict[str, Any]:
    """Options for navigator.credentials.get(), limited to this person's keys."""
    from webauthn import generate_authentication_options, options_to_json
    from webauthn.helpers.structs import UserVerificationRequirement

    options = generate_authentication_options(
        rp_id=_rp_id(),
        allow_credentials=_descriptors(user),
        user_verification=UserVerificationRequirement.PREFERRED,
    )
    _keep_challenge(_SIGN_IN, options.challenge, user)
    return json.loads(options_to_json(options))


def check_sign_in(user: User, credential: dict[str, Any]) -> SecurityKey:
    """Check a signed challenge from one of `user`'s keys; the caller commits."""
    from webauthn import verify_authentication_response
    from webauthn.helpers import base64url_to_bytes
    from webauthn.helpers.exceptions import InvalidAuthenticationResponse

    challenge = _take_challenge(_SIGN_IN, user)
    try:
        raw_id = base64url_to_bytes(str(credential.get("rawId") or credential.get("id") or ""))
    except ValueError as error:
        raise SecurityKeyError("bad credential id") from error
    key = db.session.scalar(
        select(SecurityKey).where(
            SecurityKey.user_id == user.id, SecurityKey.credential_id == raw_id
        )
    )
    if key is None:
        raise SecurityKeyError("not one of this person's keys")
    try:
        verified = verify_authentication_response(
            credential=credential,
            expected_challenge=challenge,
            expected_rp_id=_rp_id(),
            expected_origin=_origin(),
            credential_public_key=key.public_key,
            credential_current_sign_count=key.sign_count,
        )
    except (InvalidAuthenticationResponse, ValueError, KeyError, TypeError) as error:
        raise SecurityKeyError(str(error)) from error
    key.sign_count = verified.new_sign_count
    key.last_used_at = utcnow()
    return key
