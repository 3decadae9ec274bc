"""The PDF Board report sets every script in its Noto font, with no missing glyphs.

Excerpts in Gurmukhi, Gujarati, Tamil, Arabic and Urdu go through the real report
(database, template, WeasyPrint). pdffonts (poppler-utils) tells which fonts were
embedded; pdftotext reads the words back. Both come from `make system-packages`, as do
Debian's Noto fonts; without them the tests are skipped and say what to install.

Reading the words back is exact for Arabic. For the Indic scripts and Urdu's Nastaliq it
is not, because of how WeasyPrint maps glyphs to text (see the xfail below): the page is
drawn right (shaping was checked by eye on a rendered page), but words copied out of the
PDF may lose a vowel sign. The HTML report carries the exact words.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from tests.feedback.textdata import add_text

#: language -> (the theme its excerpt goes under, the sentence, fonts any of which may set it)
#: One theme each, so that every sentence is quoted (a theme shows three excerpts at most).
SCRIPTS = {
    # "They listened carefully to what we said and we got help on time."
    "pa": ("listened_to", "ਉਹਨਾਂ ਨੇ ਸਾਡੀ ਗੱਲ ਧਿਆਨ ਨਾਲ ਸੁਣੀ ਅਤੇ ਸਾਨੂੰ ਸਮੇਂ ਸਿਰ ਮਦਦ ਮਿਲੀ",
           ("Noto Sans Gurmukhi",)),
    # "The worker was very kind and explained everything to us."
    "gu": ("respected", "કાર્યકર ખૂબ જ દયાળુ હતાં અને તેમણે અમને બધું સમજાવ્યું",
           ("Noto Sans Gujarati",)),
    # "We waited a long time for help for our family."
    "ta": ("timeliness", "எங்கள் குடும்பத்துக்கு உதவி கிடைக்க நீண்ட நாள் காத்திருந்தோம்",
           ("Noto Sans Tamil",)),
    # "The worker listened to us with care and explained every step to us."
    "ar": ("communication", "استمعت الموظفة إلينا باهتمام وشرحت لنا كل خطوة",
           ("Noto Naskh Arabic", "Noto Sans Arabic")),
    # "The school team listened to my son's words carefully."
    "ur": ("relationship_with_worker", "اسکول کی ٹیم نے میرے بیٹے کی بات غور سے سنی",
           ("Noto Nastaliq Urdu",)),
}  # fmt: skip
POPPLER = ("pdffonts", "pdftotext")


def _missing_fonts() -> list[str]:
    if shutil.which("fc-list") is None:
        return ["fontconfig (fc-list)"]
    missing = []
    for _theme, _text, families in SCRIPTS.values():
        for family in families[:1]:
            found = subprocess.run(
                ["fc-list", f":family={family}", "family"],
                capture_output=True, text=True, check=False,
            ).stdout  # fmt: skip
            if not found.strip():
                missing.append(family)
    return missing


@pytest.fixture(scope="module")
def tools() -> None:
    absent = [tool for tool in POPPLER if shutil.which(tool) is None]
    if absent:
        pytest.skip(
            f"{', '.join(absent)} not found: install poppler-utils (`make system-packages` "
            "as root) to check the fonts and text of the PDF report"
        )
    fonts = _missing_fonts()
    if fonts:
        pytest.skip(
            f"fonts not found: {', '.join(fonts)}: install fonts-noto-core "
            "(`make system-packages` as root) to print every script in the PDF report"
        )


def _comparable(text: str) -> str:
    """Text as pdftotext and the source can both be brought to.

    NFKC folds Arabic presentation forms back to letters; spaces, line breaks and bidi
    marks depend on layout, not on the words, so they go.
    """
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if not ch.isspace() and unicodedata.category(ch) != "Cf")


@dataclass
class Printed:
    """One PDF report with the five sentences, and what WeasyPrint warned while printing."""

    path: Path
    warnings: list[str]


#: One print per test process: three tests read the same PDF, and printing takes seconds.
_PRINTED: dict[str, Printed] = {}


@pytest.fixture
def printed(app, runner, tmp_path_factory, tools, caplog) -> Printed:  # type: ignore[no-untyped-def]
    if "report" in _PRINTED:
        return _PRINTED["report"]
    with app.app_context():
        from feedback.services.surveys.versions import load_library

        load_library()
        for language, (theme, text, _families) in SCRIPTS.items():
            add_text("parents-carers", text, [(theme, "neutral")], language=language)
    out = tmp_path_factory.mktemp("scripts") / "report.pdf"
    caplog.set_level(logging.WARNING, logger="weasyprint")
    result = runner.invoke(
        args=["report", "parents-carers", "--period", "all", "--format", "pdf", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    warnings = [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")]
    _PRINTED["report"] = Printed(out, warnings)
    return _PRINTED["report"]


def _embedded(pdf: Path) -> dict[str, bool]:
    """Font name -> embedded, from pdffonts (subset tag, spaces and hyphens removed)."""
    lines = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    fonts: dict[str, bool] = {}
    for line in lines:
        parts = line.split()
        name = parts[0].split("+", 1)[-1].replace("-", "")
        # Columns from the end: emb sub uni object-id generation.
        fonts[name] = fonts.get(name, False) or parts[-5] == "yes"
    return fonts


def _text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_pdf_report_sets_each_script_in_its_noto_font(printed: Printed) -> None:
    fonts = _embedded(printed.path)
    for language, (_theme, _words, families) in SCRIPTS.items():
        wanted = [f.replace(" ", "") for f in families]
        used = [name for name in fonts if any(name.startswith(w) for w in wanted)]
        assert used, f"{language}: none of {families} embedded; fonts: {sorted(fonts)}"
        assert all(fonts[name] for name in used), f"{language}: {used} not embedded"
    # No tofu: WeasyPrint warns of every character no font could draw.
    assert not [w for w in printed.warnings if ".notdef" in w], printed.warnings
    # The charts are drawings, not their style sheet spilled as text.
    assert "stroke-linejoin" not in _text(printed.path)


def _quoted(text: str) -> list[str]:
    return re.findall(r"“(.*?)”", _comparable(text)) + re.findall(r"”(.*?)“", _comparable(text))


def test_pdf_report_arabic_text_round_trips(printed: Printed) -> None:
    found = _comparable(_text(printed.path))
    sentence = SCRIPTS["ar"][1]
    assert _comparable(sentence) in found  # presentation forms folded back by NFKC


@pytest.mark.parametrize("language", ["pa", "gu", "ta"])
def test_pdf_report_indic_text_comes_back_nearly_whole(printed: Printed, language: str) -> None:
    # WeasyPrint maps each glyph to text once, the first time it draws it (ToUnicode, no
    # ActualText); a vowel sign drawn before its consonant, or a conjunct's half-form,
    # may then copy out empty. Most of the sentence must still come back.
    wanted = _comparable(SCRIPTS[language][1])
    best = max(SequenceMatcher(None, q, wanted).ratio() for q in _quoted(_text(printed.path)))
    assert best >= 0.9, (language, best)


@pytest.mark.xfail(
    strict=False,
    reason="WeasyPrint 70 writes one ToUnicode entry per glyph and no ActualText: pdftotext "
    "loses reordered vowel signs (Gurmukhi, Gujarati, Tamil) and Nastaliq's shared glyph "
    "parts (Urdu); the drawing is right, copying the words out is not exact",
)
@pytest.mark.parametrize("language", ["pa", "gu", "ta", "ur"])
def test_pdf_report_text_round_trips_exactly(printed: Printed, language: str) -> None:
    assert _comparable(SCRIPTS[language][1]) in _comparable(_text(printed.path))
