"""Checking the choices an author gives a question (``single``, ``multi``, ``select``).

The rules for the list itself (readable values, none twice, the reserved
prefer-not-to-say) hold whatever the question's type, so they run even when the
type is unknown; whether a type needs or allows choices is decided in
:mod:`forms.validate_questions`.
"""

from __future__ import annotations

import re

from forms.problems import Path, Report, describe
from forms.questions import PREFER_NOT, Choice

VALUE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


def slugify(label: str) -> str:
    """A choice value made from a plain label: ``"Family hub"`` -> ``family_hub``."""
    return re.sub(r"[^a-z0-9]+", "_", re.sub("['\u2019]", "", label.lower())).strip("_")[:64]


def check_choices(raw: object, path: Path, report: Report) -> tuple[Choice, ...]:
    """The choices in *raw* (labels or {value, label} mappings); problems go to *report*."""
    items = report.sequence(raw, path, "choices")
    choices: list[Choice] = []
    for i, item in enumerate(items or ()):
        here = path + (i,)
        value: str | None
        label: str | None
        if isinstance(item, str) and item.strip():
            value, label = slugify(item), item.strip()
            if not value:
                report.add(
                    here,
                    f"cannot make a value from {item!r}; write it as {{value: a_word, label: ...}}",
                )
                continue
        elif isinstance(item, dict):
            report.keys(item, here, ("value", "label"), ("value", "label"))
            value = (
                report.choice_value(item.get("value"), here + ("value",))
                if "value" in item
                else None
            )
            label = report.text(item, here, "label")
            if value is None or label is None:
                continue
            if not VALUE.fullmatch(value):
                report.add(
                    here + ("value",),
                    f"{value!r} is not a valid choice value: use "
                    "letters, digits, _ and - (for example family_hub)",
                )
                continue
        else:
            report.add(
                here,
                f"a choice must be a label or a {{value, label}} mapping, not {describe(item)}",
            )
            continue
        if value == PREFER_NOT:
            report.add(here, f"{PREFER_NOT!r} is reserved: set prefer_not_to_say: true instead")
        elif value in (c.value for c in choices):
            report.add(here, f"choice value {value!r} is used twice")
        else:
            choices.append(Choice(value, label))
    return tuple(choices)
