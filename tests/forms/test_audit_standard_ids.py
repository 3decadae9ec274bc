"""Audit standards have stable ids that priorities name (the Board report's audit rows)."""

from __future__ import annotations

import copy

import pytest

from forms.loader import LIBRARY, DefinitionError, audit_library_paths, load_definition
from forms.priorities import ID, load_priorities_text
from tests.forms.definition_helpers import problems
from tests.forms.test_audit_definitions import AUDIT


def _bundled_ids() -> dict[str, list[str | None]]:
    return {d.slug: [p.id for p in d.pages] for d in map(load_definition, audit_library_paths())}


def test_every_bundled_standard_and_theme_has_a_unique_slug_like_id() -> None:
    found = _bundled_ids()
    assert found["section11"] == [
        "s11_leadership",
        "s11_responsibilities",
        "s11_safer_recruitment",
        "s11_training_supervision",
        "s11_voice_of_child",
        "s11_information_sharing",
        "s11_learning_from_reviews",
        "s11_complaints_whistleblowing",
    ]
    assert found["case-audit"] == [
        "case_journey",
        "case_assessment",
        "case_planning",
        "case_voice",
        "case_outcomes",
    ]
    every = [i for ids in found.values() for i in ids]
    assert len(every) == len(set(every))  # unique across the audits, not only within one
    assert all(i is not None and ID.fullmatch(i) for i in every)


def test_the_bundled_priorities_name_only_real_audit_standards() -> None:
    known = {i for ids in _bundled_ids().values() for i in ids if i}
    text = (LIBRARY / "priorities.yaml").read_text(encoding="utf-8")
    priorities = load_priorities_text(text, "priorities.yaml", {"audit_standards": known})
    named = {s for p in priorities for s in p.audit_standards}
    assert "s11_voice_of_child" in named and "case_planning" in named
    assert not any(p.audit_standards == () for p in priorities)


def test_a_page_id_must_be_a_word_and_unique_with_its_path() -> None:
    data = copy.deepcopy(AUDIT)
    second = copy.deepcopy(data["pages"][0])
    second["questions"] = [dict(q, id=f"{q['id']}_2") for q in second["questions"]]
    data["pages"] = [dict(data["pages"][0], id="Leadership!"), dict(second, id="policy")]
    data["pages"].append(dict(copy.deepcopy(second), id="policy"))
    data["pages"][2]["questions"] = [dict(q, id=f"{q['id']}_3") for q in second["questions"]]
    found = problems(data)
    assert any(
        "pages[0].id" in p and "must be a lower-case word such as s11_leadership" in p
        for p in found
    ), found
    assert any("pages[2].id" in p and "'policy' is used by another page" in p for p in found)
    assert len(found) == 2, found


def test_a_priority_naming_an_unknown_standard_is_refused_with_its_path() -> None:
    text = (
        "priorities:\n  - {id: a, title: A, good: G, audit_standards: [s11_leadership]}\n"
        "  - {id: b, title: B, good: G, audit_standards: [s11_neglect]}\n"
    )
    with pytest.raises(DefinitionError) as caught:
        load_priorities_text(text, "p.yaml", {"audit_standards": {"s11_leadership"}})
    (problem,) = caught.value.problems
    assert "priorities[1].audit_standards[0]" in problem
    assert "unknown audit standard 's11_neglect'" in problem
