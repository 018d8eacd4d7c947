"""Put the "At a glance" box, from the front matter, under each method page's title."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backguide.glance import with_glance_box
from backguide.site import is_method_page

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not is_method_page(page.file.src_uri, page.meta):
        return markdown
    return with_glance_box(markdown, page.meta)
