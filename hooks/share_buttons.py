"""A share button under each method page's title and under each of its step sections."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from backguide.share_buttons import add_share_buttons
from backguide.site import is_method_page

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


@event_priority(-10)  # after the glance box, so the title's button sits right under the title
def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not is_method_page(page.file.src_uri, page.meta):
        return markdown
    # The front matter title is the method's full name; page.title may be the short nav label.
    title = str(page.meta.get("title") or page.title or "")
    return add_share_buttons(markdown, page.canonical_url or "", title)
