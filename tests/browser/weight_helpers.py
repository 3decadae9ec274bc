"""The public pages' weight budget: few requests, few bytes, nothing from elsewhere."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: a public page, as a first visit loads it: at most this many requests and bytes
MAX_REQUESTS = 3
MAX_ASSETS = 2
MAX_BYTES = 30 * 1024


def page_weight(page: Any, base: str, load: Callable[[], None]) -> tuple[list, dict]:
    """Run `load` on `page` and return ([(url, bytes)] of every request, {asset: bytes}).

    Every request must go to `base` (no third-party requests).
    """
    seen: list[tuple[str, int]] = []
    page.on("requestfinished", lambda r: seen.append((r.url, r.sizes()["responseBodySize"])))
    load()
    page.wait_for_load_state("networkidle")
    assert all(url.startswith(base) for url, _ in seen), seen
    return seen, {url: size for url, size in seen if "/static/" in url}


def assert_within_budget(seen: list, assets: dict) -> None:
    """At most 3 requests, 2 of them assets, and 30 KB in all (the survey pages' budget)."""
    assert len(seen) <= MAX_REQUESTS and len(assets) <= MAX_ASSETS, (seen, assets)
    html = sum(size for url, size in seen if "/static/" not in url)
    assert html + sum(assets.values()) <= MAX_BYTES, (seen, assets)
