"""Fill `<!-- method-overview -->` and `<!-- method-finder -->` with the method pages of this build."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backguide.build import site_build
from backguide.drawings import pictures
from backguide.method_lists import fill_markers
from backguide.site import method_pages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "<!-- method-" not in markdown:
        return markdown
    build = site_build(config)
    return fill_markers(markdown, method_pages(build.pages), page.file.src_uri, pictures(build.drawings))
