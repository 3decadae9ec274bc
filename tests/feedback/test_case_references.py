"""Case references refuse what looks like personal data (issue 16, "Bad input")."""

from __future__ import annotations

import pytest

from feedback.services.assurance.references import nhs_check_ok, reference_problem


@pytest.mark.parametrize("good", ["MACA-2026-014", "NEG/24/7", "CA12", "HSCP-1234567890"])
def test_partnership_references_are_accepted(app, good):
    with app.test_request_context():
        assert reference_problem(good) is None


def test_nhs_check_digit():
    assert nhs_check_ok("9434765919")  # the NHS's published example number
    assert not nhs_check_ok("9434765918")
    assert not nhs_check_ok("123456789")


@pytest.mark.parametrize(
    ("bad", "says"),
    [
        ("943 476 5919", "NHS number"),
        ("REF-9434765919", "NHS number"),
        ("12/03/2015", "date"),
        ("2015-03-12", "date"),
        ("CASE 12 March", "date"),
        ("Smith-2026", "name"),
        ("JOHN SMITH 7", "name"),
        ("jones", "name"),
        ("MACA", "digits"),
        ("<script>", "Use only"),
        ("", "Enter the partnership's reference"),
        ("A" * 41, "at most 40"),
    ],
)
def test_personal_looking_references_are_refused_saying_why(app, bad, says):
    with app.test_request_context():
        problem = reference_problem(bad)
    assert problem is not None and says in problem, (bad, problem)
