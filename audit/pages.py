"""The pages of a built site, found in its folder, so the audit covers whatever the build wrote."""

from __future__ import annotations

import re
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


def forwards_to(page_html: str, path: str) -> str | None:
    """Where a page that only forwards the reader (mkdocs-redirects' short links) sends them, below the root."""
    target = html.refresh_target(html.parse(page_html))
    return None if target is None else urljoin("/" + path, target).removeprefix("/")


def redirect_shape(page_html: str, redirect_to: str) -> str:
    """A short link's page without what differs between short links (its target and its script's
    hash in the policy): short links of one shape cost a reader the same hop, so one is timed."""
    target = html.refresh_target(html.parse(page_html)) or redirect_to
    return re.sub(r"'sha256-[A-Za-z0-9+/=]+'", "'sha256-…'", page_html.replace(target, "{target}"))


def site_pages(site: Path) -> list[Page]:
    """Every HTML file of the site, reader pages first, then redirects, each group by address."""
    pages = []
    for file in site.rglob("*.html"):
        path = url_of_file(file.relative_to(site).as_posix()).removeprefix("/")  # "", "methods/chair/", "404.html"
        pages.append(Page(file, path, forwards_to(file.read_text(encoding="utf-8"), path)))
    return sorted(pages, key=lambda page: (page.is_redirect, page.path.endswith(".html"), page.path))
