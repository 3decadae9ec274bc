"""The bundled priorities and indicators, and every problem a bad file can have."""

from __future__ import annotations

import pytest

from analysis.text.themes import THEMES
from forms.indicators import load_indicators_text
from forms.loader import LIBRARY, DefinitionError, library_paths, load_library
from forms.priorities import load_priorities_text

PRIORITIES = (LIBRARY / "priorities.yaml").read_text()
INDICATORS = (LIBRARY / "indicators.yaml").read_text()


def _library_outcomes() -> set[str]:
    return {o.id for d in load_library() for o in d.outcomes}


def test_bundled_priorities_follow_the_framework_and_name_real_evidence() -> None:
    indicator_ids = {i.id for i in load_indicators_text(INDICATORS, "indicators.yaml")}
    known = {"outcomes": _library_outcomes(), "themes": THEMES, "indicators": indicator_ids}
    priorities = load_priorities_text(PRIORITIES, "priorities.yaml", known)
    assert [p.id for p in priorities] == [
        "early_help",
        "neglect",
        "voice_of_the_child",
        "partnership_working",
        "learning_and_improvement",
    ]
    neglect = priorities[1]
    assert "cp_plans_neglect_rate" in neglect.indicators
    assert all(p.good and p.outcomes and p.themes for p in priorities)


def test_bundled_indicators_name_bundled_priorities() -> None:
    ids = {p.id for p in load_priorities_text(PRIORITIES, "priorities.yaml")}
    indicators = load_indicators_text(INDICATORS, "indicators.yaml", ids)
    rate = next(i for i in indicators if i.id == "cp_plans_neglect_rate")
    assert (rate.unit, rate.higher_is_better, rate.priority) == ("rate_per_10k", False, "neglect")


def test_the_library_of_surveys_leaves_out_priorities_and_indicators() -> None:
    names = {p.name for p in library_paths()}
    assert "priorities.yaml" not in names and "indicators.yaml" not in names
    assert "children-8-11.yaml" in names


BAD_PRIORITIES = """\
priorities:
  - id: neglect
    title: Neglect
    good: Fewer plans
    outcomes: [felt_safe]
    themes: [safety, safety]
    colour: red
  - id: neglect
    title: Neglect again
  - id: Bad Id
    title: x
    good: y
    indicators: [nope]
"""


def test_every_problem_in_a_priorities_file_is_listed_with_its_line() -> None:
    known = {"outcomes": {"felt_safer"}, "themes": THEMES, "indicators": {"training_days"}}
    with pytest.raises(DefinitionError) as caught:
        load_priorities_text(BAD_PRIORITIES, "p.yaml", known)
    problems = caught.value.problems
    text = "\n".join(problems)
    assert (
        "p.yaml: priorities[0].outcomes[0]: unknown outcome 'felt_safe'; "
        "did you mean 'felt_safer'? (line 5)" in problems
    )
    assert "priorities[0].themes[1]: 'safety' is listed twice" in text
    assert "priorities[0].colour: unknown key 'colour'" in text
    assert "priorities[1].id: the id 'neglect' is used by another priority" in text
    assert "priorities[1]: missing required key 'good'" in text
    assert "priorities[2].id: 'Bad Id' is not a valid id" in text
    assert "priorities[2].indicators[0]: unknown indicator 'nope'" in text
    assert len(problems) == 7


def test_audit_standards_are_not_checked_until_the_caller_knows_some() -> None:
    text = "priorities:\n  - {id: a, title: A, good: G, audit_standards: [s11_anything]}\n"
    assert load_priorities_text(text, "p.yaml")[0].audit_standards == ("s11_anything",)
    with pytest.raises(DefinitionError, match="unknown audit standard 's11_anything'"):
        load_priorities_text(text, "p.yaml", {"audit_standards": {"s11_other"}})


BAD_INDICATORS = """\
indicators:
  - id: a
    name: A
    unit: percentage
    higher_is_better: yes
    source: Police
  - id: b
    name: B
    unit: percent
    higher_is_better: true
    target: 120
    source: Health
    priority: neglet
  - id: c
    unit: count
    higher_is_better: false
"""


def test_every_problem_in_an_indicators_file_is_listed() -> None:
    with pytest.raises(DefinitionError) as caught:
        load_indicators_text(BAD_INDICATORS, "i.yaml", {"neglect"})
    text = "\n".join(caught.value.problems)
    assert "indicators[0].unit: unknown unit 'percentage'; did you mean 'percent'?" in text
    assert "indicators[0].higher_is_better: must be true or false, not the text 'yes'" in text
    assert "indicators[1].target: must be between 0 and 100, not 120" in text
    assert "indicators[1].priority: unknown priority 'neglet'; did you mean 'neglect'?" in text
    assert "indicators[2]: missing required key 'name'" in text
    assert "indicators[2]: missing required key 'source'" in text
