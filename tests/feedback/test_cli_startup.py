"""How Heard starts (a worker or a `heard` command): what it imports, and the garbage
collector around start-up."""

from __future__ import annotations

import gc
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from flask import Flask
from sqlalchemy import func, select

from feedback import cli
from feedback.cli import WITHOUT_PAGES
from feedback.extensions import db
from feedback.models import ConcernAlert
from tests.feedback.report_helpers import FLAGGED, H1, known_data, respond

ROOT = Path(__file__).resolve().parents[2]

#: Libraries only one page or command uses; importing them at start-up cost every command
#: and every worker about a fifth of a second (`python -X importtime`).
ON_DEMAND = ("authlib", "webauthn", "openpyxl", "zxcvbn", "requests")

_PROBE = """
import gc, json, sys
from feedback import create_app
settings = {"SECRET_KEY": "x" * 32, "SQLALCHEMY_DATABASE_URI": sys.argv[1],
            "HEARD_BASE_URL": "https://heard.example.org"}
create_app({**settings, "TESTING": True})
frozen_by_a_test_app = gc.get_freeze_count()
create_app(settings)
print(json.dumps({
    "imported": sorted({m.split(".")[0] for m in sys.modules} & set(sys.argv[2:])),
    "frozen_by_a_test_app": frozen_by_a_test_app,
    "frozen": gc.get_freeze_count(),
}))
"""


def test_the_app_starts_without_the_libraries_one_page_uses_and_freezes_start_up(
    database_url: str,
) -> None:
    # A fresh interpreter: this test process has imported everything long ago.
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, database_url, *ON_DEMAND],
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin", "HEARD_ENV": "production"},
    )
    found = json.loads(done.stdout)
    assert found["imported"] == []
    # what start-up made is left out of later full collections, except in a test's app
    assert found["frozen_by_a_test_app"] == 0
    assert found["frozen"] > 100_000


def test_the_console_script_collects_garbage_again_before_the_command_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[tuple[bool, int]] = []
    probe = click.Command(
        "gc-probe", callback=lambda: seen.append((gc.isenabled(), gc.get_freeze_count()))
    )
    cli.main.add_command(probe)
    monkeypatch.setattr(sys, "argv", ["heard", "gc-probe"])
    try:
        with pytest.raises(SystemExit) as done:
            cli.run()
    finally:
        cli.main.commands.pop("gc-probe")
        gc.unfreeze()  # this process is a test run, not a command that is about to end
    assert done.value.code == 0
    # start-up's objects were frozen out of later collections, and collecting is back on
    assert len(seen) == 1 and seen[0][0] is True and seen[0][1] > 0
    assert gc.isenabled()


def test_invoking_the_group_directly_leaves_the_collector_alone() -> None:
    seen: list[tuple[bool, int]] = []
    probe = click.Command(
        "gc-probe", callback=lambda: seen.append((gc.isenabled(), gc.get_freeze_count()))
    )
    cli.main.add_command(probe)
    try:
        frozen_before = gc.get_freeze_count()
        result = CliRunner().invoke(cli.main, ["gc-probe"])
    finally:
        cli.main.commands.pop("gc-probe")
    assert result.exit_code == 0, result.output
    assert seen == [(True, frozen_before)]


def _heard(database_url: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real `heard` console script, as an operator runs it, on the test database."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "DATABASE_URL": database_url,
        "SECRET_KEY": "k" * 32,
        "HEARD_ENV": "production",
        "HEARD_BASE_URL": "https://heard.example.org",
        "HEARD_OUTBOX": str(tmp_path / "outbox"),
    }
    return subprocess.run(
        [str(Path(sys.executable).with_name("heard")), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_every_command_built_without_pages_works_through_the_real_heard(
    app: Flask, database_url: str, tmp_path: Path
) -> None:
    # The commands' own tests run on an app with every page; these are the same commands
    # as an operator runs them, on an app with none, over known data (texts and alerts).
    known_data(app)
    with app.app_context():  # one answer not analysed yet, which `heard analyse` must alert on
        respond("children-8-11", {"anything_else": "my stepdad hits me when mum is out"}, H1)
        db.session.commit()
        alerts_before = db.session.scalar(select(func.count(ConcernAlert.id)))
    ours = tmp_path / "our-case-audit.yaml"
    bundled = (ROOT / "forms/library/audits/case-audit.yaml").read_text(encoding="utf-8")
    ours.write_text(bundled.replace("slug: case-audit", "slug: our-case-audit", 1))
    runs = [
        ("init-db",),
        ("surveys", "list"),
        ("audits", "load", str(ours), "--for", "case_audit"),
        ("dataset", "validate", "docs/dataset-example.csv"),
        ("analyse",),
        ("outcomes", "children-8-11", "--period", "2026-H1", "--format", "json"),
        ("export", "children-8-11", "--format", "csv", "-o", str(tmp_path / "out.csv")),
        ("report", "--period", "2026-H1", "--format", "html", "-o", str(tmp_path / "b.html")),
        ("erase", "--receipt", "NO-SUCH-CODE"),
        ("retention", "apply"),
    ]
    assert {run[0] for run in runs} == WITHOUT_PAGES
    for run in runs:
        done = _heard(database_url, tmp_path, *run)
        assert "Traceback" not in done.stderr, (run, done.stderr)
        if run[0] == "erase":  # a code that matches nothing is refused, in words
            assert done.returncode == 1 and "NO-SUCH-CODE" not in done.stderr + "x", done
            continue
        assert done.returncode == 0, (run, done.stderr, done.stdout)
    with app.app_context():
        assert db.session.scalar(select(func.count(ConcernAlert.id))) == alerts_before + 1
    outcomes = json.loads(_heard(database_url, tmp_path, *runs[5]).stdout)
    listened = [r for r in outcomes if r["statement"] == "Children who felt listened to"]
    assert listened, outcomes
    assert {(r["numerator"], r["denominator"]) for r in listened} == {(24, 30)}
    exported = (tmp_path / "out.csv").read_text(encoding="utf-8")
    # 60 closed answers, 13 texts, 12 flagged ones and the new one (withheld), the header
    assert len(exported.splitlines()) == 87 and FLAGGED not in exported
    assert "<strong>80%</strong> Children who felt listened to" in re.sub(
        r"\s+", " ", (tmp_path / "b.html").read_text(encoding="utf-8")
    )
