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
import shutil
from pathlib import Path

import pytest
from project import ROOT, SITE_URL

from backguide import ship
from backguide.rendered import cache
from support import processes

# The copies and clones the tests build (and their `make build`s) keep the rendered gate's
# verdicts in this checkout's cache: a copy that ships the same bytes is not judged again.
os.environ.setdefault(cache.CACHE_VARIABLE, str(ROOT / ".cache"))

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


def pytest_configure(config: pytest.Config) -> None:
    # A run stopped by SIGTERM or SIGHUP (a closed terminal, a CI timeout) still tears down its
    # fixtures and stops the servers its tests started; Ctrl-C does so by itself.
    processes.stop_servers_at_exit()


# When this run started: a `make serve` the author started before it is not a leftover.
_STARTED = processes.started_at(os.getpid()) if os.path.exists("/proc/self/stat") else None
# Where this run's tests make their copies of the project (pytest's tmp_path root).
_TEMP_ROOTS: list[Path] = []


@pytest.fixture(scope="session", autouse=True)
def _temp_root(tmp_path_factory: pytest.TempPathFactory) -> None:
    _TEMP_ROOTS.append(tmp_path_factory.getbasetemp())


@pytest.hookimpl(trylast=True)  # after the session's fixtures are torn down, even on Ctrl-C
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """The run's last check: no `mkdocs serve` of the project, or of a copy a test made, outlives it.

    A server found is stopped, and the run fails.
    """
    leftovers = processes.leftover_servers([ROOT, *_TEMP_ROOTS], started_after=_STARTED)
    # Every temporary folder this run's tests made goes with it, passed or failed. (pytest's own
    # `tmp_path_retention_policy = none` would do it, but leaves the folder unlocked, and a
    # second run meanwhile, such as the integrator's, would delete it under this one.)
    for folder in _TEMP_ROOTS:
        shutil.rmtree(folder, ignore_errors=True)
    if leftovers:
        for line in leftovers:
            os.kill(int(line.split()[0]), 9)
        _LEFTOVERS.extend(leftovers)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


# `mkdocs serve` processes a test left running, found (and stopped) at the end of the run.
_LEFTOVERS: list[str] = []


def pytest_terminal_summary(terminalreporter) -> None:
    if _LEFTOVERS:
        terminalreporter.write_line(
            f"FAILED: {len(_LEFTOVERS)} mkdocs serve process(es) outlived their test (now stopped): " + "; ".join(_LEFTOVERS),
            red=True,
        )
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
