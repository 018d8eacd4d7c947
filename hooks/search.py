"""Index the built site for search with Pagefind (backguide/search.py)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from backguide.build import site_build
from backguide.search import index_site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


# After mkdocs-redirects and the other hooks write their files (priority 0), before the CSP
# hook (-100), which must stay last. The index reads only the pages from docs/, whose text
# is the same with or without their CSP tag.
@event_priority(-50)
def on_post_build(*, config: MkDocsConfig) -> None:
    try:
        index_site(Path(config.site_dir), site_build(config).pages)
    except RuntimeError as failed:
        raise PluginError(f"Search: {failed}") from None
