"""Collecting definition problems as clear, located messages.

:class:`Report` gathers every problem found in one definition, each as
``FILE: PATH: what is wrong (allowed: ...)``, with the YAML line appended when it
is known, and offers the small typed readers (text, flag, whole number...) the
validator is built from. A reader that finds a problem reports it and returns
None, so validation carries on and the author sees every problem at once.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from typing import Any

#: A location in the raw data: mapping keys and list positions.
Path = tuple[str | int, ...]

#: Longest text accepted for any single string in a definition.
MAX_TEXT = 10_000


def format_path(path: Path) -> str:
    """``("pages", 1, "questions", 3, "type")`` -> ``pages[1].questions[3].type``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def describe(value: object) -> str:
    """Name a YAML value the way a survey author would recognise it."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping (key: value lines)"
    return type(value).__name__


def allowed(values: Iterable[str]) -> str:
    """``(allowed: a, b, c)``, sorted, for the end of a message."""
    return f"(allowed: {', '.join(sorted(values))})"


def suggest(word: str, options: Iterable[str]) -> str:
    """``; did you mean 'x'?`` when *word* looks like a typo of one option, else ''."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


class Report:
    """The problems found in one definition.

    source: the file name shown at the start of every message.
    lines: YAML line number (1-based) of each path, when the data came from YAML.
    """

    def __init__(self, source: str, lines: Mapping[Path, int] | None = None) -> None:
        self.source = source
        self.lines = lines or {}
        self._found: list[tuple[float, int, str]] = []

    @property
    def problems(self) -> list[str]:
        """Every message so far, in file order where lines are known."""
        return [message for _, _, message in sorted(self._found)]

    def add(self, path: Path, message: str) -> None:
        """Record that *message* is wrong at *path*."""
        where = f"{self.source}: {format_path(path)}: " if path else f"{self.source}: "
        line = self._line(path)
        text = where + message + (f" (line {line})" if line else "")
        self._found.append((line or float("inf"), len(self._found), text))

    def _line(self, path: Path) -> int | None:
        # A missing key has no line of its own: point at the mapping it is missing from.
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return None

    # --- structure -------------------------------------------------------------

    def mapping(self, value: object, path: Path, what: str) -> dict[str, Any] | None:
        """*value* if it is a mapping, else report that *what* must be one."""
        if isinstance(value, dict):
            return value
        self.add(path, f"{what} must be a mapping of keys to values, not {describe(value)}")
        return None

    def sequence(self, value: object, path: Path, what: str, *, empty: bool = False) -> list | None:
        """*value* if it is a list (non-empty unless *empty*), else report it."""
        if not isinstance(value, list):
            self.add(path, f"{what} must be a list, not {describe(value)}")
            return None
        if not value and not empty:
            self.add(path, f"{what} must not be empty")
            return None
        return value

    def keys(
        self,
        data: Mapping[str, Any],
        path: Path,
        allowed_keys: Iterable[str],
        required: Iterable[str] = (),
        explain: Mapping[str, str] | None = None,
    ) -> None:
        """Report required keys that are missing and keys that are not allowed.

        explain: a better message for a known key that is merely out of place
        (for example ``choices`` on a smiley scale).
        """
        allowed_keys = tuple(allowed_keys)
        for key in required:
            if key not in data:
                self.add(
                    path,
                    f"missing required key {key!r} (required: {', '.join(required)})",
                )
        for key in data:
            if key in allowed_keys:
                continue
            if not isinstance(key, str):
                self.add(path, f"key {describe(key)} must be a word {allowed(allowed_keys)}")
            elif explain and key in explain:
                self.add(path + (key,), explain[key])
            else:
                hint = suggest(key, allowed_keys)
                self.add(path + (key,), f"unknown key {key!r}{hint} {allowed(allowed_keys)}")

    # --- scalars ---------------------------------------------------------------

    def text(
        self, data: Mapping[str, Any], path: Path, key: str, *, required: bool = False
    ) -> str | None:
        """A non-empty string, stripped of surrounding whitespace."""
        if key not in data or (data[key] is None and not required):
            return None
        value = data[key]
        if not isinstance(value, str) or not value.strip():
            self.add(path + (key,), f"must be some text, not {describe(value)}")
            return None
        if len(value) > MAX_TEXT:
            self.add(
                path + (key,),
                f"is too long ({len(value)} characters; at most {MAX_TEXT})",
            )
            return None
        return value.strip()

    def flag(self, data: Mapping[str, Any], path: Path, key: str, default: bool = False) -> bool:
        """A true/false value (YAML ``true`` or ``false``; ``yes`` is text here)."""
        value = data.get(key, default)
        if isinstance(value, bool):
            return value
        self.add(path + (key,), f"must be true or false, not {describe(value)}")
        return default

    def whole(
        self,
        data: Mapping[str, Any],
        path: Path,
        key: str,
        default: int | None,
        minimum: int,
    ) -> int | None:
        """A whole number of at least *minimum*; *default* when the key is absent."""
        if key not in data:
            return default
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(path + (key,), f"must be a whole number, not {describe(value)}")
            return default
        if value < minimum:
            self.add(path + (key,), f"must be at least {minimum}, not {value}")
            return default
        return value

    def number(self, data: Mapping[str, Any], path: Path, key: str) -> float | None:
        """A number (whole or decimal), or None when absent."""
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.add(path + (key,), f"must be a number, not {describe(value)}")
            return None
        return value

    def pattern(
        self,
        value: str | None,
        path: Path,
        regex: re.Pattern[str],
        what: str,
        example: str,
    ) -> str | None:
        """*value* when it matches *regex*; otherwise report *what* it should look like."""
        if value is None:
            return None
        if regex.fullmatch(value):
            return value
        self.add(path, f"{value!r} is not a valid {what} (for example {example})")
        return None

    def one_of(
        self, value: str | None, path: Path, options: Iterable[str], what: str
    ) -> str | None:
        """*value* when it is one of *options*, else report it with a suggestion."""
        options = tuple(options)
        if value is None or value in options:
            return value
        self.add(
            path,
            f"unknown {what} {value!r}{suggest(value, options)} {allowed(options)}",
        )
        return None

    def choice_value(self, value: object, path: Path) -> str | None:
        """A choice value as written in YAML: text, or a whole number (``3`` -> ``"3"``)."""
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        self.add(path, f"must be a choice value (a word or a number), not {describe(value)}")
        return None
