"""Absolute links (posters, QR codes, course pages, invitations, e-mails) from one setting.

A link built from the request's Host header follows whatever the client sent: a forged
`Host: evil.example` printed evil.example/s/... on a poster. Every absolute link is
HEARD_BASE_URL (scheme, host and any path prefix the app is served under) plus the path.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app, has_request_context, request, url_for


def base_url(app: Flask | None = None) -> str:
    """HEARD_BASE_URL without its trailing slash."""
    return str((app or current_app).config["HEARD_BASE_URL"]).rstrip("/")


def absolute_url(endpoint: str, **values: Any) -> str:
    """The full public link to `endpoint`, e.g. https://heard.example.org/s/children-8-11."""
    path = url_for(endpoint, **values)
    # url_for puts the prefix the request came in under (SCRIPT_NAME) in front; the base
    # URL already carries the public prefix, so it must not appear twice.
    root = request.script_root if has_request_context() else ""
    if root and path.startswith(root + "/"):
        path = path[len(root) :]
    return base_url() + path


def check_base_url(app: Flask) -> None:
    """Refuse to start in production without a usable HEARD_BASE_URL."""
    value = str(app.config.get("HEARD_BASE_URL") or "")
    if value.startswith(("http://", "https://")) and "://" in value and value.split("://")[1]:
        return
    if app.config["HEARD_ENV"] == "production":
        raise RuntimeError(
            "HEARD_BASE_URL is not set (or lacks http:// or https://). Set it to the address "
            "people reach Heard at, e.g. https://heard.example.org: posters, QR codes and "
            "e-mails link there, never to the Host header a request claims."
        )
    app.config["HEARD_BASE_URL"] = "http://127.0.0.1:5000"


def init_app(app: Flask) -> None:
    check_base_url(app)
    app.add_template_global(absolute_url)
