"""Right-to-left pages, accessibility and read-aloud, in a real browser on a small phone."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

SURVEY = "children-5-7"  # smiley faces, one question per screen


def _first_question(page: Any, base: str, language: str) -> None:
    page.goto(f"{base}/s/{SURVEY}?lang={language}")
    page.click("button[name=action][value=start]")
    page.wait_for_selector(".faces")
    # Boxes are measured as laid out now: wait for the stylesheet, or on a busy machine
    # every face sits in one column at the same x.
    page.wait_for_load_state("load")


def _box(page: Any, selector: str) -> dict[str, float]:
    box = page.locator(selector).bounding_box()
    assert box, f"{selector} is not visible"
    return box


@pytest.mark.parametrize("language", ["ar", "ur"])
def test_page_reads_right_to_left_and_the_first_smiley_is_on_the_right(
    phone_page: Any, live_server: str, language: str
) -> None:
    _first_question(phone_page, live_server, language)
    root = phone_page.locator("html")
    assert root.get_attribute("dir") == "rtl" and root.get_attribute("lang") == language
    faces = phone_page.locator(".faces .choice")
    boxes = [faces.nth(i).bounding_box() for i in range(faces.count())]
    sad, ok, happy = boxes[0], boxes[1], boxes[2]
    # The scale runs from the right: "sad" (first in the markup) sits furthest right.
    assert sad["x"] > ok["x"] > happy["x"]
    # The quick-exit button sits at the inline end of the header, on the left.
    assert _box(phone_page, ".quick-exit")["x"] < _box(phone_page, ".brand")["x"]
    # The progress bar fills from the right.
    direction = phone_page.eval_on_selector("progress", "el => getComputedStyle(el).direction")
    assert direction == "rtl"


def test_english_page_reads_left_to_right(phone_page: Any, live_server: str) -> None:
    _first_question(phone_page, live_server, "en")
    faces = phone_page.locator(".faces .choice")
    assert faces.nth(0).bounding_box()["x"] < faces.nth(2).bounding_box()["x"]
    assert phone_page.locator("html").get_attribute("dir") == "ltr"


@pytest.mark.parametrize("language", ["ar", "ur"])
def test_axe_finds_no_violations_on_right_to_left_pages(
    phone_page: Any, live_server: str, language: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    phone_page.goto(f"{live_server}/s/{SURVEY}?lang={language}")
    consent = axe.run(phone_page)
    assert consent.violations_count == 0, consent.generate_report()
    phone_page.click("button[name=action][value=start]")
    phone_page.wait_for_selector(".faces")
    question = axe.run(phone_page)
    assert question.violations_count == 0, question.generate_report()


def test_survey_page_fits_the_weight_budget(phone_page: Any, live_server: str) -> None:
    """A question page, as a first visit loads it: at most 3 requests and 30 KB, all local."""
    seen: list[tuple[str, int]] = []
    phone_page.on("requestfinished", lambda r: seen.append((r.url, r.sizes()["responseBodySize"])))
    phone_page.goto(f"{live_server}/s/{SURVEY}?lang=ur")
    phone_page.wait_for_load_state("networkidle")
    assets = {url: size for url, size in seen if "/static/" in url}  # a cold cache
    seen.clear()
    phone_page.click("button[name=action][value=start]")
    phone_page.wait_for_load_state("networkidle")
    assert all(url.startswith(live_server) for url, _ in seen), seen
    assert len(seen) <= 3 and len(assets) <= 2, (seen, assets)
    html = sum(size for url, size in seen if "/static/" not in url)
    assert html + sum(assets.values()) <= 30 * 1024, (seen, assets)


def test_no_read_aloud_button_without_a_voice(phone_page: Any, live_server: str) -> None:
    phone_page.add_init_script(
        "Object.defineProperty(window, 'speechSynthesis', {value: undefined});"
    )
    _first_question(phone_page, live_server, "ar")
    assert phone_page.locator(".read-aloud").count() == 0


# A stand-in for the browser's speech: one on-device Arabic voice, and speak() records
# what it was asked to say instead of saying it.
FAKE_VOICE = """
(() => {
  const voices = [
    {name: "On-device Arabic", lang: "ar-SA", localService: true},
    {name: "Cloud Arabic", lang: "ar-EG", localService: false},
  ];
  window.__spoken = [];
  const synth = {
    getVoices: () => voices, speaking: false, cancel() {}, addEventListener() {},
    speak(u) { window.__spoken.push({text: u.text, voice: u.voice.name}); },
  };
  Object.defineProperty(window, "speechSynthesis", {value: synth});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
})();
"""


def test_read_aloud_speaks_the_question_and_its_choices_with_a_local_voice(
    phone_page: Any, live_server: str
) -> None:
    phone_page.add_init_script(FAKE_VOICE)
    _first_question(phone_page, live_server, "ar")
    button = phone_page.locator("[data-question] .read-aloud")
    # heard.js adds the button once the page's script has run: wait for it, not a race.
    button.first.wait_for(state="attached", timeout=10_000)
    assert button.count() == 1
    label = button.inner_text()
    button.click()
    spoken = phone_page.evaluate("window.__spoken")
    assert len(spoken) == 1 and spoken[0]["voice"] == "On-device Arabic"
    legend = phone_page.locator(".legend").first.inner_text()
    choices = phone_page.locator(".choice-label").all_inner_texts()
    assert legend.split("(")[0].strip() in spoken[0]["text"]
    assert all(choice in spoken[0]["text"] for choice in choices)
    assert button.inner_text() != label  # now offers to stop
