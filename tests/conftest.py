"""Shared fixtures, and one rule for CI: a skipped test is a failed test there.

The real site is built once per test session, into a temporary folder. A skip says a tool
or a file is missing (Chromium, Java, the audit's Node tools, the owner's text in ../shared);
on a developer's machine that is a note, in CI (`CI=true`, set by the runner and by
.ci/run) it means the check never ran, so it fails with the skip's reason.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from project import ROOT, build_site

from backguide import optimise


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as `make build` ships it: optimised when the optimiser is installed (always in CI)."""
    built = build_site(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("site"))
    try:
        optimise.optimise_site(built)
    except optimise.OptimiserMissing:
        if optimise.required():
            raise
    return built


@pytest.fixture(scope="session")
def optimised_site(site: Path) -> Path:
    """The built site, which must be optimised; without the optimiser locally, the test skips."""
    if not optimise.is_optimised(site):
        pytest.skip(f"the site optimiser is not installed: {optimise.INSTALL_HINT}")
    return site


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail") and os.environ.get("CI") == "true":
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where every check must run: {reason}"
