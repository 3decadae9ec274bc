"""Cleaning typed text before anything else sees it.

Control characters have no place in an answer: PostgreSQL refuses a NUL byte outright
(the whole submission failed), and escape sequences or a stray DEL turn up in exports
and terminals. Line breaks and tabs are kept: people write paragraphs.
"""

from __future__ import annotations

import re
from typing import Any

#: C0 controls except tab, line feed and carriage return; DEL; the C1 controls
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def strip_control(value: Any) -> Any:
    """`value` without control characters when it is a string; anything else unchanged."""
    if isinstance(value, str) and CONTROL.search(value):
        return CONTROL.sub("", value)
    return value
