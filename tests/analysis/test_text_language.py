"""Language detection for Heard's nine survey languages."""

import pytest

from analysis.text import analyse_text
from analysis.text.language import detect_language


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The worker listened to me and explained what happens next.", "en"),
        ("Pracownik był bardzo miły, ale długo czekałam na wizytę.", "pl"),
        ("nikt mnie nie slucha w domu i jest mi smutno", "pl"),
        ("Asistenta socială m-a ajutat foarte mult și a fost amabilă.", "ro"),
        ("Nimeni nu mi-a explicat nimic la întâlnire.", "ro"),
        ("Shaqaalaha ayaa si fiican ii caawiyay, waan ku faraxsanahay.", "so"),
        ("ਮੈਨੂੰ ਮੀਟਿੰਗ ਬਾਰੇ ਕਿਸੇ ਨੇ ਨਹੀਂ ਦੱਸਿਆ।", "pa"),
        ("મને મીટિંગ વિશે કોઈએ કહ્યું નહીં.", "gu"),
        ("கூட்டத்தைப் பற்றி யாரும் என்னிடம் சொல்லவில்லை.", "ta"),
        ("مجھے میٹنگ کے بارے میں کسی نے نہیں بتایا۔", "ur"),  # noqa: RUF001
        ("لم يخبرني أحد عن الاجتماع، وكانت الرسائل طويلة.", "ar"),
    ],
)
def test_detects_each_language(text, code):
    assert detect_language(text) == code


def test_no_letters_is_undetermined():
    assert detect_language("123 !!") == "und"
    assert detect_language("") == "und"


def test_survey_language_is_trusted_in_its_script():
    # short Latin text that could be anything: the respondent chose Polish
    assert detect_language("ok", "pl") == "pl"
    assert detect_language("Thank you", "ro") == "ro"
    assert detect_language("Hello", "en-GB") == "en"


def test_survey_language_is_overruled_by_another_script():
    assert detect_language("ਬਹੁਤ ਵਧੀਆ ਸੇਵਾ", "en") == "pa"
    assert detect_language("خدمة ممتازة", "en") == "ar"


def test_non_english_themes_from_small_lexicons():
    result = analyse_text("Pani była bardzo miła i mnie słuchała.", "pl")
    assert {"respected", "listened_to"} <= set(result.themes)
    assert result.english_analysed is False


def test_long_runs_of_vowels_are_not_somali():
    assert detect_language("aaaaaaaaaaaaaaaaaaaa") == "en"
