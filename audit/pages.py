"""The pages of a built site, found in its folder, so the audit covers whatever the build wrote."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from backguide import html
from backguide.site import url_of_file


@dataclass(frozen=True)
class Page:
    file: Path  # the HTML file in the built site
    path: str  # its address below the site root: "", "methods/chair/", "404.html"
    redirect_to: str | None = None  # for a page that only forwards the reader: where to, below the root

    @property
    def is_redirect(self) -> bool:
        return self.redirect_to is not None

    @property
    def name(self) -> str:
        return self.path or "/"


def url_path(relative_file: str) -> str:
    """The address below the site root a static host serves a file at: "", "methods/chair/", "404.html"."""
    return url_of_file(relative_file).removeprefix("/")


def refresh_target(page_html: str, path: str) -> str | None:
    """Where a `<meta http-equiv="refresh">` page sends the reader (mkdocs-redirects' short links), below the root."""
    for meta in html.parse(page_html).css("meta"):
        if (meta.attributes.get("http-equiv") or "").lower() == "refresh":
            content = meta.attributes.get("content") or ""
            _, _, target = content.partition("url=")
            return urljoin("/" + path, target.strip()).removeprefix("/")
    return None


def site_pages(site: Path) -> list[Page]:
    """Every HTML file of the site, reader pages first, then redirects, each group by address."""
    pages = []
    for file in site.rglob("*.html"):
        path = url_path(file.relative_to(site).as_posix())
        pages.append(Page(file, path, refresh_target(file.read_text(encoding="utf-8"), path)))
    return sorted(pages, key=lambda page: (page.is_redirect, page.path.endswith(".html"), page.path))
