"""Shared fixtures: the real site is built once per test session, into a temporary folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The hooks import each other as plain modules, as MkDocs loads them; the tests do the same.
sys.path.insert(0, str(ROOT / "hooks"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402


# The tests build for this address whatever SITE_URL the deployment sets.
SITE_URL = "http://127.0.0.1:8000/"


def build_site(config_file: Path, site_dir: Path, **overrides) -> Path:
    """Build a site the way `mkdocs build --strict` does and return its folder."""
    overrides.setdefault("site_url", SITE_URL)
    config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True, **overrides)
    build(config)
    return site_dir


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("site"))
