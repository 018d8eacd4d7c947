"""Index the built site for search with Pagefind (backguide/search.py), and write the urgent answer's words (backguide/urgent_answer.py)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from backguide.build import site_build
from backguide.search import index_site
from backguide.urgent_answer import WordsError, write_answers

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
    # The urgent answer's words, beside the index: loaded with search, never before.
    try:
        write_answers(Path(config.site_dir))
    except WordsError as wrong:
        raise PluginError(f"Search: {wrong}") from None
