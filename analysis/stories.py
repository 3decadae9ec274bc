"""Theme stories and triangulation: how often a theme comes up, how it feels, by voice.

Plain data in: counts as mappings ``{"theme", "sentiment", "n"}`` (plus ``"voice"`` for
triangulation), as a GROUP BY returns them, and candidate texts as described in
:mod:`analysis.excerpts`. Nothing here reads a database.

Texts in other languages: a count row may also carry ``"english"`` (False when the texts
were not analysed in English) and ``"language"``. Such mentions count towards the theme
but not towards its sentiment: the positive and negative shares are of the mentions
analysed in English, and ``other_language`` says how many were left out of them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from analysis.excerpts import DEFAULT_COUNT, Candidate, Excerpt, choose_excerpts

#: The five voices the Safeguarding Effectiveness Framework listens to, in report order.
VOICES = ("child", "parent_carer", "staff", "community", "focus_group")


@dataclass(frozen=True)
class ThemeSummary:
    """One theme: mentions (texts), how they split by sentiment, and excerpts.

    mentions: free-text answers that carry the theme (a text counts once per theme),
        in every language.
    positive, negative, neutral: of those, the mentions analysed in English, by sentiment.
    responses: distinct responses among them, when the caller counted them (else None).
    other_language: mentions in other languages, which have no sentiment.
    languages: (language, mentions) for those other languages, most mentions first.
    """

    theme: str
    mentions: int
    positive: int
    negative: int
    neutral: int
    responses: int | None = None
    excerpts: tuple[Excerpt, ...] = ()
    other_language: int = 0
    languages: tuple[tuple[str, int], ...] = ()

    @property
    def sentiment_mentions(self) -> int:
        """The mentions analysed in English: the base of the sentiment shares."""
        return self.mentions - self.other_language

    @property
    def share_positive(self) -> float | None:
        """Percent of English mentions that are positive (one decimal); None if there are none."""
        return _percent(self.positive, self.sentiment_mentions)

    @property
    def share_negative(self) -> float | None:
        """Percent of English mentions that are negative (one decimal); None if there are none."""
        return _percent(self.negative, self.sentiment_mentions)

    @property
    def balance(self) -> dict[str, int]:
        """Mentions by sentiment for choosing excerpts.

        Mentions in other languages count as neutral here, so that their words can be
        quoted in proportion to how often they came up, not only when no English is left.
        """
        return {
            "positive": self.positive,
            "negative": self.negative,
            "neutral": self.neutral + self.other_language,
        }


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


@dataclass
class _Tally:
    """Mentions of one group: English ones by sentiment, the others by language."""

    positive: int = 0
    negative: int = 0
    neutral: int = 0
    other: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return self.positive + self.negative + self.neutral + sum(self.other.values())

    def summary(
        self, theme: str, excerpts: Sequence[Excerpt] = (), responses: int | None = None
    ) -> ThemeSummary:
        return ThemeSummary(
            theme=theme,
            mentions=self.total,
            positive=self.positive,
            negative=self.negative,
            neutral=self.neutral,
            responses=responses,
            excerpts=tuple(excerpts),
            other_language=sum(self.other.values()),
            languages=tuple(sorted(self.other.items(), key=lambda item: (-item[1], item[0]))),
        )


def _split(rows: Iterable[Mapping[str, Any]], key: Sequence[str]) -> dict[tuple, _Tally]:
    """Fold count rows into {key tuple: tally}; rows with ``english`` False by language."""
    out: dict[tuple, _Tally] = defaultdict(_Tally)
    for row in rows:
        tally = out[tuple(row[k] for k in key)]
        n = int(row.get("n") or 0)
        if row.get("english", True) in (False, 0):
            tally.other[str(row.get("language") or "und")] += n
            continue
        sentiment = row.get("sentiment")
        if sentiment == "positive":
            tally.positive += n
        elif sentiment == "negative":
            tally.negative += n
        else:
            tally.neutral += n
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
    for (theme,), tally in folded.items():
        if not tally.total:
            continue
        plain = tally.summary(theme)
        chosen = choose_excerpts((candidates or {}).get(theme, ()), plain.balance, per_theme)
        summaries.append(tally.summary(theme, chosen, (responses or {}).get(theme)))
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
    for (theme, voice), tally in folded.items():
        if not tally.total:
            continue
        plain = tally.summary(theme)
        chosen = choose_excerpts(pools.get((theme, voice), ()), plain.balance, 1)
        cells[(theme, voice)] = tally.summary(theme, chosen)
        totals[theme] += tally.total
        seen_voices.add(voice)
    themes = tuple(sorted(totals, key=lambda t: (-totals[t], t)))
    voices = tuple(v for v in VOICES if v in seen_voices) + tuple(sorted(seen_voices - set(VOICES)))
    return Triangulation(themes, voices, cells)
