"""A survey definition as plain, immutable data.

These frozen dataclasses are what the loader (:mod:`forms.loader`) produces from a
YAML file and what the rest of Heard reads: the form builder renders them, the app
stores :meth:`Definition.to_dict` as a survey version, and analysis reads outcomes
from them. Constructing them directly trusts the data; validation lives in the
loader. Text is plain data, never markup: whoever shows it must escape it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from forms.questions import (
    DEFAULT_MAX_LENGTH,
    PREFER_NOT,
    PREFER_NOT_LABEL,
    QUESTION_TYPES,
    Choice,
    QuestionType,
    question_type,
)

__all__ = [
    "AUDIENCES",
    "CONDITION_OPS",
    "DEFAULT_MAX_LENGTH",
    "KINDS",
    "PREFER_NOT",
    "Choice",
    "Condition",
    "Definition",
    "Outcome",
    "Page",
    "Question",
]

#: Who a survey is for: the four voices, plus facilitated focus-group records.
#: `agency`: a partner agency answering an audit (kind: audit), never a public survey.
AUDIENCES = ("child", "parent_carer", "staff", "community", "focus_group", "agency")
#: Tags a survey may carry in ``kind``: pre/post/follow-up training evaluations
#: (paired by their ``pairing_code`` question), focus-group session records, and audits
#: (Section 11 and case audits: forms.validate_audit).
#: the most questions one survey may have: the longest bundled survey has a few dozen, and
#: a submission's writes must stay short (a 10,000-question form held the writer for 8 s)
MAX_QUESTIONS = 200
KINDS = ("training_pre", "training_post", "training_followup", "focus_group", "audit")
#: The comparisons a show_if condition may make.
CONDITION_OPS = ("equals", "in", "not")

#: question id -> answer: a value, a list of picks, or anything a staff form or the demo
#: data stores (a condition only compares it with its values)
Answers = Mapping[str, object]


def _answered(answer: object) -> bool:
    return answer is not None and answer != "" and answer != []


@dataclass(frozen=True)
class Condition:
    """Show a question only when an earlier answer matches.

    question: id of the earlier question. op: ``equals``, ``in`` or ``not``.
    values: the choice values compared with (one for equals and not).
    """

    question: str
    op: str
    values: tuple[str, ...]

    def holds(self, answers: Answers) -> bool:
        """Whether the condition is met by *answers* (question id -> answer).

        A multi question's answer is a list: ``equals`` holds when the value is
        among the picks, ``in`` when any pick is among the values, and ``not``
        when the value was not picked. An unanswered question satisfies ``not``
        but neither ``equals`` nor ``in``.
        """
        answer = answers.get(self.question)
        if not _answered(answer):
            return self.op == "not"
        picked = set(answer) if isinstance(answer, list | tuple) else {answer}
        if self.op == "equals":
            return self.values[0] in picked
        if self.op == "in":
            return not picked.isdisjoint(self.values)
        if self.op == "not":
            return self.values[0] not in picked
        raise ValueError(f"unknown condition op {self.op!r}")


@dataclass(frozen=True)
class Question:
    """One question. See :mod:`forms.questions` for what each type accepts.

    For types with fixed choices (smiley3, likert5, ...) *choices* is filled from
    the registry when left empty; for free-text types *max_length* defaults to
    :data:`DEFAULT_MAX_LENGTH`.
    """

    id: str
    type: str
    text: str
    hint: str | None = None
    required: bool = False
    choices: tuple[Choice, ...] = ()
    prefer_not_to_say: bool = False
    max_choices: int | None = None
    min: float | None = None
    max: float | None = None
    show_if: Condition | None = None
    max_length: int | None = None

    def __post_init__(self) -> None:
        qtype = QUESTION_TYPES.get(self.type)
        if qtype is None:
            return
        if not self.choices and qtype.fixed_choices:
            object.__setattr__(self, "choices", qtype.fixed_choices)
        if qtype.free_text and self.max_length is None:
            object.__setattr__(self, "max_length", DEFAULT_MAX_LENGTH)

    @property
    def closed(self) -> bool:
        """Answers are choice values (all types but text, textarea, number, date, pairing_code)."""
        qtype = QUESTION_TYPES.get(self.type)
        return qtype.closed if qtype else bool(self.choices)

    @property
    def free_text(self) -> bool:
        """Answers are typed text (text or textarea)."""
        qtype = QUESTION_TYPES.get(self.type)
        return bool(qtype and qtype.free_text)

    @property
    def qtype(self) -> QuestionType:
        """Everything Heard knows about this question's type (see :mod:`forms.questions`)."""
        return question_type(self.type)

    def all_choices(self) -> tuple[Choice, ...]:
        """The choices shown, with "Prefer not to say" last when it is offered."""
        if self.prefer_not_to_say:
            return self.choices + (Choice(PREFER_NOT, PREFER_NOT_LABEL),)
        return self.choices


@dataclass(frozen=True)
class Page:
    """Questions shown together on one screen (unless one_question_per_page)."""

    title: str | None
    questions: tuple[Question, ...]
    #: a stable id (an audit's standard or theme, e.g. s11_leadership): priorities and
    #: the Board report name a standard by it, so a retitled page keeps its evidence
    id: str | None = None


@dataclass(frozen=True)
class Outcome:
    """An outcome statement such as "Children who felt listened to".

    The percentage is answers among *positive* over answers to *question*, not
    counting those in *excluded* (by default "prefer not to say"; the loader also
    excludes the question's "not sure" answers unless the file lists exclusions).
    """

    id: str
    statement: str
    question: str
    positive: tuple[str, ...]
    excluded: tuple[str, ...] = (PREFER_NOT,)


