"""`make build` and `make test` install the optimiser themselves where npm is present, and say what is missing where not."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from project import ROOT


def make_dry_run(target: str, path: str) -> str:
    """What `make -n <target>` would run, with this PATH."""
    run = subprocess.run(["make", "-n", target], cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PATH": path})
    return run.stdout + run.stderr


@pytest.mark.parametrize("target", ["build", "test"])
def test_with_npm_make_installs_the_optimiser_from_its_lock_file(target: str) -> None:
    if not shutil.which("npm"):
        pytest.skip("npm is not installed here")
    marker = ROOT / "optimise" / "node_modules" / ".installed-from-lock"
    planned = subprocess.run(["make", "-n", "-W", "optimise/package-lock.json", target], cwd=ROOT, capture_output=True, text=True).stdout
    assert "npm ci" in planned, f"make {target} would not install the optimiser (installed already: {marker.exists()})"


@pytest.mark.parametrize("target", ["build", "test"])
def test_without_npm_one_line_says_what_is_missing(target: str, tmp_path: Path) -> None:
    tools = tmp_path / "bin"
    tools.mkdir()
    for tool in ("make", "sh", "git", "python3"):
        found = shutil.which(tool)
        if found:
            (tools / tool).symlink_to(found)
    planned = make_dry_run(target, str(tools))
    assert "npm ci" not in planned
    lines = [line for line in planned.splitlines() if "npm is not installed" in line]
    assert len(lines) == 1 and "apt-get install nodejs npm" in lines[0]
