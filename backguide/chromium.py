"""The one browser every part of the project drives: the rendered gate, the browser tests, the
audit, the drawings' review sheet and the bench. One list of flags, one way to find it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

# Debian's chromium as root in CI, with nothing that reaches the network on its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def find_chromium() -> str | None:
    """Debian's chromium, or the browser CHROMIUM names (GitHub's runners have google-chrome)."""
    named = os.environ.get("CHROMIUM")
    if named:
        return named if Path(named).exists() else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if found := shutil.which(name):
            return found
    return None
