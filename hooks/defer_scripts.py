"""Load the theme's scripts with `defer`, so a phone paints the page before it runs them.

Material puts its bundle (and `extra_javascript`) at the end of `<body>` as plain
blocking scripts: the browser then runs about 110 KB of JavaScript before the first
paint. Deferred, they still run in the same order, after the page is parsed and before
DOMContentLoaded, which is all Material and the scripts built on its `document$` need.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

# An external classic script: has src, and is not already async, deferred or a module.
BLOCKING_SCRIPT = re.compile(
    r"<script\b(?=[^>]*\ssrc\s*=)(?![^>]*\s(?:async|defer)\b)(?![^>]*\stype\s*=\s*[\"']?module)([^>]*)>",
    re.IGNORECASE,
)


# Hooks


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    return defer_scripts(output)


def on_post_template(output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
    # The theme's own pages (404.html) are templates, not pages.
    return defer_scripts(output_content) if template_name.endswith(".html") else output_content


# Helpers


def defer_scripts(html: str) -> str:
    """The page with `defer` on every external script that would block rendering."""
    return BLOCKING_SCRIPT.sub(r"<script defer\1>", html)
