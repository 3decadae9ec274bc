"""Trainers: course runs and their before-and-after picture."""

from flask import Blueprint

bp = Blueprint("staff", __name__, url_prefix="/staff")

# Views live in modules of this package, imported here so they attach to `bp`.
from feedback.staff import courses  # noqa: E402, F401
