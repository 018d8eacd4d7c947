"""Shared fixtures, and one rule for CI: a skipped test is a failed test there.

The real site is built once per test session, into a temporary folder, by the one build
that ships (backguide.ship.build_site, as `make build`, the audit and the Pages workflow
build it). Without the optimiser on a laptop, that build is the plain site, and the run
says so once at its end. A skip says a tool or a file is missing (Chromium, Java, the
audit's Node tools, the owner's text in ../shared); on a developer's machine that is a
note, in CI (`CI=true`, set by the runner and by .ci/run) it means the check never ran,
so it fails with the skip's reason.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from project import ROOT, SITE_URL

from backguide import ship

# Why the session's site is not the one that ships, if it is not: said once, at the end.
_NOT_AS_SHIPPED: list[str] = []


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as it ships (optimised and checked), built for the tests' own address."""
    shipped = ship.build_site(tmp_path_factory.mktemp("build") / "site", config_file=ROOT / "mkdocs.yml", site_url=SITE_URL)
    if not shipped.ships_as_built:
        _NOT_AS_SHIPPED.append(shipped.skipped or "")
    return shipped.site


@pytest.fixture(scope="session")
def optimised_site(site: Path) -> Path:
    """The built site, which must be optimised; without the optimiser locally, the test skips."""
    if _NOT_AS_SHIPPED:
        pytest.skip(f"the site optimiser did not run: {_NOT_AS_SHIPPED[0]}")
    return site


def pytest_terminal_summary(terminalreporter) -> None:
    if _NOT_AS_SHIPPED:
        terminalreporter.write_line(
            f"NOTE: the site these tests built is not the one that ships; the optimiser did not run: {_NOT_AS_SHIPPED[0]}",
            yellow=True,
        )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail") and os.environ.get("CI") == "true":
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where every check must run: {reason}"
