"""Whatever an uploaded definition contains, the loader answers with DefinitionError.

An imported definition is an attack route, so no input may crash the loader with
any other exception.
"""

from __future__ import annotations

import copy
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forms.loader import DefinitionError, library_paths, load_text, parse_definition

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["yes", "no", "happy", "had_worker", "smiley3", "", "x" * 70]),
    st.text(max_size=12),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
KEYS = ["id", "type", "text", "choices", "show_if", "question", "equals", "in", "not"]
KEYS += ["positive", "excluded", "pages", "questions", "outcomes", "max_choices", "min", "max"]
SEED = yaml.safe_load(library_paths()[0].read_text(encoding="utf-8"))


def _paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, prefix + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += _paths(value, prefix + (i,))
    return found


PATHS = _paths(SEED)[1:]


def _edit(data: Any, path: tuple, key: str, value: Any) -> None:
    """Replace the value at *path*, or when it is a mapping, set *key* in it."""
    parent = data
    try:
        for part in path[:-1]:
            parent = parent[part]
        here = parent[path[-1]]
    except (KeyError, IndexError, TypeError):
        return  # an earlier edit changed the shape; skip this one
    if isinstance(here, dict) and key not in ("pages", "outcomes"):
        here[key] = value
    else:
        parent[path[-1]] = value


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PATHS), st.sampled_from(KEYS), values), max_size=4))
def test_mangled_library_survey_gives_only_definition_errors(edits: list) -> None:
    data = copy.deepcopy(SEED)
    for path, key, value in edits:
        _edit(data, path, key, value)
    try:
        parse_definition(data, "fuzz.yaml")
    except DefinitionError as exc:
        assert exc.problems and all(p.startswith("fuzz.yaml: ") for p in exc.problems)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gives_a_definition_or_definition_error(text: str) -> None:
    try:
        load_text(text, "fuzz.yaml")
    except DefinitionError as exc:
        assert exc.problems
