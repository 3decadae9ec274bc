"""axe-core (carried by axe-playwright-python, no download) and the 44 px tap-target check."""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe

_AXE = Axe()
#: WCAG 2.2's enhanced target size, and the design card's rule for every control.
TAP_TARGET = 44
#: What a person taps: choice labels (the inputs themselves are hidden behind them),
#: buttons, the quick exit, and links styled as buttons.
TAPPABLE = ".choice label, button, .button, .quick-exit, .languages a"


def assert_accessible(page: Any, where: str) -> None:
    """Run axe on the page as it is now; fail listing every violation, saying where."""
    results = _AXE.run(page)
    assert results.violations_count == 0, f"axe on {where} ({page.url}):\n" + (
        results.generate_report()
    )


def small_targets(page: Any) -> list[str]:
    """Visible controls smaller than 44 x 44 CSS pixels, described for a failure message."""
    found = []
    controls = page.locator(TAPPABLE)
    for i in range(controls.count()):
        control = controls.nth(i)
        if not control.is_visible():
            continue
        box = control.bounding_box()
        if box and (box["width"] < TAP_TARGET or box["height"] < TAP_TARGET):
            text = " ".join(control.inner_text().split())[:40]
            found.append(f"{text!r} is {box['width']:.0f} x {box['height']:.0f}")
    return found
