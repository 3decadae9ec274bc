"""Run a command and write its own peak memory: `python -S bench/rss.py OUT -- CMD...`.

Why a launcher: on Linux a child's ru_maxrss starts from the RSS of the process that
forked it, so a command started straight from a bench process that holds seeded data
would be charged that process's memory. This launcher is tiny (no site, no imports
beyond the standard library's core), so the figure it writes is the command's own.
OUT receives one JSON line: {"rc": ..., "peak_rss_kib": ..., "cpu_s": ...} (user + system
CPU seconds of the command: on a shared machine, the figure that other load does not
stretch).
"""

import json
import os
import sys


def main() -> None:
    out, sep, *cmd = sys.argv[1:]
    assert sep == "--" and cmd, "usage: rss.py OUT -- CMD..."
    pid = os.fork()
    if pid == 0:
        try:
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    with open(out, "w") as f:
        f.write(
            json.dumps(
                {
                    "rc": os.waitstatus_to_exitcode(status),
                    "peak_rss_kib": usage.ru_maxrss,
                    "cpu_s": usage.ru_utime + usage.ru_stime,
                }
            )
            + "\n"
        )
    sys.exit(0)


if __name__ == "__main__":
    main()
