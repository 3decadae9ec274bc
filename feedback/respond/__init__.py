"""The public survey: /s/<campaign-slug>, one path that every page posts back to."""

from feedback.respond import unavailable, withdraw, you_said  # noqa: F401  (attach to bp)
from feedback.respond.views import bp

__all__ = ["bp"]
