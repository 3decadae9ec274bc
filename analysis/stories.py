"""Theme stories and triangulation: how often a theme comes up, how it feels, by voice.

Plain data in: counts as mappings ``{"theme", "sentiment", "n"}`` (plus ``"voice"`` for
triangulation), as a GROUP BY returns them, and candidate texts as described in
:mod:`analysis.excerpts`. Nothing here reads a database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from analysis.excerpts import DEFAULT_COUNT, Candidate, Excerpt, choose_excerpts

#: The five voices the Safeguarding Effectiveness Framework listens to, in report order.
VOICES = ("child", "parent_carer", "staff", "community", "focus_group")


@dataclass(frozen=True)
class ThemeSummary:
    """One theme: mentions (texts), how they split by sentiment, and excerpts.

    mentions: free-text answers that carry the theme (a text counts once per theme).
    responses: distinct responses among them, when the caller counted them (else None).
    """

    theme: str
    mentions: int
    positive: int
    negative: int
    neutral: int
    responses: int | None = None
    excerpts: tuple[Excerpt, ...] = ()

    @property
    def share_positive(self) -> float | None:
        """Percent of mentions that are positive (one decimal), None with no mentions."""
        return _percent(self.positive, self.mentions)

    @property
    def share_negative(self) -> float | None:
        """Percent of mentions that are negative (one decimal), None with no mentions."""
        return _percent(self.negative, self.mentions)

    @property
    def balance(self) -> dict[str, int]:
        return {"positive": self.positive, "negative": self.negative, "neutral": self.neutral}


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _split(rows: Iterable[Mapping[str, object]], key: Sequence[str]) -> dict[tuple, dict]:
    """Fold sentiment count rows into {key tuple: {"positive": n, ...}}."""
    out: dict[tuple, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        sentiment = row.get("sentiment")
        if sentiment not in ("positive", "negative"):
            sentiment = "neutral"
        out[tuple(row[k] for k in key)][sentiment] += int(row.get("n") or 0)  # type: ignore[call-overload]
    return out


def summarise_themes(
    counts: Iterable[Mapping[str, object]],
    candidates: Mapping[str, Iterable[Candidate]] | None = None,
    per_theme: int = DEFAULT_COUNT,
    responses: Mapping[str, int] | None = None,
) -> list[ThemeSummary]:
    """Summaries per theme, most mentioned first (ties by theme id).

    counts: rows ``{"theme", "sentiment", "n"}``.
    candidates: theme -> candidate texts for excerpts (see :mod:`analysis.excerpts`).
    per_theme: excerpts per theme.
    responses: theme -> distinct responses mentioning it, if counted.
    """
    folded = _split(counts, ("theme",))
    summaries = []
    for (theme,), by in folded.items():
        total = sum(by.values())
        if not total:
            continue
        balance = {"positive": by["positive"], "negative": by["negative"], "neutral": by["neutral"]}
        chosen = choose_excerpts((candidates or {}).get(theme, ()), balance, per_theme)
        summaries.append(
            ThemeSummary(
                theme=theme,
                mentions=total,
                positive=balance["positive"],
                negative=balance["negative"],
                neutral=balance["neutral"],
                responses=(responses or {}).get(theme),
                excerpts=tuple(chosen),
            )
        )
    summaries.sort(key=lambda s: (-s.mentions, s.theme))
    return summaries


@dataclass(frozen=True)
class Triangulation:
    """Theme by voice: one :class:`ThemeSummary` (with at most one excerpt) per cell.

    themes: theme ids, most mentioned overall first. voices: the voices with any
    mention, in :data:`VOICES` order (unknown voices after them).
    """

    themes: tuple[str, ...]
    voices: tuple[str, ...]
    cells: Mapping[tuple[str, str], ThemeSummary] = field(default_factory=dict)

    def cell(self, theme: str, voice: str) -> ThemeSummary | None:
        """The cell for `theme` and `voice`, or None where that voice never raised it."""
        return self.cells.get((theme, voice))

    def rows(self) -> list[tuple[str, list[ThemeSummary | None]]]:
        """(theme, [cell per voice]) in display order: handy for a table."""
        return [(t, [self.cell(t, v) for v in self.voices]) for t in self.themes]


def triangulate(
    counts: Iterable[Mapping[str, object]],
    candidates: Iterable[Candidate] = (),
) -> Triangulation:
    """Build the theme-by-voice table.

    counts: rows ``{"theme", "voice", "sentiment", "n"}``.
    candidates: texts with ``"theme"`` and ``"voice"`` keys as well as those of
        :mod:`analysis.excerpts`; each cell gets the one excerpt that best matches the
        cell's own sentiment balance.
    """
    folded = _split(counts, ("theme", "voice"))
    pools: dict[tuple[str, str], list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        pools[(str(candidate.get("theme")), str(candidate.get("voice")))].append(candidate)
    cells: dict[tuple[str, str], ThemeSummary] = {}
    totals: dict[str, int] = defaultdict(int)
    seen_voices: set[str] = set()
    for (theme, voice), by in folded.items():
        total = sum(by.values())
        if not total:
            continue
        balance = {"positive": by["positive"], "negative": by["negative"], "neutral": by["neutral"]}
        chosen = choose_excerpts(pools.get((theme, voice), ()), balance, 1)
        cells[(theme, voice)] = ThemeSummary(
            theme,
            total,
            balance["positive"],
            balance["negative"],
            balance["neutral"],
            excerpts=tuple(chosen),
        )
        totals[theme] += total
        seen_voices.add(voice)
    themes = tuple(sorted(totals, key=lambda t: (-totals[t], t)))
    voices = tuple(v for v in VOICES if v in seen_voices) + tuple(sorted(seen_voices - set(VOICES)))
    return Triangulation(themes, voices, cells)
