"""What the tests share: the address their server uses, and builds of the project or of a copy.

The `site` fixture (conftest.py) is the whole shipping build (backguide.ship.build_site).
`build_site` here is its MkDocs step alone, for tests of what MkDocs and the hooks write,
on the project or on a copy a test changed (support.project.copy_project).
"""

from __future__ import annotations

import os
from pathlib import Path

from backguide.ship import mkdocs_build
from support.ports import free_port
from support.project import ROOT, copy_project  # noqa: F401  (shared with the tests)

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# The tests build for the address their own server will use, whatever SITE_URL the
# deployment sets, so canonical links and instant navigation match what the browser sees.
TEST_PORT = free_port()
SITE_URL = f"http://127.0.0.1:{TEST_PORT}/"


def build_site(config_file: Path, site_dir: Path, **overrides) -> Path:
    """`mkdocs build --strict` of a project, in this process, for the tests' address unless told another."""
    overrides.setdefault("site_url", SITE_URL)
    mkdocs_build(config_file, site_dir, **overrides)
    return site_dir


def gate_error(config_file: Path, site_dir: Path, **overrides) -> str:
    """Build a site that must fail, and return the PluginError message that stopped it.

    MkDocs logs a PluginError and turns it into Abort (a SystemExit), so the error is
    found as the Abort's cause.
    """
    from mkdocs.exceptions import Abort, PluginError

    try:
        build_site(config_file, site_dir, **overrides)
    except Abort as abort:
        cause = abort.__context__
        assert isinstance(cause, PluginError), f"the build stopped, but not with a PluginError: {cause!r}"
        return str(cause)
    raise AssertionError("the build passed, but it must have stopped with a PluginError")
