"""Fill the `<!-- method-overview -->` marker with a card per method page, built from front matter.

A new method page shows up on the home page without anyone editing the home page.
"""

from __future__ import annotations

import posixpath
from html import escape
from typing import TYPE_CHECKING, Any

from at_a_glance import labels
from facts import BACK_REGION, EQUIPMENT, POSITION
from mkdocs.utils.meta import get_data
from rules import is_method_page

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

MARKER = "<!-- method-overview -->"

# src_uri -> front matter of every method page, gathered before any page is rendered.
_methods: dict[str, dict[str, Any]] = {}


# Hooks


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    _methods.clear()  # mkdocs serve keeps this module between rebuilds
    for file in files.documentation_pages():
        _, meta = get_data(file.content_string)
        if is_method_page(file.src_uri, meta):
            _methods[file.src_uri] = meta
    return files


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, overview_markdown(_methods, page.file.src_uri))


# Helpers


def method_order(item: tuple[str, dict[str, Any]]) -> tuple[int, str]:
    src_uri, meta = item
    number = meta.get("method")
    return (number if isinstance(number, int) else 999, src_uri)


def overview_markdown(methods: dict[str, dict[str, Any]], from_uri: str) -> str:
    """Material grid cards, one per method, with links relative to the page that shows them."""
    here = posixpath.dirname(from_uri)
    cards = []
    for src_uri, meta in sorted(methods.items(), key=method_order):
        link = posixpath.relpath(src_uri, here or ".")
        facts = (
            ("You need", labels(meta.get("equipment"), EQUIPMENT)),
            ("Position", labels(meta.get("position"), POSITION)),
            ("Works on", labels(meta.get("back_region"), BACK_REGION)),
        )
        lines = "\n".join(f"    **{name}:** {escape(', '.join(values))}  " for name, values in facts)
        cards.append(f"-   **[{escape(str(meta.get('title', src_uri)))}]({link})**\n\n    ---\n\n{lines}")
    return '<div class="grid cards method-overview" markdown>\n\n' + "\n\n".join(cards) + "\n\n</div>"
