"""Which pages and anchors the browser tests visit, read from docs/ through the site model."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

from backguide.rules import STEP_HEADING
from backguide.site import markdown_headings, source_pages
from project import ROOT, SITE_URL

DOCS = ROOT / "docs"


_PAGES = source_pages(DOCS)
PAGES = [page.url.removeprefix("/") for page in _PAGES]
METHOD_PAGES = [page.url.removeprefix("/") for page in _PAGES if page.is_method]

# Anchors people share: every "Before you start", and every step section ("Option #3 …").
SHARED_ANCHORS = [
    (page.url.removeprefix("/"), heading.id)
    for page in _PAGES
    for heading in markdown_headings((DOCS / page.src_uri).read_text())
    if heading.level > 1 and heading.id and (heading.id == "before-you-start" or STEP_HEADING.match(heading.text))
]


def built_pages(site: Path) -> list[str]:
    """Every page the built site lists in its sitemap, as a path under the site."""
    namespace = {"sitemap": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = ElementTree.parse(site / "sitemap.xml").getroot().findall("sitemap:url/sitemap:loc", namespace)
    return [(loc.text or "").removeprefix(SITE_URL) for loc in locations]


def page_id(path: str) -> str:
    return path.strip("/") or "home"
