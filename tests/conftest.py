"""Shared fixtures: the real site is built once per test session, into a temporary folder."""

from __future__ import annotations

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
    if not any(site.glob("assets/stylesheets/site.*.css")):
        pytest.skip(f"the site optimiser is not installed: {optimise.INSTALL_HINT}")
    return site
