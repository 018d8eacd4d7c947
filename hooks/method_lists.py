"""Fill `<!-- method-overview -->` and `<!-- method-finder -->` with the method pages of this build."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backguide.build import site_build
from backguide.method_lists import fill_markers
from backguide.site import method_pages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return fill_markers(markdown, method_pages(site_build(config).pages), page.file.src_uri)
