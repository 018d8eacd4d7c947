"""What every test needs to know about the project: where it is, and how to build it."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The hooks import each other as plain modules, as MkDocs loads them; the tests do the same.
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT))  # the audit package, whose checks the tests prove can fail
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The tests build for the address their own server will use, whatever SITE_URL the
# deployment sets, so canonical links and instant navigation match what the browser sees.
TEST_PORT = free_port()
SITE_URL = f"http://127.0.0.1:{TEST_PORT}/"


def build_site(config_file: Path, site_dir: Path, **overrides) -> Path:
    """Build a site the way `mkdocs build --strict` does and return its folder."""
    overrides.setdefault("site_url", SITE_URL)
    config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True, **overrides)
    build(config)
    return site_dir


# What a build needs from the project; tests copy it to change pages without touching the real ones.
PROJECT_FILES = ("mkdocs.yml", "docs", "includes", "hooks", "overrides")


def copy_project(dest: Path, extra: tuple[str, ...] = ()) -> Path:
    import shutil

    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES + extra:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / name)
    return dest


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
