"""Tests clean up: a preview server a test starts is stopped with everything it started, however the test ends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from project import copy_project, free_port

from support import processes


def serving(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5):
            return True
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def wait_for(condition, timeout: float = 120) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


def start_preview(project: Path, port: int) -> subprocess.Popen:
    """What `make serve` runs, as a plain child: not in a group of its own, so only its own handling can stop mkdocs serve."""
    return subprocess.Popen(
        [sys.executable, "-m", "backguide.serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1:{port}/"},
    )


def test_stopping_the_preview_with_sigterm_stops_the_mkdocs_serve_it_started(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", extra=("CONTENT.md", "source", "audit"))
    port = free_port()
    preview = start_preview(project, port)
    try:
        assert wait_for(lambda: serving(port)), "the preview never served"
        assert len(processes.leftover_servers([project])) == 2  # backguide.serve and its mkdocs serve
        preview.send_signal(signal.SIGTERM)  # what a test's fixture, or a closed terminal, sends
        preview.wait(timeout=30)
        assert wait_for(lambda: not processes.leftover_servers([project]), timeout=15), processes.leftover_servers([project])
        assert not serving(port)
    finally:
        if preview.poll() is None:
            preview.kill()
        for line in processes.leftover_servers([project]):
            os.kill(int(line.split()[0]), signal.SIGKILL)


SCRIPT = """
import sys, time
from support import processes
processes.stop_servers_at_exit()
processes.start([sys.executable, "-m", "backguide.serve", "--dev-addr", "127.0.0.1:" + sys.argv[1]], cwd=sys.argv[2])
print("started", flush=True)
time.sleep(600)
"""


def test_a_test_process_killed_mid_run_stops_the_servers_it_started(tmp_path: Path) -> None:
    """A test run ended by SIGTERM (a CI timeout, a closed terminal) takes its servers with it."""
    project = copy_project(tmp_path / "project", extra=("CONTENT.md", "source", "audit"))
    port = free_port()
    runner = subprocess.Popen([sys.executable, "-c", SCRIPT, str(port), str(project)], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        assert runner.stdout.readline().strip() == "started"
        assert wait_for(lambda: serving(port)), "the server never served"
        runner.send_signal(signal.SIGTERM)
        runner.wait(timeout=60)
        assert wait_for(lambda: not processes.leftover_servers([project]), timeout=15), processes.leftover_servers([project])
    finally:
        if runner.poll() is None:
            runner.kill()
        for line in processes.leftover_servers([project]):
            os.kill(int(line.split()[0]), signal.SIGKILL)


def test_a_server_started_before_the_run_is_the_authors_not_a_leftover(tmp_path: Path) -> None:
    """The session's last check (conftest.py) counts only servers started since the run began."""
    fake = processes.start([sys.executable, "-c", "import time; time.sleep(60)", "mkdocs", "serve"], cwd=tmp_path)
    try:
        assert wait_for(lambda: len(processes.leftover_servers([tmp_path])) == 1, timeout=10)
        began = processes.started_at(fake.pid)
        assert processes.leftover_servers([tmp_path], started_after=began) != []
        assert processes.leftover_servers([tmp_path], started_after=began + 1) == []
    finally:
        processes.stop(fake)
    assert processes.leftover_servers([tmp_path]) == []
