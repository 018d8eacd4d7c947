"""The project on disk, and copies of it that a test or a bench changes and builds."""

from __future__ import annotations

import shutil
from pathlib import Path

# This checkout, or the copy a test made of it (a copy holds this folder too).
ROOT = Path(__file__).resolve().parent.parent
# What a build needs from the project; a copy lets a test change pages without touching the real ones.
PROJECT_FILES = ("mkdocs.yml", "docs", "includes", "hooks", "overrides", "backguide")


def copy_project(dest: Path, extra: tuple[str, ...] = ()) -> Path:
    """A copy of the project's build inputs (and `extra` files) in dest, ready to change and build."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES + extra:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
        else:
            shutil.copy2(source, dest / name)
    return dest
