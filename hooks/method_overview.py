"""Fill the `<!-- method-overview -->` marker with a card per method page, built from front matter.

A new method page shows up on the home page without anyone editing the home page.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from at_a_glance import labels
from facts import BACK_REGION, EQUIPMENT, POSITION
from method_pages import Methods, in_method_order, link, method_pages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

MARKER = "<!-- method-overview -->"

# Every method page's front matter, gathered before any page is rendered.
_methods: Methods = {}


# Hooks


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    _methods.clear()  # mkdocs serve keeps this module between rebuilds
    _methods.update(method_pages(files))
    return files


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, overview_markdown(_methods, page.file.src_uri))


# Helpers


def overview_markdown(methods: Methods, from_uri: str) -> str:
    """Material grid cards, one per method, with links relative to the page that shows them."""
    cards = []
    for src_uri, meta in in_method_order(methods).items():
        facts = (
            ("You need", labels(meta.get("equipment"), EQUIPMENT)),
            ("Position", labels(meta.get("position"), POSITION)),
            ("Works on", labels(meta.get("back_region"), BACK_REGION)),
        )
        lines = "\n".join(f"    **{name}:** {escape(', '.join(values))}  " for name, values in facts)
        cards.append(f"-   **[{escape(str(meta.get('title', src_uri)))}]({link(src_uri, from_uri)})**\n\n    ---\n\n{lines}")
    return '<div class="grid cards method-overview" markdown>\n\n' + "\n\n".join(cards) + "\n\n</div>"
