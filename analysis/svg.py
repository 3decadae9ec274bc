"""Make a chart's SVG safe and tidy to place inside an HTML page.

Charts are drawn by matplotlib, whose labels (survey statements, theme names) may hold
words anyone typed; so this module treats the SVG as untrusted on its way into a page.
Text survives only as escaped character data of <text> elements. It keeps only an
allow-list of drawing elements and attributes, drops comments, metadata, scripts, event
handlers and any link that leaves the document, and gives every id a prefix so that two
charts on one page never share an id.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

#: The drawing and text elements matplotlib writes, and a title for the alt text.
ALLOWED = frozenset(
    {"svg", "g", "defs", "path", "use", "clipPath", "rect", "circle", "ellipse", "line",
     "polyline", "polygon", "style", "title", "desc", "pattern", "image", "text", "tspan"}
)  # fmt: skip
_HREF = f"{{{XLINK_NS}}}href"
_URL = re.compile(r"url\(\s*#([\w.:-]+)\s*\)")
_ANY_URL = re.compile(r"url\(", re.I)
_SAFE_CSS = re.compile(r"^[\w\s*{}:;#.,%()-]*$")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _clean_value(value: str, prefix: str) -> str | None:
    """The attribute value with its url(#id) references prefixed; None to drop it."""
    value = _URL.sub(lambda m: f"url(#{prefix}-{m.group(1)})", value)
    if len(_ANY_URL.findall(value)) != len(_URL.findall(value)):
        return None  # a url() that does not point inside the document
    if "javascript:" in value.lower() or "expression(" in value.lower():
        return None
    return value


def clean_svg(svg: str, prefix: str, title: str | None = None) -> str:
    """Sanitised SVG markup (no XML declaration) ready to inline in HTML.

    svg: SVG text as matplotlib writes it.
    prefix: added to every id (and every reference to one), unique per page.
    title: becomes the SVG's <title> and aria-label (escaped here), usually the alt text.
    Raises ValueError when the text is not SVG.
    """
    root = ET.fromstring(svg)  # comments and the DOCTYPE are dropped by the parser
    if _local(root.tag) != "svg":
        raise ValueError("not an SVG document")
    _clean_element(root, prefix)
    root.set("role", "img")
    root.set("class", "chart")
    if title:
        root.set("aria-label", title)
        node = ET.Element(f"{{{SVG_NS}}}title")
        node.text = title
        root.insert(0, node)
    # Registered again each time: ElementTree's prefix registry is global, and
    # WeasyPrint's PDF metadata takes the empty prefix for itself when it first writes a
    # PDF, after which every chart came out as <ns0:svg>, which an HTML page (and every
    # later PDF) shows as loose text instead of a drawing. (tostring's default_namespace
    # cannot be used: it refuses the unqualified attribute names SVG is full of.)
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return ET.tostring(root, encoding="unicode")


def _clean_element(element: ET.Element, prefix: str) -> None:
    for child in list(element):
        name = _local(child.tag) if isinstance(child.tag, str) else ""
        if name not in ALLOWED or (name == "style" and not _SAFE_CSS.match(child.text or "")):
            element.remove(child)
            continue
        if name == "image":
            href = child.get(_HREF) or child.get("href") or ""
            if not href.startswith("data:image/png;base64,"):
                element.remove(child)
                continue
        _clean_element(child, prefix)
    for key in list(element.attrib):
        value = element.attrib[key]
        local = _local(key)
        if local.lower().startswith("on"):
            del element.attrib[key]
        elif local == "id":
            element.set(key, f"{prefix}-{value}")
        elif local == "href":
            if value.startswith("#"):
                element.set(key, f"#{prefix}-{value[1:]}")
            elif not (_local(element.tag) == "image" and value.startswith("data:image/png")):
                del element.attrib[key]
        else:
            cleaned = _clean_value(value, prefix)
            if cleaned is None:
                del element.attrib[key]
            else:
                element.set(key, cleaned)
