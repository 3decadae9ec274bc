"""Compile the translation catalogs for tests, as `make test` does, when they are stale.

The .mo files are built, not committed; a bare `pytest` run after editing a .po file would
otherwise test yesterday's translations. Each file is written beside its .po and swapped in
atomically, so two xdist workers compiling at once cannot leave a half-written catalog.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from feedback.catalogs import TRANSLATIONS


def ensure_compiled(directory: Path = TRANSLATIONS) -> list[Path]:
    """Compile every .po newer than its .mo (fuzzy entries left out, as pybabel does)."""
    built = []
    for po in sorted(directory.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=po.parent.parent.name)
        fd, tmp = tempfile.mkstemp(dir=po.parent, suffix=".mo.tmp")
        with os.fdopen(fd, "wb") as out:
            write_mo(out, catalog)
        os.replace(tmp, mo)
        built.append(mo)
    return built
