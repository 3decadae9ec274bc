"""Walking an XLSForm's survey sheet row by row into Heard pages and questions.

Groups become pages (a question whose show_if names a question on the page
being built starts a new page, because Heard shows a page whole), notes become
the survey description or a question's hint, and every row that cannot be kept
faithfully is recorded in ``unsupported`` with its row number, never dropped
without a word. Reading the workbook and validating the result is in
:mod:`forms.xlsform`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from forms.xlsform_columns import (
    HANDLED_TYPES,
    LAYOUT_COLUMNS,
    METADATA_TYPES,
    READ_COLUMNS,
    base_column,
    is_bookkeeping,
    normalise_type,
)
from forms.xlsform_questions import TRUE, Row, build_question
from forms.xlsform_relevant import parse_relevant


@dataclass
class Languages:
    """Which column holds the English (primary) text, and which hold translations."""

    primary: str
    #: base ("label", "hint") -> primary column name
    main: dict[str, str]
    #: base -> [(language code, column name)]
    others: dict[str, list[tuple[str, str]]]


@dataclass
class _Group:
    title: str | None
    condition: dict[str, Any] | None
    row: int
    broken: bool


@dataclass
class SurveyRows:
    """The converter's state; call :meth:`walk`, then read the fields."""

    choices: dict[str, list[Row]]
    languages: Languages
    pages: list[dict[str, Any]] = field(default_factory=list)
    description: list[str] = field(default_factory=list)
    #: (sheet row, message) for every row or column that could not be kept
    unsupported: list[tuple[int, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: language code -> English text -> that language's text
    translations: dict[str, dict[str, str]] = field(default_factory=dict)
    #: (page index, question index) -> survey sheet row, to locate later problems
    rows_of: dict[tuple[int, int], int] = field(default_factory=dict)
    _groups: list[_Group] = field(default_factory=list)
    _repeats: list[int] = field(default_factory=list)
    _page_open: bool = False
    _next_title: str | None = None
    _pending: list[str] = field(default_factory=list)
    _ids: dict[str, str] = field(default_factory=dict)
    _page_of: dict[str, int] = field(default_factory=dict)
    _skipped: dict[str, int] = field(default_factory=dict)
    _last: dict[str, Any] | None = None

    def walk(self, rows: list[Row]) -> None:
        """Convert every survey-sheet row (the first data row is sheet row 2)."""
        for index, row in enumerate(rows):
            if row:
                self._row({k: str(v).strip() for k, v in row.items() if v is not None}, index + 2)
        self._close_page()
        for group in self._groups:
            self.unsupported.append((group.row, "this group has no 'end group' row"))

    # --- rows ------------------------------------------------------------------

    def _skip(self, row: Row, number: int, message: str) -> None:
        self.unsupported.append((number, message))
        if row.get("name"):
            self._skipped[row["name"]] = number

    def _skip_type(self, row: Row, number: int, message: str) -> None:
        """Skip a row whose type Heard cannot keep, still checking its own relevant.

        The relevant does not depend on the type, so an author who changes the type
        learns now, not on the next import, that its condition cannot be kept either.
        """
        own = row.get("relevant") or row.get("relevance")
        problem = self._condition(row, number)[1] if own else None
        self._skip(row, number, message)
        if problem:
            self._skip(row, number, problem)

    def _row(self, row: Row, number: int) -> None:
        kind, argument = normalise_type(row.get("type", ""))
        if self._repeats:
            where = self._repeats[0]
            if kind == "begin_repeat":
                self._repeats.append(number)
            elif kind == "end_repeat":
                self._repeats.pop()
            self._skip(row, number, f"inside the repeat at row {where}; repeats are not supported")
            return
        if not kind:
            self._skip_type(row, number, "the row has no type")
        elif kind == "begin_repeat":
            self._repeats.append(number)
            self._skip_type(row, number, "type 'begin repeat' is not supported (repeats)")
        elif kind in ("begin_group", "end_group"):
            (self._begin_group if kind == "begin_group" else self._end_group)(row, number)
        elif kind in METADATA_TYPES:
            self._skip_type(
                row,
                number,
                f"type '{row['type']}' is not supported "
                "(Heard records no device or timing data with a response)",
            )
        elif kind not in HANDLED_TYPES or kind == "end_repeat":
            self._skip_type(row, number, f"type '{row['type']}' is not supported")
        elif self._broken_group() is not None:
            group = self._broken_group()
            self._skip(row, number, f"inside the group at row {group}, which cannot be imported")
        else:
            self._content(kind, argument, row, number)

    def _content(self, kind: str, argument: str, row: Row, number: int) -> None:
        problems = self._column_problems(row, kind)
        condition, problem = self._condition(row, number)
        if problem:
            problems.append(problem)
        if problems:
            for message in problems:
                self._skip(row, number, message)
            return
        if kind == "note":
            self._note(row, number, condition)
            return
        question, problem = build_question(
            kind, argument, row, number, self._text, self.choices, self.notes
        )
        if problem or question is None:
            self._skip(row, number, problem or "the row could not be read")
            return
        if row.get("name"):
            self._ids[row["name"]] = question["id"]
        self._add(question, number, condition)

    def _column_problems(self, row: Row, kind: str) -> list[str]:
        problems: list[str] = []
        for column, value in row.items():
            base = base_column(column)
            if not value or is_bookkeeping(column) or base in LAYOUT_COLUMNS:
                continue
            if base in READ_COLUMNS or (base == "parameters" and kind == "range"):
                continue
            shown = value if len(value) <= 40 else value[:37] + "..."
            problems.append(f"column '{column}' is not supported ({shown!r})")
        if kind in ("note", "begin_group") and row.get("required", "").lower() in TRUE:
            problems.append(f"'required' does not apply to a {kind.replace('_', ' ')}")
        return problems

    def _condition(self, row: Row, number: int) -> tuple[dict[str, Any] | None, str | None]:
        """The show_if for this row (its own relevant or its group's), or a problem."""
        own = row.get("relevant") or row.get("relevance")
        inherited = next((g for g in reversed(self._groups) if g.condition), None)
        if not own:
            return (inherited.condition if inherited else None), None
        if inherited is not None:
            return None, (
                f"relevant {own!r} and the relevant of its group (row {inherited.row}) "
                "cannot be combined; Heard shows a question on one condition"
            )
        parsed = parse_relevant(own)
        if parsed is None:
            return None, (
                f"relevant {own!r} is not supported; only ${{q}} = 'v', ${{q}} != 'v' "
                "and selected(${q}, 'v') become show_if"
            )
        name, op, values = parsed
        if name in self._skipped:
            return None, f"relevant uses ${{{name}}}, which is skipped (row {self._skipped[name]})"
        if name not in self._ids:
            return None, f"relevant uses ${{{name}}}, which is not an earlier question"
        value: Any = list(values) if op == "in" else values[0]
        return {"question": self._ids[name], op: value}, None

    # --- groups, pages and notes -----------------------------------------------

    def _broken_group(self) -> int | None:
        return next((g.row for g in self._groups if g.broken), None)

    def _begin_group(self, row: Row, number: int) -> None:
        enclosing = self._broken_group()
        condition = None
        if enclosing is not None:
            problems = [f"inside the group at row {enclosing}, which cannot be imported"]
        else:
            problems = self._column_problems(row, "begin_group")
            if not problems:
                condition, problem = self._condition(row, number)
                problems += [problem] if problem else []
        for message in problems:
            self._skip(row, number, message)
        title = self._text(row, "label")
        own = condition if row.get("relevant") or row.get("relevance") else None
        self._groups.append(_Group(title, own, number, bool(problems)))
        self._close_page()
        self._next_title = title

    def _end_group(self, row: Row, number: int) -> None:
        if not self._groups:
            self._skip(row, number, "'end group' without a 'begin group'")
            return
        self._groups.pop()
        self._close_page()
        self._next_title = self._groups[-1].title if self._groups else None

    def _note(self, row: Row, number: int, condition: dict[str, Any] | None) -> None:
        text = self._text(row, "label") or ""
        if condition:
            self._skip(row, number, "a note shown on a condition (relevant) is not supported")
        elif text and self._last is None and not self._groups:
            self.description.append(text)
        elif text:
            self._pending.append(text)

    def _close_page(self) -> None:
        """End the page being built; a note still waiting joins the last question's hint."""
        if self._pending:
            if self._last is None:
                self.description.extend(self._pending)
            else:
                if not (self._page_open and self.pages[-1]["questions"]):
                    self.notes.append(
                        f"a note with no question after it became the hint of {self._last['id']!r}"
                    )
                self._last["hint"] = " ".join(
                    filter(None, [self._last.get("hint"), *self._pending])
                )
            self._pending = []
        self._page_open = False

    def _add(self, question: dict[str, Any], number: int, condition: dict[str, Any] | None) -> None:
        if (
            condition
            and self._page_open
            and self._page_of.get(condition["question"]) == (len(self.pages) - 1)
        ):
            # Heard shows a page whole, so a question that depends on one on the same
            # page goes on a page of its own (with the same title).
            self._close_page()
        if not self._page_open:
            self.pages.append({"title": self._next_title, "questions": []})
            self._page_open = True
        if self._pending:
            question["hint"] = " ".join(filter(None, [*self._pending, question.get("hint")]))
            self._pending = []
        if condition:
            question["show_if"] = condition
        page = self.pages[-1]
        self.rows_of[(len(self.pages) - 1, len(page["questions"]))] = number
        page["questions"].append(question)
        self._last = question
        self._page_of[question["id"]] = len(self.pages) - 1

    def _text(self, row: Row, base: str) -> str | None:
        """The row's text in the primary language; other languages go to translations."""
        column = self.languages.main.get(base)
        text = row.get(column) if column else None
        text = str(text).strip() if text else None
        for code, other in self.languages.others.get(base, []):
            if text and row.get(other):
                self.translations.setdefault(code, {})[text] = str(row[other]).strip()
        return text
