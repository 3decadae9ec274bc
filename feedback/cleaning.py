"""Every form value and query argument without control characters, for every form.

The survey's own fields clean their text too (forms.builder), but staff forms (campaign
names, focus-group notes, alert notes) reach the database as well: cleaning where the
request is parsed covers them all, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from flask import Request
from werkzeug.datastructures import ImmutableMultiDict, MultiDict

from forms.clean import strip_control


class CleanMultiDict(ImmutableMultiDict):
    """An ImmutableMultiDict whose string values have no control characters."""

    def __init__(self, mapping: Mapping[str, Any] | Iterable[tuple[str, Any]] | None = None):
        if mapping is None:
            super().__init__()
            return
        pairs = MultiDict(mapping).items(multi=True)
        # Uploaded files (FileStorage) pass through: their bytes are checked where read.
        super().__init__([(key, strip_control(value)) for key, value in pairs])


class CleanRequest(Request):
    """Flask's request, parsing forms and query strings into CleanMultiDict."""

    parameter_storage_class = CleanMultiDict
