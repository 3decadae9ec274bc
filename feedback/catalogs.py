"""Which translations are complete, and how far each catalog has been reviewed.

A survey offers a language only when the *compiled* catalogs (the .mo files the app really
reads) translate every string a respondent would meet in it: the public interface (the
strings of PUBLIC_SOURCES) and the survey's own wording. Compiled catalogs are read once
per process and read again when a .mo file's modification time changes, so running
`make translations` beside a running server takes effect without a restart.

The review status of each language lives in translations/STATUS.yaml ("draft" until a
qualified translator has checked it); admins see it on /admin/translations.
"""

from __future__ import annotations

import gettext
import glob
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
from babel.messages.pofile import read_po

from forms.schema import Definition

ROOT = Path(__file__).resolve().parent.parent
#: where the catalogs live: translations/<lang>/LC_MESSAGES/<domain>.po|.mo
TRANSLATIONS = ROOT / "translations"
DOMAINS = ("messages", "surveys")
#: the language the interface and the bundled surveys are written in
SOURCE_LANGUAGE = "en"
#: what a catalog says until someone marks it reviewed in STATUS.yaml
DRAFT_NOTE = "draft, awaiting review by a qualified translator"

#: files whose strings a respondent reads: the `messages` catalog of a language must
#: translate all of them before any survey is offered in that language.
PUBLIC_SOURCES = (
    "templates/base.html",
    "templates/public.html",
    "templates/error.html",
    "templates/respond/*.html",
    "templates/respond/questions/*.html",
    "feedback/errors.py",
    "feedback/respond/*.py",
    "forms/questions.py",
    "forms/question_*.py",
    "forms/choices.py",
    "forms/builder.py",
)
#: files among those that only staff read: the audit question types (issue 16), which
#: agencies' staff answer in English and no respondent ever meets
STAFF_ONLY = (
    "forms/question_assess.py",
    "templates/respond/questions/_assessed.html",
    "templates/respond/questions/_grade4.html",
    "templates/respond/questions/_rag.html",
)
#: the same keywords `make translations` gives pybabel extract
KEYWORDS = {**DEFAULT_KEYWORDS, "lazy_gettext": None, "_l": None, "translate": None}


def _extract_jinja(fileobj: Any, keywords: Any, comment_tags: Any, options: Any) -> Iterator[Any]:
    # Typed Any on purpose: Babel declares an extraction method as yielding its own
    # processed tuples, Jinja's extractor yields the raw ones Babel really wants.
    from jinja2.ext import babel_extract

    return babel_extract(fileobj, keywords, comment_tags, options)


@lru_cache(maxsize=1)
def public_messages() -> frozenset[str]:
    """Every msgid a respondent may read in the interface (not the surveys' own text).

    Extracted from the source files with the same extractors pybabel uses, so this set
    and the catalogs cannot drift apart. The files do not change while a process runs.
    """
    found: set[str] = set()
    for pattern in PUBLIC_SOURCES:
        for name in sorted(glob.glob(str(ROOT / pattern))):
            if any(name == str(ROOT / staff) for staff in STAFF_ONLY):
                continue
            method = _extract_jinja if name.endswith(".html") else "python"
            for _line, message, _comments, _context in extract_from_file(
                method, name, keywords=KEYWORDS
            ):
                found.add(message if isinstance(message, str) else message[0])
    found.discard("")
    return frozenset(found)


def survey_messages(definition: Definition) -> frozenset[str]:
    """Every string of *definition* a respondent reads: titles, consent, questions, choices.

    Outcome statements are left out: respondents never see them (the catalogs translate
    them all the same, for reports in other languages later).
    """
    texts: list[str | None] = [definition.title, definition.description, definition.consent]
    for page in definition.pages:
        texts.append(page.title)
        for question in page.questions:
            texts += [question.text, question.hint]
            # scale0_10's digits need no translation (the extractor skips them too)
            texts += [c.label for c in question.all_choices() if not c.label.isdigit()]
    return frozenset(t.strip() for t in texts if t and t.strip())


_lock = threading.Lock()
_compiled: dict[tuple[Path, str], tuple[tuple[float | None, ...], dict[str, str]]] = {}


