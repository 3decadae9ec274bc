"""Flask extensions: created here, bound to the app in create_app()."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask_babel import Babel
from flask_limiter import Limiter
from flask_login import LoginManager
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

# Stable constraint names keep Alembic migrations identical on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _client_key() -> str:
    # A keyed hash of the address: with a shared store (Redis) the key leaves the process,
    # and no client address is ever stored in the clear (ARCHITECTURE.md, privacy by default).
    import hashlib
    import hmac

    from flask import current_app
    from flask_limiter.util import get_remote_address

    secret = str(current_app.config["SECRET_KEY"]).encode()
    return hmac.new(secret, get_remote_address().encode(), hashlib.sha256).hexdigest()[:32]


db = SQLAlchemy(model_class=Base)
if TYPE_CHECKING:
    # db.Model is a class Flask-SQLAlchemy builds from Base when it starts; a type checker
    # only sees an attribute, so it checks the models against Base, whose mappings they are.
    Model = Base
else:
    Model = db.Model
login_manager = LoginManager()
babel = Babel()
csrf = CSRFProtect()
limiter = Limiter(key_func=_client_key)
