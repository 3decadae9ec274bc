"""Reading survey definitions from YAML, with clear errors.

A definition that breaks any rule raises :class:`DefinitionError`, whose
``problems`` list says, one line each, which file, where in it (a path such as
``pages[1].questions[3].type``, plus the line), what is wrong and what is allowed.

YAML is read safely (no Python objects) and a little more strictly than PyYAML's
default: only ``true``/``false`` are booleans, so a choice written ``yes`` stays
the text "yes"; a key given twice is an error rather than silently replaced; and
a file whose anchors/aliases expand into too many values is refused, because an
uploaded file is untrusted input and aliases let a small file expand into a huge
one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path as FilePath
from typing import Any

import yaml

from forms.problems import Path, Report, format_path
from forms.schema import Definition
from forms.validate import build_definition

LIBRARY = FilePath(__file__).with_name("library")
#: Files in the library that are not survey definitions: the partnership's priorities
#: and dataset indicators (forms/priorities.py, forms/indicators.py). Loading a folder of
#: surveys, the survey catalog extractor and the bundled-survey list pass them by.
NOT_SURVEYS = frozenset({"priorities.yaml", "indicators.yaml"})
#: The largest definition accepted, in characters; real surveys are a few KB.
MAX_SOURCE = 512 * 1024
#: The most values (scalars, lists, mappings) a definition may hold; the largest
#: bundled survey has about a thousand.
MAX_VALUES = 50_000


class DefinitionError(Exception):
    """A definition is not valid; ``problems`` holds one message per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans: ``yes``, ``no``, ``on`` and ``off`` are text."""


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


class _TooBig(Exception):
    pass


def _walk(
    node: yaml.Node, path: Path, lines: dict[Path, int], report: Report, budget: list[int]
) -> None:
    """Record each path's line and report duplicate keys.

    budget: values left to visit; an alias is visited once per use, so this
    stops a file whose aliases expand into millions of values.
    """
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooBig
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        keys: set[Any] = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else id(key_node)
            if key in keys:
                lines[path + (key,)] = key_node.start_mark.line + 1
                report.add(path + (key,), f"key {key!r} is given twice")
            keys.add(key)
            _walk(value_node, path + (key,), lines, report, budget)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, path + (i,), lines, report, budget)


def read_yaml(text: str, source: str) -> tuple[Any, dict[Path, int]]:
    """Parse YAML *text* into plain data and the line of each path in it.

    Raises DefinitionError for syntax errors (with the line) and for the YAML
    features refused above.
    """
    report = Report(source)
    if len(text) > MAX_SOURCE:
        size = f"{len(text)} characters; at most {MAX_SOURCE}"
        raise DefinitionError([f"{source}: the file is too large ({size})"])
    loader: _StrictLoader | None = None
    try:
        loader = _StrictLoader(text)
        node = loader.get_single_node()
        if node is None:
            raise DefinitionError([f"{source}: the file is empty"])
        lines: dict[Path, int] = {}
        try:
            _walk(node, (), lines, report, [MAX_VALUES])
        except _TooBig:
            many = f"more than {MAX_VALUES}, counting each use of a YAML alias"
            raise DefinitionError([f"{source}: too many values ({many})"]) from None
        if report.problems:
            raise DefinitionError(report.problems)
        return loader.construct_document(node), lines
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown place"
        what = exc.problem or exc.context or "not valid YAML"
        raise DefinitionError([f"{source}: YAML syntax error at {where}: {what}"]) from None
    except yaml.reader.ReaderError as exc:
        bad = f"character #x{exc.character:04x} at position {exc.position}"
        raise DefinitionError([f"{source}: not valid YAML: a {bad} is not allowed"]) from None
    except yaml.YAMLError as exc:
        raise DefinitionError([f"{source}: not valid YAML: {exc}"]) from None
    except RecursionError:
        raise DefinitionError([f"{source}: the file is nested too deeply"]) from None
    finally:
        if loader is not None:
            loader.dispose()


def parse_definition(
    data: object, source: str = "<definition>", lines: dict[Path, int] | None = None
) -> Definition:
    """Validate already-parsed *data* (e.g. a dict from YAML or JSON) into a Definition.

    source: the name shown at the start of each message.
    lines: YAML line of each path, to add ``(line N)`` to messages (optional).
    Raises DefinitionError listing every problem found.
    """
    report = Report(source, lines)
    definition = build_definition(data, report)
    if definition is None:
        raise DefinitionError(report.problems or [f"{source}: not a valid definition"])
    return definition


def load_text(text: str, source: str) -> Definition:
    """Validate a definition given as YAML *text* (an upload); *source* names it in messages."""
    data, lines = read_yaml(text, source)
    return parse_definition(data, source, lines)


def load_definition(path: str | FilePath) -> Definition:
    """Read and validate the definition file at *path*: YAML, or an XLSForm ``.xlsx``."""
    path = FilePath(path)
    if path.suffix.lower() == ".xlsx":
        # Imported here: forms.xlsform builds on this module (and needs pyxform).
        from forms.xlsform import load_xlsform

        return load_xlsform(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DefinitionError([f"{path}: not UTF-8 text (byte {exc.start})"]) from None
    except OSError as exc:
        raise DefinitionError([f"{path}: cannot read the file: {exc.strerror}"]) from None
    return load_text(text, str(path))


def validate_file(path: str | FilePath) -> list[str]:
    """The problems in the definition file at *path*; an empty list when it is valid."""
    try:
        load_definition(path)
    except DefinitionError as exc:
        return exc.problems
    return []


def library_paths() -> list[FilePath]:
    """The bundled definitions (forms/library/*.yaml), sorted by name."""
    return sorted(p for p in LIBRARY.glob("*.yaml") if is_survey_file(p))


def is_survey_file(path: FilePath) -> bool:
    """Whether a file met in a folder of definitions is a survey (not priorities etc.)."""
    return path.name not in NOT_SURVEYS


def audit_library_paths() -> list[FilePath]:
    """The bundled audit definitions (forms/library/audits/*.yaml), sorted by name.

    A folder of their own: surveys are loaded and served from the library's top level,
    and an audit must never be offered as a public survey.
    """
    return sorted((LIBRARY / "audits").glob("*.yaml"))


def load_library() -> Iterator[Definition]:
    """Every bundled definition, validated, in :func:`library_paths` order."""
    for path in library_paths():
        yield load_definition(path)


__all__ = [
    "DefinitionError",
    "audit_library_paths",
    "format_path",
    "is_survey_file",
    "library_paths",
    "load_definition",
    "load_library",
    "load_text",
    "parse_definition",
    "read_yaml",
    "validate_file",
]
