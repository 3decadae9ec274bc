"""Safeguarding: concern alerts for designated leads."""

from flask import Blueprint

bp = Blueprint("safeguarding", __name__, url_prefix="/safeguarding")

# Views live in modules of this package, imported here so they attach to `bp`.
