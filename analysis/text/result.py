"""TextResult: everything Heard knows about one free-text answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class TextResult:
    """Everything Heard knows about one free-text answer.

    ``english_analysed`` is False when the text is not English: sentiment is then
    neutral with polarity 0, and themes come from the small per-language lexicons and
    the learned model. ``concern`` means an alert is raised now; ``concern_score`` is
    the learned model's calibrated 0-1 score (the highest of the whole answer and each
    sentence), and ``concern_reasons`` the rules' matched words followed by the words
    that weighed most in the model's decision.
    """

    language: str
    sentiment: str
    polarity: float
    themes: tuple[str, ...]
    theme_sentiment: dict[str, str] = field(hash=False)
    concern: bool
    concern_categories: tuple[str, ...]
    concern_matches: tuple[str, ...]
    concern_level: int
    redacted: str
    english_analysed: bool
    concern_score: float = 0.0
    concern_reasons: tuple[str, ...] = ()

    def to_json(self, id: Any) -> dict[str, Any]:
        """The `heard analyse-text` output object for this result, under ``id``."""
        return {
            "id": id,
            "language": self.language,
            "sentiment": self.sentiment,
            "polarity": self.polarity,
            "themes": list(self.themes),
            "concern": self.concern,
            "concern_categories": list(self.concern_categories),
            "concern_score": round(self.concern_score, 4),
            "concern_reasons": list(self.concern_reasons),
            "redacted": self.redacted,
            "concern_level": self.concern_level,
            "concern_matches": list(self.concern_matches),
            "theme_sentiment": dict(self.theme_sentiment),
            "english_analysed": self.english_analysed,
        }
