"""Profile where a request's time goes, without a server: `python -m bench.profile submit`.

Runs whole surveys through Heard's WSGI app in this process (the same client code as the
load test, minus the network) on a fresh SQLite database, and prints the CPU time per
request kind and a pyinstrument profile (also written to bench/profiles/<name>.txt).
`python -m bench.profile command --size N -- ARGS` profiles `heard ARGS` on N seeded
responses instead (see --help).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path
from typing import Any

from bench.load import Client, Tally
from bench.server import heard_env, prepare, remove_scratch, scratch_dir

HERE = Path(__file__).resolve().parent
PROFILES = HERE / "profiles"


class _WsgiConnection:
    """Enough of http.client.HTTPConnection to drive a WSGI app in-process."""

    def __init__(self, app: Any) -> None:
        self.client = app.test_client(use_cookies=False)
        self._reply: Any = None

    def request(self, method: str, path: str, body: Any = None, headers: Any = None) -> None:
        headers = dict(headers or {})
        headers.pop("Host", None)
        self._reply = self.client.open(path, method=method, data=body, headers=headers)

    def getresponse(self) -> Any:
        reply = self._reply

        class _R:
            status = reply.status_code

            def read(self) -> bytes:
                return reply.get_data()

            def getheader(self, name: str, default: str | None = None) -> str | None:
                return reply.headers.get(name, default)

            def getheaders(self) -> list[tuple[str, str]]:
                return list(reply.headers.items())

        return _R()

    def close(self) -> None:
        pass


def profile_submit(surveys: int, definition: Path, slug: str) -> str:
    """Complete `surveys` surveys in-process under pyinstrument; return the text report."""
    import os

    from pyinstrument import Profiler

    folder = scratch_dir("profile")
    url = f"sqlite:///{folder}/heard.sqlite"
    try:
        prepare(url, definition)
        os.environ.update(heard_env(url))
        from bench.wsgi import app

        tally = Tally()
        client = Client("http://127.0.0.1:1", slug, random.Random(1), tally)
        client.conn = _WsgiConnection(app)  # type: ignore[assignment]
        for _ in range(5):
            client.complete_survey()  # warm up: imports, lexicons, template cache
        tally.latencies.clear()
        profiler = Profiler(interval=0.0005)
        cpu0 = time.process_time()
        profiler.start()
        for _ in range(surveys):
            client.complete_survey()
        profiler.stop()
        cpu = time.process_time() - cpu0
        lines = [f"{surveys} surveys in-process: {cpu / surveys * 1000:.1f} ms CPU per survey"]
        for kind, xs in sorted(tally.latencies.items()):
            lines.append(f"  {kind:12} {sum(xs) / len(xs) * 1000:6.1f} ms mean wall, n={len(xs)}")
        return "\n".join(lines) + "\n\n" + profiler.output_text(unicode=False, color=False)
    finally:
        remove_scratch(folder)


def profile_command(size: int, heard_args: list[str]) -> str:
    """Seed children-8-11 to `size` responses, then run `heard ARGS` under pyinstrument."""
    import subprocess

    from bench.scale import SLUG, SURVEY
    from bench.seed import seed
    from bench.server import BIN

    folder = scratch_dir("profile-cmd")
    url = f"sqlite:///{folder}/heard.sqlite"
    try:
        prepare(url, SURVEY)
        seed(url, SLUG, size)
        out = folder / "profile.txt"
        args = [a.replace("{tmp}", str(folder)) for a in heard_args]
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pyinstrument",
                "-r",
                "text",
                "-o",
                str(out),
                str(BIN / "heard"),
                *args,
            ],
            env=heard_env(url),
            check=True,
        )
        return f"heard {' '.join(heard_args)} at {size:,} responses\n" + out.read_text()
    finally:
        remove_scratch(folder)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__,
        epilog="example: python -m bench.profile command --size 100000 "
        "--name export-csv -- export children-8-11 --format csv -o {tmp}/out.csv",
    )
    parser.add_argument("target", choices=["submit", "command"])
    parser.add_argument("--surveys", type=int, default=200)
    parser.add_argument("--survey-file", type=Path, default=HERE / "surveys" / "submit.yaml")
    parser.add_argument("--slug", default="bench-submit")
    parser.add_argument("--name", default="submit")
    parser.add_argument("--size", type=int, default=100_000, help="responses (command)")
    parser.add_argument("heard_args", nargs="*", help="after --: the heard command to profile")
    args = parser.parse_args(argv)
    if args.target == "command":
        report = profile_command(args.size, args.heard_args)
    else:
        report = profile_submit(args.surveys, args.survey_file, args.slug)
    PROFILES.mkdir(exist_ok=True)
    (PROFILES / f"{args.name}.txt").write_text(report)
    sys.stdout.write(report)


if __name__ == "__main__":
    main()
