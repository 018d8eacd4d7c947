"""Browser fixtures: Debian's Chromium driven by Playwright, over the built site on a local server.

Without Chromium the browser tests skip and say why; with REQUIRE_BROWSER=1 (as in CI)
a missing Chromium fails them instead. No browser is ever downloaded.
"""

from __future__ import annotations

import os
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Iterator

import pytest

from backguide.chromium import CHROMIUM_ARGS, find_chromium
from project import ROOT, TEST_PORT
from waits import HAS_SCRIPTS, material_started

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
# Screenshots and PDFs for a person to look at after a run.
OUTPUT = ROOT / "test-results"


@pytest.fixture(scope="session")
def chromium() -> str:
    path = find_chromium()
    if path and Path(path).exists():
        return path
    reason = "no Chromium: install Debian's 'chromium' package or set CHROMIUM to its path"
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


class Served:
    """The folder the test server serves; a test may swap in another build, as a deploy does."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder


class SiteHandler(SimpleHTTPRequestHandler):
    served: Served  # set on the subclass each server makes

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, directory=str(self.served.folder), **kwargs)

    def log_message(self, format: str, *args: object) -> None:
        pass


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        """A page closed mid-download (a test moving on) is no error; anything else is printed."""
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def served(site: Path) -> Iterator[Served]:
    """The built site on http://127.0.0.1:TEST_PORT/, the address it was built for."""
    holder = Served(site)
    handler = type("Handler", (SiteHandler,), {"served": holder})
    server = SiteServer(("127.0.0.1", TEST_PORT), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield holder
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def base_url(served: Served) -> str:
    return f"http://127.0.0.1:{TEST_PORT}/"


@pytest.fixture(scope="session")
def browser(chromium: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _page(browser, base_url: str, **context_options):
    """A page that records every request to another host and blocks it."""
    context = browser.new_context(base_url=base_url, **context_options)
    foreign: list[str] = []

    def route(route_):
        if route_.request.url.startswith(base_url) or route_.request.url.startswith(("data:", "blob:")):
            route_.continue_()
        else:
            foreign.append(route_.request.url)
            route_.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.foreign_requests = foreign
    page.goto = _waiting_for_material(page, page.goto)
    return context, page


# The theme's scripts start after the first paint (backguide.first_paint), a moment after the
# load event Playwright waits for; a test, like a reader's tap, acts once Material has started.
def _waiting_for_material(page, goto):
    def goto_and_wait(url: str, **options):
        response = goto(url, **options)
        if options.get("wait_until", "load") in ("load", "networkidle") and page.evaluate(HAS_SCRIPTS):
            material_started(page)
        return response

    return goto_and_wait


@pytest.fixture
def phone(browser, base_url: str):
    context, page = _page(
        browser, base_url, viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    yield page
    context.close()


@pytest.fixture
def desktop(browser, base_url: str):
    context, page = _page(browser, base_url, viewport=DESKTOP)
    yield page
    context.close()


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT


# Lines a test wants a person to read after the run (e.g. the search hit rate), shown in
# pytest's summary whether or not output is captured.
_REPORT: list[str] = []


@pytest.fixture
def report() -> Callable[[str], None]:
    return _REPORT.append


def pytest_terminal_summary(terminalreporter) -> None:
    for line in _REPORT:
        terminalreporter.write_line(line)
