"""What the tests share: the address their server uses, and builds that must fail."""

from __future__ import annotations

import os
import socket
from pathlib import Path

from backguide import project

# The project these tests belong to: this checkout, or a copy a test made of it.
ROOT = Path(__file__).resolve().parent.parent

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The tests build for the address their own server will use, whatever SITE_URL the
# deployment sets, so canonical links and instant navigation match what the browser sees.
TEST_PORT = free_port()
SITE_URL = f"http://127.0.0.1:{TEST_PORT}/"


def copy_project(dest: Path, extra: tuple[str, ...] = ()) -> Path:
    return project.copy_project(dest, extra, source_root=ROOT)


def build_site(config_file: Path, site_dir: Path, **overrides) -> Path:
    overrides.setdefault("site_url", SITE_URL)
    return project.build_site(config_file, site_dir, **overrides)


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
