"""Write llms.txt for AI agents from the nav and the front matter."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from backguide.build import site_build
from backguide.llms_txt import llms_txt, nav_sections

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation


def on_nav(nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
    site_build(config).nav = nav
    return nav


def on_post_build(*, config: MkDocsConfig) -> None:
    nav = site_build(config).nav
    sections = nav_sections(nav.items) if nav else []
    text = llms_txt(config.site_name, config.site_description or "", sections)
    (Path(config.site_dir) / "llms.txt").write_text(text, encoding="utf-8")
