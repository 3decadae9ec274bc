"""The Board report's one-page summary, picked from the report's own content.

Nothing here counts or reads texts: the summary is chosen from the voice sections the
report already holds (their outcome rows and theme stories, whose excerpts already
passed the shared "texts that may be shown" rule), so the first page can never say
something the pages behind it do not.

- per voice, the first few headline outcome rows (a survey lists its outcomes in the
  order its authors care about them), each with its change;
- every outcome row, headline or per survey, whose change since the previous period is
  significant, falls first and biggest change first, because a Board acts on those;
- the three themes mentioned most across every voice (the triangulation table's
  order), each with one excerpt from the voice that mentioned it most;
- the number of safeguarding alerts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from analysis.excerpts import Excerpt
from analysis.stories import ThemeSummary, Triangulation

__all__ = [
    "HEADLINES_PER_VOICE",
    "TOP_THEMES",
    "Summary",
    "ThemeHighlight",
    "VoiceHeadlines",
    "significant",
    "summarise",
]

#: Headline statements per voice: with four voices this keeps the page to one side.
HEADLINES_PER_VOICE = 3
#: Themes on the summary, each with one excerpt.
TOP_THEMES = 3


class _Section(Protocol):
    """What the summary reads from a report's voice section (analysis.report.VoiceSection)."""

    voice: str
    label: str
    responses: int
    headline: list[dict[str, Any]]
    detail: list[dict[str, Any]]
    themes: list[ThemeSummary]


@dataclass(frozen=True)
class VoiceHeadlines:
    """One voice on the summary: its label, responses and headline outcome rows."""

    voice: str
    label: str
    responses: int
    rows: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class ThemeHighlight:
    """A most-mentioned theme: mentions in every voice, and one excerpt (or None)."""

    theme: str
    mentions: int
    voices: tuple[str, ...]
    excerpt: Excerpt | None


@dataclass
class Summary:
    """What the Board reads first. changed: rows with a significant change."""

    voices: list[VoiceHeadlines] = field(default_factory=list)
    changed: list[dict[str, Any]] = field(default_factory=list)
    themes: list[ThemeHighlight] = field(default_factory=list)
    alerts: int = 0


def significant(row: Mapping[str, Any]) -> bool:
    """The row's figure changed significantly since the previous period."""
    before = row.get("previous")
    return bool(not row.get("suppressed") and before and before.get("significant"))


def _change_order(row: Mapping[str, Any]) -> tuple[int, float, str]:
    size = abs(float(row["percent"]) - float(row["previous"]["percent"]))
    return (0 if row["previous"]["direction"] == "down" else 1, -size, str(row["statement"]))


def _changed(sections: Sequence[_Section]) -> list[dict[str, Any]]:
    found = []
    for section in sections:
        for detail, rows in ((False, section.headline), (True, section.detail)):
            # detail: a survey's own row behind a pooled one, so the page names the survey.
            found += [
                {**row, "voice": section.voice, "voice_label": section.label, "detail": detail}
                for row in rows
                if significant(row)
            ]
    return sorted(found, key=_change_order)


def _themes(table: Triangulation, count: int) -> list[ThemeHighlight]:
    found = []
    used: set[object] = set()
    for theme in table.themes[:count]:
        cells = [(v, c) for v in table.voices if (c := table.cell(theme, v)) is not None]
        # The excerpt comes from the voice that mentioned the theme most, unless the
        # same words already stand under a theme above (one text can carry several).
        quoted = [
            c.excerpts[0]
            for _, c in sorted(cells, key=lambda vc: -vc[1].mentions)
            if c.excerpts and c.excerpts[0].id not in used
        ]
        if quoted:
            used.add(quoted[0].id)
        found.append(
            ThemeHighlight(
                theme,
                sum(c.mentions for _, c in cells),
                tuple(v for v, _ in cells),
                quoted[0] if quoted else None,
            )
        )
    return found


def summarise(
    sections: Sequence[_Section],
    triangulation: Triangulation,
    alerts: int,
    per_voice: int = HEADLINES_PER_VOICE,
    themes: int = TOP_THEMES,
) -> Summary:
    """The summary of a report's voice sections.

    sections: the report's voice sections, in report order. triangulation: the
    report's theme-by-voice table (every theme, not only each voice's top few, so the
    totals are right). alerts: safeguarding
    alerts raised in the period (alerts, not categories). per_voice: headline rows
    per voice. themes: how many of the most mentioned themes to show.
    """
    return Summary(
        voices=[
            VoiceHeadlines(s.voice, s.label, s.responses, tuple(s.headline[:per_voice]))
            for s in sections
        ],
        changed=_changed(sections),
        themes=_themes(triangulation, themes),
        alerts=alerts,
    )
