"""The pages of a built site, found in its folder, so the audit covers whatever the build wrote."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# mkdocs-redirects' stubs (and any other page that only forwards the reader) refresh at once.
REDIRECT = re.compile(r"<meta\s[^>]*http-equiv\s*=\s*[\"']?refresh", re.IGNORECASE)


@dataclass(frozen=True)
class Page:
    file: Path  # the HTML file in the built site
    path: str  # its address below the site root: "", "methods/chair/", "404.html"
    is_redirect: bool

    @property
    def name(self) -> str:
        return self.path or "/"


def url_path(relative_file: str) -> str:
    """The address a static host serves a file at: a folder's index.html is the folder."""
    if relative_file == "index.html":
        return ""
    if relative_file.endswith("/index.html"):
        return relative_file.removesuffix("index.html")
    return relative_file


def site_pages(site: Path) -> list[Page]:
    """Every HTML file of the site, reader pages first, then redirects, each group by address."""
    pages = [
        Page(file, url_path(file.relative_to(site).as_posix()), bool(REDIRECT.search(file.read_text(encoding="utf-8"))))
        for file in site.rglob("*.html")
    ]
    return sorted(pages, key=lambda page: (page.is_redirect, page.path.endswith(".html"), page.path))
