"""Shared fixtures: the real site is built once per test session, into a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from project import ROOT, build_site


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("site"))
