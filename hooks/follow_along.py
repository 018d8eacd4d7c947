"""Follow along: give each method page the template its view is made from (backguide/follow_along.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from backguide.follow_along import with_follow_along
from backguide.site import is_method_page

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


@event_priority(-50)  # after the drawings, and before the safety gate (-100), which checks the template too
def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not is_method_page(page.file.src_uri, page.meta):
        return html
    return with_follow_along(html, page.meta, page.url)
