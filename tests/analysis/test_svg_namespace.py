"""Inline chart SVG stays <svg>, whatever another library did to ElementTree's prefixes."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from analysis.svg import clean_svg

CHART = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'viewBox="0 0 10 10"><defs><path id="p" d="M 0 0 L 5 5"/></defs>'
    '<use xlink:href="#p"/><text x="1" y="1">Being listened to</text></svg>'
)


def test_chart_svg_keeps_its_default_namespace_after_weasyprint_registers_its_own() -> None:
    # WeasyPrint's PDF metadata module does exactly this when the first PDF is written.
    ET.register_namespace("", "")
    try:
        markup = clean_svg(CHART, "c-")
    finally:
        ET.register_namespace("", "http://www.w3.org/2000/svg")
    assert markup.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert "ns0:" not in markup and "<text" in markup and '<use xlink:href="#c-' in markup
