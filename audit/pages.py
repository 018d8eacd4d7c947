"""The pages of a built site, found in its folder, so the audit covers whatever the build wrote."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from backguide import html
from backguide.site import url_of_file


@dataclass(frozen=True)
class Page:
    file: Path  # the HTML file in the built site
    path: str  # its address below the site root: "", "methods/chair/", "404.html"
    is_redirect: bool

    @property
    def name(self) -> str:
        return self.path or "/"


def url_path(relative_file: str) -> str:
    """The address below the site root that a static host serves a file at: "" for the home page."""
    return url_of_file(relative_file).removeprefix("/")


def site_pages(site: Path) -> list[Page]:
    """Every HTML file of the site, reader pages first, then redirects, each group by address.

    mkdocs-redirects' stubs (and any other page that only forwards the reader) refresh at once.
    """
    pages = [
        Page(
            file,
            url_path(file.relative_to(site).as_posix()),
            html.refresh_target(html.parse(file.read_text(encoding="utf-8"))) is not None,
        )
        for file in site.rglob("*.html")
    ]
    return sorted(pages, key=lambda page: (page.is_redirect, page.path.endswith(".html"), page.path))
