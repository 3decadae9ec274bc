"""How Heard starts (a worker or a `heard` command): what it imports, and the garbage
collector around start-up."""

from __future__ import annotations

import gc
import json
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from feedback import cli

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
