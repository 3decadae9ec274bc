"""Blueprint folders hold views, not queries: every read and commit goes through a
function in feedback/services/ (issue 14, item 5). The import-linter contract
`blueprints-no-queries` stops `sqlalchemy` imports; this catches the session, which
reaches views through `feedback.extensions.db` and so slips past import rules."""

from __future__ import annotations

import re
from pathlib import Path

import feedback

BLUEPRINTS = (
    "admin",
    "analyse",
    "api",
    "assurance",
    "auth",
    "evidence",
    "facilitate",
    "respond",
    "safeguarding",
    "staff",
)
# db.session.<anything>, db.paginate(...), or building a SELECT
QUERY = re.compile(r"\bdb\.(session\b|paginate\()|\bselect\(")


def offenders(root: Path) -> list[str]:
    """ "path:line" of each query-building line under the blueprint folders of `root`."""
    found = []
    for name in BLUEPRINTS:
        for path in sorted((root / name).rglob("*.py")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if QUERY.search(line.split("#", 1)[0]):
                    found.append(f"{path.relative_to(root)}:{number}")
    return found


def test_blueprint_folders_build_no_queries() -> None:
    root = Path(feedback.__file__).parent
    assert [name for name in BLUEPRINTS if not (root / name).is_dir()] == []
    assert offenders(root) == []


def test_the_check_finds_a_query_in_a_view(tmp_path: Path) -> None:
    # The check itself must be able to fail: a view that reads the session is listed.
    (tmp_path / "admin").mkdir()
    (tmp_path / "admin" / "views.py").write_text(
        "user = db.session.get(User, 1)\nrows = db.session.scalars(select(User))\n"
        "# db.session in a comment is fine\n",
        encoding="utf-8",
    )
    assert offenders(tmp_path) == ["admin/views.py:1", "admin/views.py:2"]
