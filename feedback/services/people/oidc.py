"""OpenID Connect providers (Authlib): registered from settings, discovery read at start-up.

Each provider in HEARD_OIDC_PROVIDERS is an Authlib client using the authorisation code
flow with PKCE (S256); Authlib keeps state, nonce and the code verifier in the session
and drops them after one use, so a callback replayed with the same state is refused.
The ID token is checked here with explicit options (signature against the provider's
published keys, issuer, audience, expiry), not left to the library's defaults: without
an audience option Authlib would accept a token for another client that names us in azp.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from flask import Flask, current_app

OIDC_EXTENSION = "heard_oidc"
LEEWAY = 60  # seconds of clock difference allowed on exp and iat


class OidcRefused(Exception):
    """The provider's answer was not accepted; `reason` goes to the audit log."""

    def __init__(self, reason: str, user: Any = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.user = user


@dataclass(frozen=True)
class Provider:
    name: str
    label: str
    issuer: str
    client_id: str
    groups_claim: str
    email_claim: str


def _check(name: str, settings: dict[str, str]) -> None:
    for key in ("issuer", "client_id", "client_secret"):
        if not settings.get(key):
            raise RuntimeError(
                f"Single sign-on provider '{name}' needs HEARD_OIDC_{name.upper()}_{key.upper()}."
            )


def init_app(app: Flask) -> None:
    """Register every configured provider and read its discovery document now."""
    configured: dict[str, dict[str, str]] = app.config.get("HEARD_OIDC_PROVIDERS") or {}
    if not configured:
        # Authlib and the HTTP client under it take a tenth of a second to import: every
        # `heard` command and worker without single sign-on starts without them.
        app.extensions[OIDC_EXTENSION] = {"oauth": None, "providers": {}}
        return
    from authlib.integrations.flask_client import OAuth

    oauth = OAuth(app)
    found: dict[str, Provider] = {}
    for name, settings in configured.items():
        _check(name, settings)
        issuer = settings["issuer"].rstrip("/")
        client = oauth.register(
            name,
            client_id=settings["client_id"],
            client_secret=settings["client_secret"],
            server_metadata_url=f"{issuer}/.well-known/openid-configuration",
            client_kwargs={
                "scope": settings.get("scope") or "openid email profile",
                "code_challenge_method": "S256",
            },
        )
        try:
            metadata = client.load_server_metadata()
        except Exception as error:  # the provider may be down: try again at first use
            app.logger.error("OpenID provider %s: discovery failed (%s)", name, error)
        else:
            if str(metadata.get("issuer", "")).rstrip("/") != issuer:
                raise RuntimeError(
                    f"Provider '{name}': the discovery document names issuer "
                    f"{metadata.get('issuer')!r}, not {issuer!r}."
                )
        found[name] = Provider(
            name=name,
            label=settings.get("label") or name.capitalize(),
            issuer=issuer,
            client_id=settings["client_id"],
            groups_claim=settings.get("groups_claim") or "groups",
            email_claim=settings.get("email_claim") or "email",
        )
    app.extensions[OIDC_EXTENSION] = {"oauth": oauth, "providers": found}


def providers() -> list[Provider]:
    """The configured providers, for the sign-in page's buttons."""
    return list(current_app.extensions.get(OIDC_EXTENSION, {}).get("providers", {}).values())


def provider(name: str) -> Provider | None:
    return current_app.extensions.get(OIDC_EXTENSION, {}).get("providers", {}).get(name)


def client(name: str) -> Any:
    return current_app.extensions[OIDC_EXTENSION]["oauth"].create_client(name)


def start(name: str, redirect_uri: str) -> Any:
    """The redirect to the provider (state, nonce and PKCE verifier kept in the session)."""
    return client(name).authorize_redirect(redirect_uri)


def _claims_options(found: Provider) -> dict[str, Any]:
    return {
        "iss": {"essential": True, "values": [found.issuer, found.issuer + "/"]},
        "aud": {"essential": True, "values": [found.client_id]},
        "exp": {"essential": True},
        "sub": {"essential": True},
    }


def _reason(error: Exception) -> str:
    from authlib.integrations.base_client.errors import MismatchingStateError, OAuthError
    from joserfc import errors

    if isinstance(error, MismatchingStateError):
        return "state"
    if isinstance(error, errors.ExpiredTokenError):
        return "expired"
    if isinstance(error, errors.BadSignatureError | errors.InvalidKeyIdError):
        return "signature"
    if isinstance(error, errors.ClaimError):
        return f"claim:{getattr(error, 'claim', '') or 'unknown'}"
    if isinstance(error, OAuthError):
        return f"provider:{error.error or 'error'}"
    return "token"


def finish(name: str) -> dict[str, Any]:
    """Exchange the code from the callback and return the ID token's verified claims."""
    found = provider(name)
    if found is None:
        raise OidcRefused("unknown_provider")
    try:
        token = client(name).authorize_access_token(
            claims_options=_claims_options(found), leeway=LEEWAY
        )
    except Exception as error:
        current_app.logger.info("OpenID sign-in through %s refused: %r", name, error)
        raise OidcRefused(_reason(error)) from error
    claims = token.get("userinfo")
    if not claims:
        raise OidcRefused("no_id_token")
    # Belt and braces: the same checks once more, whatever the library's defaults become.
    aud = claims.get("aud")
    audiences = aud if isinstance(aud, list) else [aud]
    if found.client_id not in audiences:
        raise OidcRefused("claim:aud")
    if str(claims.get("iss", "")).rstrip("/") != found.issuer:
        raise OidcRefused("claim:iss")
    if float(claims.get("exp", 0)) < time.time() - LEEWAY:
        raise OidcRefused("expired")
    return dict(claims)
