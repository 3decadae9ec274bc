"""Building small XLSForm workbooks in memory with openpyxl, for the import tests."""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook

Rows = Sequence[Sequence[object]]


def workbook(survey: Rows, choices: Rows | None = None, settings: Rows | None = None) -> bytes:
    """An .xlsx with a survey sheet and, when given, choices and settings sheets.

    Each argument is a list of rows; the first row is the column headers.
    """
    book = Workbook()
    sheet = book.active
    sheet.title = "survey"
    for row in survey:
        sheet.append(list(row))
    for name, rows in (("choices", choices), ("settings", settings)):
        if rows is not None:
            extra = book.create_sheet(name)
            for row in rows:
                extra.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


#: A form using every supported feature: groups, a yes/no list, a select list, notes,
#: relevant conditions, required, a 0-10 range, another range, and two languages.
SURVEY = [
    [
        "type",
        "name",
        "label::English (en)",
        "label::Cymraeg (cy)",
        "hint::English (en)",
        "required",
        "relevant",
        "appearance",
        "parameters",
    ],
    ["note", "welcome", "Thank you for helping us", "Diolch am ein helpu"],
    ["begin group", "support", "Your support", "Eich cefnogaeth"],
    [
        "select_one yesno",
        "had_worker",
        "Did you have a worker?",
        "Oedd gennych weithiwr?",
        None,
        "yes",
    ],
    [
        "select_one services",
        "main_service",
        "Which service helped most?",
        None,
        "Pick the one you saw most",
    ],
    [
        "text",
        "worker_story",
        "Tell us about your worker",
        None,
        None,
        None,
        "${had_worker} = 'yes'",
        "multiline",
    ],
    ["end group"],
    ["begin group", "more", "A bit more"],
    ["note", "more_note", "These questions are optional"],
    [
        "select_multiple services",
        "all_services",
        "Which services did you use?",
        None,
        None,
        None,
        "selected(${main_service}, 'early_help')",
    ],
    [
        "select_one services",
        "not_school",
        "Anything else?",
        None,
        None,
        None,
        "${main_service} != 'school'",
    ],
    ["integer", "visits", "How many visits?"],
    ["decimal", "hours", "How many hours a week?"],
    ["date", "last_seen", "When did you last see them?"],
    [
        "range",
        "overall",
        "Overall, out of ten",
        None,
        None,
        None,
        None,
        None,
        "start=0 end=10 step=1",
    ],
    ["range", "stars", "Stars", None, None, None, None, None, "start=1 end=5"],
    ["text", "name_it", "Name one thing to change"],
    ["end group"],
]
CHOICES = [
    ["list_name", "name", "label::English (en)", "label::Cymraeg (cy)"],
    ["yesno", "yes", "Yes", "Ie"],
    ["yesno", "no", "No", "Na"],
    ["services", "early_help", "Early help", "Cymorth cynnar"],
    ["services", "school", "School", "Ysgol"],
    ["services", "health_visitor", "Health visitor", None],
]
SETTINGS = [
    ["form_id", "form_title", "audience", "consent"],
    ["family_support_2026", "Family support", "parent_carer", "You can stop at any time."],
]
