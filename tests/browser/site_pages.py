"""Which pages and anchors the browser tests visit, read from docs/ when the tests are collected."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.utils.meta import get_data
from project import ROOT, SITE_URL
from rules import STEP_HEADING, is_method_page
from site_paths import page_url

DOCS = ROOT / "docs"
HEADING_WITH_ID = re.compile(r"^#{2,6} (.+?)\s*\{#([a-z0-9-]+)\}\s*$", re.MULTILINE)


def url_path(src_uri: str) -> str:
    """The page's address under the site: methods/chair.md -> methods/chair/, index.md -> ''."""
    return page_url(src_uri).lstrip("/")


def _read_pages() -> list[tuple[str, dict, str]]:
    pages = []
    for path in sorted(DOCS.rglob("*.md")):
        markdown, meta = get_data(path.read_text())
        pages.append((path.relative_to(DOCS).as_posix(), meta, markdown))
    return pages


_PAGES = _read_pages()  # (src_uri, front matter, Markdown) of every page, read once
PAGES = [url_path(src_uri) for src_uri, _, _ in _PAGES]
METHOD_PAGES = [url_path(src_uri) for src_uri, meta, _ in _PAGES if is_method_page(src_uri, meta)]

# Anchors people share: every "Before you start", and every step section ("Option #3 …").
SHARED_ANCHORS = [
    (url_path(src_uri), anchor)
    for src_uri, _, markdown in _PAGES
    for text, anchor in HEADING_WITH_ID.findall(markdown)
    if anchor == "before-you-start" or STEP_HEADING.match(text)
]


def built_pages(site: Path) -> list[str]:
    """Every page the built site lists in its sitemap, as a path under the site."""
    return [loc.removeprefix(SITE_URL) for loc in re.findall(r"<loc>(.*?)</loc>", (site / "sitemap.xml").read_text())]


def page_id(path: str) -> str:
    return path.strip("/") or "home"
