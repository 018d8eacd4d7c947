"""Servers a test starts, each in its own process group, and stopped with everything it started.

`mkdocs serve` under `python -m backguide.serve` is two processes; stopping only the first
left the second serving after the test run. So a server is started as the leader of a new
process group, and stopped by signalling the whole group: the server, its children and
theirs. Every server started here is also stopped when the test process exits, whichever
way it exits (`atexit`, and SIGTERM or SIGHUP turned into an ordinary exit).

`leftover_servers(folders)` lists the `mkdocs serve` processes still running in any of the
given folders: the test session's last check (tests/conftest.py).
"""

from __future__ import annotations

import atexit
import os
import signal
import subprocess
import sys
from pathlib import Path

_RUNNING: list[subprocess.Popen] = []


def start(command: list[str], **options) -> subprocess.Popen:
    """`subprocess.Popen(command, **options)` as the leader of its own process group, stopped at exit at the latest."""
    process = subprocess.Popen(command, start_new_session=True, **options)
    _RUNNING.append(process)
    return process


def stop(process: subprocess.Popen, timeout: float = 20) -> None:
    """Stop the process and every process of its group: SIGTERM, then SIGKILL after `timeout` seconds."""
    for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 10)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue
        # The leader is gone; its children may outlive it for a moment, or ignore SIGTERM.
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        break
    if process in _RUNNING:
        _RUNNING.remove(process)


def stop_all() -> None:
    for process in list(_RUNNING):
        stop(process, timeout=5)


def _exit_on_signal(signum: int, frame: object) -> None:
    # An ordinary exit: `finally` blocks, fixtures' teardown and atexit all run.
    raise SystemExit(128 + signum)


def stop_servers_at_exit() -> None:
    """Stop every server this process started when it exits, also on SIGTERM and SIGHUP (Ctrl-C raises by itself)."""
    atexit.register(stop_all)
    for sig in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(sig) in (signal.SIG_DFL, None):
            signal.signal(sig, _exit_on_signal)


def started_at(pid: int) -> int:
    """When a process started, in clock ticks since boot (Linux's /proc/<pid>/stat, field 22)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    return int(stat.rsplit(")", 1)[1].split()[19])


def leftover_servers(folders: list[Path], started_after: int | None = None) -> list[str]:
    """Each `mkdocs serve` (or `backguide.serve`) running in one of `folders`: 'pid cwd command'.

    With `started_after` (see `started_at`), only those started since: an author's own
    `make serve`, started before the test run, is theirs, not a leftover.
    """
    if not sys.platform.startswith("linux"):
        return []
    roots = [str(folder.resolve()) for folder in folders]
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            arguments = (entry / "cmdline").read_bytes().split(b"\0")
            cwd = os.readlink(entry / "cwd").removesuffix(" (deleted)")
            if started_after is not None and started_at(int(entry.name)) < started_after:
                continue
        except (OSError, ValueError, IndexError):  # gone meanwhile, or not ours to read
            continue
        words = [word.decode(errors="replace") for word in arguments if word]
        serving = ("mkdocs" in " ".join(words) and "serve" in words) or "backguide.serve" in words
        if serving and any(cwd == root or cwd.startswith(root + os.sep) for root in roots):
            found.append(f"{entry.name} {cwd} {' '.join(words)}")
    return sorted(found)
