"""The method pages of a build and their front matter, read before any page is rendered.

The home page overview and the finder both list every method page; they read them
here, the same way, so the two lists always agree. Nothing here keeps state.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING, Any

from mkdocs.utils.meta import get_data
from rules import is_method_page

if TYPE_CHECKING:
    from mkdocs.structure.files import Files

Methods = dict[str, dict[str, Any]]  # src_uri -> front matter


def method_pages(files: Files) -> Methods:
    """Every method page's front matter, in method order."""
    pages = {}
    for file in files.documentation_pages():
        _, meta = get_data(file.content_string)
        if is_method_page(file.src_uri, meta):
            pages[file.src_uri] = meta
    return in_method_order(pages)


def in_method_order(methods: Methods) -> Methods:
    """By the front matter's `method:` number; pages without one last, by file name."""

    def order(item: tuple[str, dict[str, Any]]) -> tuple[int, str]:
        src_uri, meta = item
        number = meta.get("method")
        return (number if isinstance(number, int) else 999, src_uri)

    return dict(sorted(methods.items(), key=order))


def link(src_uri: str, from_uri: str) -> str:
    """A Markdown link target from one page to another, so MkDocs checks and rewrites it."""
    return posixpath.relpath(src_uri, posixpath.dirname(from_uri) or ".")
