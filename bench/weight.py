"""Page weight of every public page type, as Debian's Chromium loads it.

Headless Chromium (Playwright, executable /usr/bin/chromium) walks the bench survey that
has one screen per question type (bench/surveys/all-types.yaml), with the browser cache
off, so every page is weighed as a first visit: its HTML plus every CSS, script, font
and image it asks for. Each request is recorded (URL, status, bytes of the uncompressed
body); a request to any other origin is a third-party request and must not happen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bench.server import Gunicorn, fresh_database, prepare, remove_scratch, scratch_dir

HERE = Path(__file__).resolve().parent
SURVEY = HERE / "surveys" / "all-types.yaml"
SLUG = "bench-all-types"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REDIRECT = (301, 302, 303, 307, 308)
# What the bench types into each kind of text box (an empty optional box is fine too).
TYPED = {"number": "3", "date": "2026-03-14", "text": "Kind staff"}


class Recorder:
    """Every request a page makes, from one action until the network is idle."""

    def __init__(self, page: Any, origin: str) -> None:
        self.page = page
        self.origin = origin
        self.rows: list[dict[str, Any]] = []
        page.on("requestfinished", self._finished)
        page.on("requestfailed", self._failed)

    def _finished(self, request: Any) -> None:
        response = request.response()
        status = response.status if response else 0
        try:
            size = len(response.body()) if response and status not in REDIRECT else 0
        except Exception:
            size = (request.sizes() or {}).get("responseBodySize", 0)
        self.rows.append(self._row(request, status, size))

    def _failed(self, request: Any) -> None:
        self.rows.append(self._row(request, 0, 0) | {"failed": request.failure})

    def _row(self, request: Any, status: int, size: int) -> dict[str, Any]:
        parts = urlsplit(request.url)
        return {
            "url": parts.path + (f"?{parts.query}" if parts.query else ""),
            "full_url": request.url,
            "method": request.method,
            "type": request.resource_type,
            "status": status,
            "bytes": size,
            "third_party": parts.scheme in ("http", "https")
            and f"{parts.scheme}://{parts.netloc}" != self.origin,
        }

    def measure(self, name: str, action: Any) -> dict[str, Any]:
        """Run `action` (a navigation) and summarise the requests it caused."""
        self.rows = []
        action()
        self.page.wait_for_load_state("networkidle")
        rows = [r for r in self.rows if not r["full_url"].startswith("data:")]
        redirects = [r for r in rows if r["status"] in REDIRECT]
        loaded = [r for r in rows if r not in redirects]
        return {
            "page": name,
            "requests": len(loaded),
            "bytes": sum(r["bytes"] for r in loaded),
            "redirects": len(redirects),
            "third_party": sum(r["third_party"] for r in rows),
            "failed": sum(
                1
                for r in rows
                if r.get("failed") or (r["status"] >= 400 and r["type"] != "document")
            ),
            "resources": [
                {k: r[k] for k in ("method", "url", "type", "status", "bytes")} for r in rows
            ],
            "title": self.page.title(),
        }


def _cold_page(playwright: Any) -> tuple[Any, Any]:
    """A phone-sized page whose every load is a first visit (no HTTP cache, no 304s)."""
    browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
    context = browser.new_context(viewport={"width": 360, "height": 740})
    # Routing every request through Playwright turns the HTTP cache off for the context.
    context.route("**/*", lambda route: route.continue_())
    page = context.new_page()
    context.new_cdp_session(page).send("Network.setCacheDisabled", {"cacheDisabled": True})
    return browser, page


def _answer_screen(page: Any) -> None:
    """Pick the first real choice, or type something, on the question screen showing."""
    choice = page.locator("input[type=radio], input[type=checkbox]").first
    if choice.count():
        choice.check()
        return
    select = page.locator("select").first
    if select.count():
        select.select_option(index=1)
        return
    box = page.locator("textarea, input[type=text], input[type=date]").first
    if box.count():
        kind = box.get_attribute("type") or "text"
        if box.get_attribute("inputmode") == "decimal":
            kind = "number"
        box.fill(TYPED.get(kind, TYPED["text"]))


def walk(base: str, slug: str = SLUG) -> list[dict[str, Any]]:
    """Weigh consent, every question screen, an error state, check answers, thanks, 404."""
    from playwright.sync_api import sync_playwright

    pages: list[dict[str, Any]] = []
    with sync_playwright() as p:
        browser, page = _cold_page(p)
        rec = Recorder(page, base)
        pages.append(rec.measure("consent", lambda: page.goto(f"{base}/s/{slug}")))
        start = page.locator("button[name=action][value=start]")
        first = rec.measure("question", lambda: start.click())
        next_button = page.locator("button[name=action][value=next]")
        # The first screen's question is required: Continue with no answer is the error state.
        error = rec.measure("error: required answer missing", lambda: next_button.click())
        error["page"] += f" ({_question_type(page)})"
        pages.append(_named(first, page))
        pages.append(error)
        for _ in range(40):  # bounded: the bench survey has 17 screens
            _answer_screen(page)
            result = rec.measure("question", lambda: next_button.click())
            if page.locator("button[name=action][value=submit]").count():
                pages.append(result | {"page": "check your answers"})
                break
            pages.append(_named(result, page))
        submit = page.locator("button[name=action][value=submit]")
        pages.append(rec.measure("thank you", lambda: submit.click()))
        pages.append(
            rec.measure(
                "error: unknown survey (404)", lambda: page.goto(f"{base}/s/no-such-survey")
            )
        )
        browser.close()
    return pages


def _question_type(page: Any) -> str:
    """The type of the question showing, read from its id (the bench survey names them q_<type>)."""
    field = page.locator("[name^=q_]").first
    name = field.get_attribute("name") if field.count() else ""
    return (name or "?").removeprefix("q_")


def _named(result: dict[str, Any], page: Any) -> dict[str, Any]:
    # The screen showing now is the one just loaded: name the row by its question type.
    return result | {"page": f"question: {_question_type(page)}"}


def weigh_url(url: str) -> dict[str, Any]:
    """Weigh one page by URL (used for the peer's survey page)."""
    from playwright.sync_api import sync_playwright

    parts = urlsplit(url)
    with sync_playwright() as p:
        browser, page = _cold_page(p)
        rec = Recorder(page, f"{parts.scheme}://{parts.netloc}")
        result = rec.measure(url, lambda: page.goto(url))
        browser.close()
    return result


def bench_weight() -> dict[str, Any]:
    """Serve the all-types survey on a fresh SQLite database and weigh every page type."""
    folder = scratch_dir("weight")
    try:
        with fresh_database("sqlite", folder) as url:
            prepare(url, SURVEY, HERE / "surveys" / "submit.yaml")
            with Gunicorn(url, workers=2, log_dir=folder) as server:
                pages = walk(server.base)
                submit_page = _submit_question_page(server.base)
    finally:
        remove_scratch(folder)
    return {"pages": pages, "submit_survey_page": submit_page}


def _submit_question_page(base: str) -> dict[str, Any]:
    """The 10-question page of bench-submit: the page compared with the peer's survey page."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser, page = _cold_page(p)
        rec = Recorder(page, base)
        consent = rec.measure("consent", lambda: page.goto(f"{base}/s/bench-submit"))
        button = page.locator("button[name=action][value=start]")
        result = rec.measure("bench-submit: 10 questions", lambda: button.click())
        browser.close()
    return result | {"consent_bytes": consent["bytes"], "consent_requests": consent["requests"]}
