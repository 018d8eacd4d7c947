"""The project on disk, and real builds of it or of a copy: what tests and `make bench` build."""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from backguide.site import ROOT

# What a build needs from the project; a copy lets a test change pages without touching the real ones.
PROJECT_FILES = ("mkdocs.yml", "docs", "includes", "hooks", "overrides", "backguide")


def copy_project(dest: Path, extra: tuple[str, ...] = (), source_root: Path = ROOT) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES + extra:
        source = source_root / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
        else:
            shutil.copy2(source, dest / name)
    return dest


def build_site(config_file: Path, site_dir: Path, **overrides) -> Path:
    """Build a site the way `mkdocs build --strict` does, in this process, and return its folder."""
    config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True, **overrides)
    build(config)
    return site_dir
