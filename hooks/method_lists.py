"""Fill the pages' method-list markers from the method pages' front matter.

`<!-- method-overview -->` becomes the home page's cards (method_overview.py) and
`<!-- method-finder -->` the "Find a method" groups (method_finder.py). Both read the
same front matter, gathered once per build, so the two lists always agree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from method_finder import finder_markdown
from method_overview import overview_markdown
from method_pages import Methods, method_pages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

# marker -> what replaces it, given the methods and the page that shows them
RENDERERS: dict[str, Callable[[Methods, str], str]] = {
    "<!-- method-overview -->": overview_markdown,
    "<!-- method-finder -->": finder_markdown,
}

# Every method page's front matter, gathered before any page is rendered.
_methods: Methods = {}


# Hooks


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    _methods.clear()  # mkdocs serve keeps this module between rebuilds
    _methods.update(method_pages(files))
    return files


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    for marker, render in RENDERERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, render(_methods, page.file.src_uri))
    return markdown
