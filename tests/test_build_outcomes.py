"""What a failed build leaves behind, and how `mkdocs serve` lives through a bad page."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from project import build_site, copy_project, gate_error
from support import processes
from support.ports import free_port

BREAK = ('--8<-- "stop-if-painful.md"', "")
VENV = Path(sys.prefix)


def break_page(project: Path, name: str = "chair.md") -> Path:
    page = project / "docs" / "methods" / name
    page.write_text(page.read_text().replace(*BREAK))
    return page


def test_a_failed_build_writes_no_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    site = build_site(project / "mkdocs.yml", tmp_path / "site")
    assert (site / "index.html").is_file()
    break_page(project)
    gate_error(project / "mkdocs.yml", site)
    # The gate stops the build before MkDocs writes anything: nothing, never a mix.
    assert list(site.iterdir()) == []


def make_build(project: Path) -> subprocess.CompletedProcess:
    stamp = VENV / ".installed-from-requirements"
    return subprocess.run(
        ["make", "build", f"VENV={VENV}", "-o", str(stamp)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "SITE_URL": "http://127.0.0.1:8000/"},
    )


def test_make_build_keeps_the_last_good_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path, extra=("Makefile", "requirements.txt"))
    assert make_build(project).returncode == 0
    good = (project / "site" / "methods" / "chair" / "index.html").read_text()

    break_page(project)
    result = make_build(project)
    assert result.returncode != 0
    assert "docs/methods/chair.md: the 'Stop if it hurts' warning is missing" in result.stderr
    assert (project / "site" / "methods" / "chair" / "index.html").read_text() == good
    assert not (project / ".site-next").exists()


class ServeLog:
    """The lines `mkdocs serve` logs, read in the background so the server never blocks."""

    def __init__(self, process: subprocess.Popen) -> None:
        self.lines: list[str] = []
        threading.Thread(target=self._read, args=(process,), daemon=True).start()

    def _read(self, process: subprocess.Popen) -> None:
        for line in process.stderr:
            self.lines.append(line)

    # Generous: on a loaded 2-core machine one rebuild of the site can take most of a minute.
    def wait_for(self, text: str, after: int = 0, timeout: float = 180) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for index, line in enumerate(self.lines[after:], start=after):
                if text in line:
                    return index
            time.sleep(0.1)
        raise AssertionError(f"mkdocs serve never logged {text!r}:\n{''.join(self.lines)}")


def start_serve(project: Path) -> tuple[subprocess.Popen, ServeLog, int]:
    port = free_port()
    process = processes.start(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return process, ServeLog(process), port


def fetch(port: int, path: str) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60) as response:
        return response.read().decode()


def test_serve_shows_a_refused_page_keeps_serving_and_recovers(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    process, log, port = start_serve(project)
    try:
        served = log.wait_for("Serving on")

        page = break_page(project)
        error = log.wait_for("docs/methods/chair.md: the 'Stop if it hurts' warning is missing", after=served)
        # Not "Documentation built": MkDocs' log drops it when two builds take the same time.
        built = log.wait_for("Reloading browsers", after=error)
        assert process.poll() is None, "the server stopped on a bad page"
        # The refused page says what is wrong and how to fix it; the other pages keep serving.
        refused = fetch(port, "/methods/chair/")
        assert "This page cannot be published yet" in refused
        assert "docs/methods/chair.md" in refused and "--8&lt;-- &quot;stop-if-painful.md&quot;" in refused
        assert "Stop if it hurts" in fetch(port, "/methods/floor/")

        # The same error on the next rebuild is printed again, in full (MkDocs' log would drop it).
        page.write_text(page.read_text() + "\n")
        again = log.wait_for("docs/methods/chair.md: the 'Stop if it hurts' warning is missing", after=built + 1)
        log.wait_for("Reloading browsers", after=again)

        # What the message says: the include, back inside the safety panel.
        panel = '<div class="safety-panel" markdown>\n'
        page.write_text(page.read_text().replace(panel, panel + '\n--8<-- "stop-if-painful.md"\n', 1))
        deadline = time.monotonic() + 180
        while "This page cannot be published yet" in fetch(port, "/methods/chair/") and time.monotonic() < deadline:
            time.sleep(0.2)
        assert "Stop if it hurts" in fetch(port, "/methods/chair/")
        assert "This page cannot be published yet" not in fetch(port, "/methods/chair/")
    finally:
        processes.stop(process)
