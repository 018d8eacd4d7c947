"""The tools `make audit` installs, for the tests that show each audit check can fail."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def audit_tool(path: Path, what: str) -> Path:
    """A tool `make audit` installs (npm ci, apt-get); a skip without it, a failure if REQUIRE_AUDIT_TOOLS=1."""
    if path.exists():
        return path
    reason = f"no {what} at {path}: run `make audit-tools` (npm ci in audit/) or install it with apt-get"
    if os.environ.get("REQUIRE_AUDIT_TOOLS") == "1":
        pytest.fail(f"REQUIRE_AUDIT_TOOLS=1 but {reason}")
    pytest.skip(reason)
