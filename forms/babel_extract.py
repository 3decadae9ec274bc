"""A Babel extractor for survey definitions (the ``surveys`` translation domain).

Registered in setup.cfg as ``heard_survey = forms.babel_extract:extract_survey``,
so a Babel mapping such as ``[heard_survey: forms/library/**.yaml]`` collects
every string a respondent reads: the survey's title, description and consent
text, page titles, question text and hints, choice labels (including the fixed
labels of smiley, agree and yes/no scales, and "Prefer not to say" where it is
offered) and outcome statements. Messages are stripped exactly as the loader
strips them, so the msgids match the strings the app asks to translate.

The extractor reads the raw YAML rather than a validated Definition, so one
survey with a mistake in it still gives up its strings; a file that is not YAML
at all raises :class:`forms.loader.DefinitionError`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from pathlib import PurePath
from typing import IO, Any

from forms.loader import NOT_SURVEYS, read_yaml
from forms.problems import Path, format_path
from forms.questions import PREFER_NOT_LABEL, QUESTION_TYPES

#: (line number, function name, message, translator comments), as Babel expects.
Extracted = tuple[int, str | None, str, list[str]]

_TOP_TEXT = ("title", "description", "consent")
_QUESTION_TEXT = ("text", "hint")


def extract_survey(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[Extracted]:
    """Yield every translatable string in the survey definition read from *fileobj*.

    keywords, comment_tags: Babel's, unused (survey files have no function calls
    or comments to match). options: ``encoding`` of the file, UTF-8 by default.
    Each message carries a comment naming the survey and where the string is.
    """
    encoding = options.get("encoding", "utf-8")
    source = str(getattr(fileobj, "name", "<survey>"))
    if PurePath(source).name in NOT_SURVEYS:
        return  # the partnership's priorities and indicators: staff wording, not a survey's
    data, lines = read_yaml(fileobj.read().decode(encoding), source)
    if not isinstance(data, dict):
        return
    strings = _Strings(_context(data), lines)
    for key in _TOP_TEXT:
        yield from strings.found((key,), data.get(key))
    pages = _dicts(data.get("pages"))
    for p, page in pages:
        yield from strings.found(("pages", p, "title"), page.get("title"))
    questions: list[tuple[Path, dict[str, Any]]] = [
        (("questions", j), q) for j, q in _dicts(data.get("questions"))
    ]
    for p, page in pages:
        questions += [(("pages", p, "questions", j), q) for j, q in _dicts(page.get("questions"))]
    for path, question in questions:
        for key in _QUESTION_TEXT:
            yield from strings.found(path + (key,), question.get(key))
        yield from _choice_labels(path, question, strings)
    for i, outcome in _dicts(data.get("outcomes")):
        yield from strings.found(("outcomes", i, "statement"), outcome.get("statement"))


class _Strings:
    """Turns a string found at a path into Babel's tuple, with line and comment."""

    def __init__(self, context: str, lines: Mapping[Path, int]) -> None:
        self.context, self.lines = context, lines

    def found(self, path: Path, value: object) -> Iterator[Extracted]:
        if isinstance(value, str) and value.strip():
            note = f"{self.context}: {format_path(path)}"
            yield self.lines.get(path, 1), None, value.strip(), [note]


def _dicts(items: object) -> list[tuple[int, dict[str, Any]]]:
    """The mappings in a list, with their positions; nothing when it is not a list."""
    if not isinstance(items, list):
        return []
    return [(i, item) for i, item in enumerate(items) if isinstance(item, dict)]


def _context(data: dict[str, Any]) -> str:
    """Who reads this survey, so translators can pitch the words: ``children-5-7 (child, 5-7)``."""
    slug = data.get("slug", "survey")
    about = ", ".join(str(data[k]) for k in ("audience", "age_band") if data.get(k))
    return f"{slug} ({about})" if about else str(slug)


def _choice_labels(path: Path, question: dict[str, Any], strings: _Strings) -> Iterator[Extracted]:
    """Labels the question shows: its own choices, a type's fixed ones, prefer-not-to-say."""
    choices = question.get("choices")
    for k, choice in enumerate(choices if isinstance(choices, list) else ()):
        if isinstance(choice, dict):
            yield from strings.found(path + ("choices", k, "label"), choice.get("label"))
        else:
            yield from strings.found(path + ("choices", k), choice)
    qtype = QUESTION_TYPES.get(str(question.get("type")))
    if qtype is None:
        return
    for choice in qtype.fixed_choices:
        if not choice.label.isdigit():  # scale0_10's numbers need no translation
            yield from strings.found(path + ("type",), choice.label)
    if qtype.closed and question.get("prefer_not_to_say") is True:
        yield from strings.found(path + ("prefer_not_to_say",), PREFER_NOT_LABEL)
