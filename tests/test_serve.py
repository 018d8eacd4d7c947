"""`make serve` never freezes: every kind of author mistake shows on its page, and the other pages keep serving.

One preview server (`python -m backguide.serve`, what `make serve` runs) over a copy of the
project; each test makes one mistake, waits for the page to show it, checks that the home
page and the chair page still answer within 2 s, and undoes it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from html import escape
from pathlib import Path

import pytest
from project import copy_project, free_port

from support import processes

# (file, text to replace, its replacement, the address that shows the problem, words of the message)
MISTAKES = {
    "a safety warning removed": (
        "docs/methods/chair.md", '--8<-- "stop-if-painful.md"', "", "/methods/chair/",
        "the 'Stop if it hurts' warning is missing above the first step",
    ),
    "an include misspelled": (
        "docs/methods/chair.md", '"disc-problems.md"', '"disc-problem.md"', "/methods/chair/",
        'includes "disc-problem.md", which is not in includes/; did you mean "disc-problems.md"?',
    ),
    "a lone snippet marker": (
        "docs/methods/chair.md", '--8<-- "red-flags.md"', '--8<-- "red-flags.md"\n\n--8<--', "/methods/chair/",
        "because a line '--8<--' on its own above it starts a list of files",
    ),
    "a tab in front matter": (
        "docs/rules.md", "title: General", "title:\tGeneral", "/rules/",
        "front matter is not valid YAML (found character '\\t' that cannot start any token, column 7)",
    ),
    "an unclosed quote in front matter": (
        "docs/methods/floor.md", 'Lying on the Floor"', 'Lying on the Floor', "/methods/floor/",
        "a quote is opened and never closed",
    ),
    "a front matter key misspelled": (
        "docs/methods/standing.md", "back_region:", "back_regoin:", "/methods/standing/",
        "front matter has 'back_regoin', which no part of the site reads; did you mean 'back_region'?",
    ),
    "a drawing marker naming no pose": (
        "docs/methods/sitting.md", "<!-- drawing: sitting-twist -->", "<!-- drawing: sitting-twisted -->", "/methods/sitting/",
        "sitting-twisted",
    ),
    "a tab in a poses file": (
        "docs/methods/chair.poses.yml", "  view: {from: right side}", "\tview: {from: right side}", "/methods/chair/",
        "found character '\\t' that cannot start any token; replace the tab with spaces",
    ),
    "a joint out of range in a poses file": (
        "docs/methods/floor.poses.yml", "{hip: 60, out: -30, knee: 115}", "{hip: 60, out: -30, knee: -120}", "/methods/floor/",
        "left_leg knee is -120, outside 0 to 155 (0 straight; a knee bends one way only); use a number in that range",
    ),
    "a heading id used twice": (
        "docs/methods/chair.md", "## Good to know {#good-to-know}", "## Good to know {#steps}", "/methods/chair/",
        'has the id "steps" 2 times',
    ),
    "a plain http link": (
        "docs/help.md", "This guide is for general reading", "See [the NHS](http://www.nhs.uk/).\n\nThis guide is for general reading",
        "/help/", "links to http://www.nhs.uk/ with plain http",
    ),
    "a link to no page": (
        "docs/rules.md", "These rules apply", "See [help](helps.md).\n\nThese rules apply", "/rules/",
        "links to helps.md, which is no page of the guide; did you mean help.md?",
    ),
    "a sentence CONTENT.md does not list": (
        "docs/methods/foam-roller.md", "## Good to know", "Crack your neck too.\n\n## Good to know", "/methods/foam-roller/",
        'says "Crack your neck too.", which is not a sentence of the source',
    ),
    "steps on a page that is not a method page": (
        "docs/methods/index.md", "<!-- method-finder -->", "<!-- method-finder -->\n\n1. Lean back hard.", "/methods/",
        "has numbered steps",
    ),
}


class Server:
    """`python -m backguide.serve` on a copy of the project, its log read in the background."""

    def __init__(self, project: Path) -> None:
        self.project = project
        self.port = free_port()
        self.lines: list[str] = []
        self.process = processes.start(
            [sys.executable, "-m", "backguide.serve", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=project,
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1:{self.port}/"},
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stderr:
            self.lines.append(line)

    def log(self) -> str:
        return "".join(self.lines)

    def fetch(self, path: str, timeout: float = 10) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=timeout) as response:
            return response.read().decode()

    def wait_until(self, path: str, shows: str, present: bool = True, timeout: float = 90) -> str:
        deadline = time.monotonic() + timeout
        page = ""
        while time.monotonic() < deadline:
            try:
                page = self.fetch(path)
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                page = ""  # between two servers, or mid-rebuild
            if (shows in page) is present and page:
                return page
            time.sleep(0.3)
        raise AssertionError(f"{path} never {'showed' if present else 'stopped showing'} {shows!r}; server log:\n{self.log()[-3000:]}")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    project = copy_project(tmp_path_factory.mktemp("serve"), extra=("CONTENT.md", "source", "audit"))
    running = Server(project)
    try:
        running.wait_until("/", "How to Crack Your Own Back")
        yield running
    finally:
        # The preview and the mkdocs serve it started, as one process group.
        processes.stop(running.process)


@pytest.mark.parametrize("mistake", MISTAKES)
def test_a_mistake_shows_on_its_page_and_every_other_page_keeps_serving(server: Server, mistake: str) -> None:
    file, old, new, address, message = MISTAKES[mistake]
    source = server.project / file
    original = source.read_text()
    assert old in original, f"{file} no longer has {old!r}"
    source.write_text(original.replace(old, new, 1))
    try:
        shown = server.wait_until(address, escape(message, quote=True))
        assert "This page cannot be published yet" in shown
        assert message in server.log(), "the terminal says what the page shows"
        assert "Traceback" not in server.log()
        for other in ("/", "/methods/chair/"):
            started = time.monotonic()
            server.fetch(other, timeout=2)
            assert time.monotonic() - started < 2
        assert server.process.poll() is None
    finally:
        source.write_text(original)
    server.wait_until(address, "This page cannot be published yet", present=False)


def test_a_code_edit_takes_effect_without_restarting_by_hand(server: Server) -> None:
    hook = server.project / "hooks" / "llms_txt.py"
    original = hook.read_text()
    marker = "Edited while the preview ran."
    hook.write_text(original.replace('    text = llms_txt(', f'    text = "{marker}\\n" + llms_txt(', 1))
    try:
        server.wait_until("/llms.txt", marker)
        assert "starting mkdocs serve again" in server.log()
    finally:
        hook.write_text(original)
    server.wait_until("/llms.txt", marker, present=False)