def _freeze_themes(themes: Mapping[str, Any]) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({key: tuple(words) for key, words in themes.items()})


@dataclass(frozen=True)
class Definition:
    """A whole survey: what it is, who it is for, its pages and its outcomes.

    themes: this survey's own themes, id -> keywords, added to the defaults.
    check_answers: show a check-your-answers page; when left as None it is
        True for every audience but children.
    read_all_text: every free-text answer goes on the safeguarding leads' reading
        list; when left as None it is True for children's surveys only.
    kind: an optional tag such as ``training_pre`` or ``focus_group``.
    """

    slug: str
    title: str
    audience: str
    age_band: str | None
    description: str
    consent: str
    min_n: int = 10
    languages: tuple[str, ...] = ("en",)
    pages: tuple[Page, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    # A read-only mapping is not hashable, so it is left out of the hash (it is
    # still compared), keeping Definition usable as a dict key or in a set.
    themes: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({}), hash=False
    )
    check_answers: bool | None = None
    one_question_per_page: bool = False
    offer_contact: bool = False
    allow_withdrawal: bool = False
    retention_days: int = 1095
    kind: str | None = None
    read_all_text: bool | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "themes", _freeze_themes(self.themes))
        if self.check_answers is None:
            object.__setattr__(self, "check_answers", self.audience != "child")
        if self.read_all_text is None:
            object.__setattr__(self, "read_all_text", self.audience == "child")

    def questions(self) -> Iterator[Question]:
        """Every question, page by page, in the order they are asked."""
        for page in self.pages:
            yield from page.questions

    def question(self, qid: str) -> Question:
        """The question with id *qid*; raises KeyError when there is none."""
        for question in self.questions():
            if question.id == qid:
                return question
        raise KeyError(qid)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict that :meth:`from_dict` turns back into an equal Definition.

        Fixed choices are written out in full, so a stored survey version keeps
        the labels it was answered with even if the registry changes later.
        """
        return {
            "slug": self.slug,
            "title": self.title,
            "audience": self.audience,
            "age_band": self.age_band,
            "description": self.description,
            "consent": self.consent,
            "min_n": self.min_n,
            "languages": list(self.languages),
            "pages": [_page_to_dict(page) for page in self.pages],
            "outcomes": [_outcome_to_dict(outcome) for outcome in self.outcomes],
            "themes": {key: list(words) for key, words in self.themes.items()},
            "check_answers": self.check_answers,
            "one_question_per_page": self.one_question_per_page,
            "offer_contact": self.offer_contact,
            "allow_withdrawal": self.allow_withdrawal,
            "retention_days": self.retention_days,
            "kind": self.kind,
            # Written only when it differs from the audience's default, so that every
            # definition stored before the setting existed keeps its SHA-256.
            **(
                {"read_all_text": self.read_all_text}
                if self.read_all_text != (self.audience == "child")
                else {}
            ),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Definition:
        """Rebuild a Definition from :meth:`to_dict` output (trusted, not validated)."""
        fields = dict(data)
        fields["languages"] = tuple(fields.get("languages", ("en",)))
        fields["pages"] = tuple(_page_from_dict(page) for page in fields.get("pages", ()))
        fields["outcomes"] = tuple(
            Outcome(
                **{
                    **o,
                    "positive": tuple(o["positive"]),
                    "excluded": tuple(o["excluded"]),
                }
            )
            for o in fields.get("outcomes", ())
        )
        fields["themes"] = fields.get("themes") or {}
        return cls(**fields)


def _question_to_dict(question: Question) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": question.id,
        "type": question.type,
        "text": question.text,
        "hint": question.hint,
        "required": question.required,
        "choices": [{"value": c.value, "label": c.label} for c in question.choices],
        "prefer_not_to_say": question.prefer_not_to_say,
        "max_choices": question.max_choices,
        "min": question.min,
        "max": question.max,
        "show_if": None,
        "max_length": question.max_length,
    }
    if question.show_if is not None:
        cond = question.show_if
        data["show_if"] = {
            "question": cond.question,
            "op": cond.op,
            "values": list(cond.values),
        }
    return data


def _question_from_dict(data: Mapping[str, Any]) -> Question:
    fields = dict(data)
    fields["choices"] = tuple(Choice(c["value"], c["label"]) for c in fields.get("choices", ()))
    cond = fields.get("show_if")
    if cond is not None:
        fields["show_if"] = Condition(cond["question"], cond["op"], tuple(cond["values"]))
    return Question(**fields)


def _page_to_dict(page: Page) -> dict[str, Any]:
    found: dict[str, Any] = {
        "title": page.title,
        "questions": [_question_to_dict(q) for q in page.questions],
    }
    if page.id is not None:  # only when set: a survey's stored JSON (and hash) is unchanged
        found["id"] = page.id
    return found


def _page_from_dict(data: Mapping[str, Any]) -> Page:
    questions = tuple(_question_from_dict(q) for q in data["questions"])
    return Page(data.get("title"), questions, data.get("id"))


def _outcome_to_dict(outcome: Outcome) -> dict[str, Any]:
    return {
        "id": outcome.id,
        "statement": outcome.statement,
        "question": outcome.question,
        "positive": list(outcome.positive),
        "excluded": list(outcome.excluded),
    }
