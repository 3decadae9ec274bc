"""Heard: the Flask application."""

from __future__ import annotations

import gc
import os
import secrets
from pathlib import Path
from typing import Any

from flask import Flask

from feedback.config import CONFIGS

ROOT = Path(__file__).resolve().parent.parent


def create_app(config: dict[str, Any] | None = None, *, pages: bool = True) -> Flask:
    """Build the app. `config` overrides settings (tests pass a temporary database here).

    pages=False builds it without a single page (no blueprint is imported or registered),
    for `heard` commands that serve none and build no link: see feedback.cli.WITHOUT_PAGES.
    """
    from feedback.errors import HeardFlask

    app = HeardFlask(
        __name__,
        template_folder=str(ROOT / "templates"),
        instance_relative_config=True,
    )
    env = os.environ.get("HEARD_ENV") or ("testing" if config and config.get("TESTING") else "")
    env = env or ("development" if os.environ.get("FLASK_DEBUG") else "production")
    app.config.from_object(CONFIGS.get(env, CONFIGS["production"]))
    app.config["HEARD_ENV"] = env
    if config:
        app.config.update(config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    _finish_config(app)
    from feedback.cleaning import CleanRequest

    app.request_class = CleanRequest
    if app.config["HEARD_PROXY_COUNT"]:
        from werkzeug.middleware.proxy_fix import ProxyFix

        count = app.config["HEARD_PROXY_COUNT"]
        # Flask's documented way to wrap the WSGI app, though the type checker sees a method.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count)  # type: ignore[method-assign]

    from feedback import (
        banners,
        errors,
        extensions,
        figures,
        i18n,
        labels,
        links,
        navigation,
        security,
        throttle,
        times,
    )

    links.init_app(app)
    labels.init_app(app)
    figures.init_app(app)
    from feedback.database import close_sessions_quietly, configure_engine
    from feedback.limiter_store import thread_free

    extensions.db.init_app(app)
    close_sessions_quietly(app)
    extensions.csrf.init_app(app)
    extensions.login_manager.init_app(app)
    from feedback.services.people import sessions  # noqa: F401 (registers the user loader)

    throttle.warn_if_unshared(app)
    configured = app.config.get("RATELIMIT_STORAGE_URI") or "memory://"
    app.config["RATELIMIT_STORAGE_URI"] = thread_free(configured)
    extensions.limiter.init_app(app)
    app.config["RATELIMIT_STORAGE_URI"] = configured  # what the settings say, for health pages
    from feedback.services.people import oidc

    oidc.init_app(app)  # reads each single sign-on provider's discovery document
    i18n.init_app(app)
    navigation.init_app(app)
    banners.init_app(app)
    times.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    with app.app_context():
        configure_engine(extensions.db.engine)
    if pages:
        _register_pages(app)

    from feedback.cli import register
    from feedback.services.text import model as text_model

    register(app)
    text_model.init_app(app)
    if not app.testing:
        # A worker (or a command) keeps what start-up made until it ends. Left in the
        # collector, every full collection walks all of it, and one landed inside a
        # request now and then: 0.09 s of a 0.06 s chart at 10,000 responses. Frozen, it
        # is never walked again. Not in tests: they build many apps in one process, and a
        # frozen app's cycles would never be freed.
        gc.freeze()
    return app


def _register_pages(app: Flask) -> None:
    from feedback import (
        admin,
        analyse,
        api,
        assurance,
        auth,
        evidence,
        facilitate,
        health,
        respond,
        safeguarding,
        staff,
    )

    areas = (
        health, auth, respond, analyse, safeguarding, admin, staff, facilitate, evidence, api,
        assurance,
    )  # fmt: skip
    for area in areas:
        app.register_blueprint(area.bp)


def _finish_config(app: Flask) -> None:
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        db_path = Path(app.instance_path) / "heard.sqlite"
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{db_path}"
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    if uri.startswith("postgres://") or uri.startswith("postgresql://"):
        # psycopg 3 is the driver we install; plain postgresql:// would ask for psycopg2.
        app.config["SQLALCHEMY_DATABASE_URI"] = "postgresql+psycopg://" + uri.split("://", 1)[1]
    # Statement parameters are answers (maybe a disclosure): never in an error or a log.
    options = dict(app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {**options, "hide_parameters": True}
    key_file = Path(app.instance_path) / "secret_key"
    if not app.config.get("SECRET_KEY") and key_file.is_file():
        # `make run` writes this file, so `heard ...` commands work after it unprompted.
        app.config["SECRET_KEY"] = key_file.read_text().strip()
    if not app.config.get("SECRET_KEY"):
        if app.config["HEARD_ENV"] == "production":
            raise RuntimeError(
                "SECRET_KEY is not set. Set it in the environment, or put it in "
                f"{key_file} (make run does this for you)."
            )
        app.config["SECRET_KEY"] = secrets.token_hex(32)