def compiled_catalog(language: str, directory: Path = TRANSLATIONS) -> dict[str, str]:
    """msgid -> translation from the language's compiled catalogs (both domains merged).

    Cached per process; a changed .mo modification time reloads it.
    """
    paths = [directory / language / "LC_MESSAGES" / f"{d}.mo" for d in DOMAINS]
    stamp = tuple(p.stat().st_mtime if p.exists() else None for p in paths)
    cached = _compiled.get((directory, language))
    if cached and cached[0] == stamp:
        return cached[1]
    merged: dict[str, str] = {}
    for path in paths:
        if path.exists():
            with path.open("rb") as handle:
                # The parsed messages themselves: gettext has no public way to list them.
                catalog = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
            merged.update({k: v for k, v in catalog.items() if isinstance(k, str) and k and v})
    with _lock:
        _compiled[(directory, language)] = (stamp, merged)
    return merged


def missing_strings(
    language: str, wanted: Iterable[str], directory: Path = TRANSLATIONS
) -> list[str]:
    """The strings of *wanted* that the language's compiled catalogs do not translate."""
    if language == SOURCE_LANGUAGE:
        return []
    catalog = compiled_catalog(language, directory)
    return sorted(s for s in wanted if s not in catalog)


def is_complete(language: str, definition: Definition, directory: Path = TRANSLATIONS) -> bool:
    """Whether a respondent could answer *definition* in *language* without meeting English."""
    if language == SOURCE_LANGUAGE:  # asked on every survey request: skip the set union
        return True
    wanted = public_messages() | survey_messages(definition)
    return not missing_strings(language, wanted, directory)


def survey_languages(definition: Definition, directory: Path = TRANSLATIONS) -> list[str]:
    """The languages a survey offers: those its definition lists whose catalogs are complete.

    Order is the definition's, so its first language stays the default. When none is
    complete, the default alone is offered (the wording then shows as written).
    """
    offered = [c for c in definition.languages if is_complete(c, definition, directory)]
    return offered or list(definition.languages[:1]) or [SOURCE_LANGUAGE]


def read_status(directory: Path = TRANSLATIONS) -> dict[str, dict[str, object]]:
    """translations/STATUS.yaml: language -> {status, reviewed_by, reviewed_on, note}."""
    path = directory / "STATUS.yaml"
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(k): dict(v or {}) for k, v in data.items()}


@dataclass
class LanguageReport:
    """How complete and how reviewed one language's catalogs are."""

    code: str
    status: str
    note: str
    reviewed_by: str | None
    reviewed_on: str | None
    interface_total: int
    interface_missing: list[str]
    fuzzy: int
    #: survey slug -> strings that survey still needs in this language
    surveys_missing: dict[str, list[str]] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return not self.interface_missing and not any(self.surveys_missing.values())


def catalog_languages(directory: Path = TRANSLATIONS) -> list[str]:
    """Languages that have a folder of catalogs, the source language first."""
    found = sorted(p.parent.parent.name for p in directory.glob("*/LC_MESSAGES/*.po"))
    codes = list(dict.fromkeys(found))
    return sorted(codes, key=lambda c: (c != SOURCE_LANGUAGE, c))


def fuzzy_count(language: str, directory: Path = TRANSLATIONS) -> int:
    """Entries marked fuzzy (a guess awaiting a translator) in the language's .po files."""
    total = 0
    for domain in DOMAINS:
        path = directory / language / "LC_MESSAGES" / f"{domain}.po"
        if path.exists():
            with path.open("rb") as handle:
                total += sum(1 for m in read_po(handle) if m.id and m.fuzzy)
    return total


def report(
    definitions: Iterable[Definition], directory: Path = TRANSLATIONS
) -> Iterator[LanguageReport]:
    """One LanguageReport per language with catalogs, checking each of *definitions*."""
    definitions = list(definitions)
    status = read_status(directory)
    interface = public_messages()
    for code in catalog_languages(directory):
        info = status.get(code, {})
        state = str(info.get("status") or ("source" if code == SOURCE_LANGUAGE else "draft"))
        note = str(info.get("note") or (DRAFT_NOTE if state == "draft" else state))
        yield LanguageReport(
            code=code,
            status=state,
            note=note,
            reviewed_by=_text(info.get("reviewed_by")),
            reviewed_on=_text(info.get("reviewed_on")),
            interface_total=len(interface),
            interface_missing=missing_strings(code, interface, directory),
            fuzzy=fuzzy_count(code, directory),
            surveys_missing={
                d.slug: missing_strings(code, survey_messages(d), directory) for d in definitions
            },
        )


def _text(value: object) -> str | None:
    return None if value in (None, "") else str(value)
