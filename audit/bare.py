"""The yardstick for speed: each page's article as bare HTML, with no stylesheet and no script.

Lighthouse measures a page and its bare twin in the same run, so the ratio of their LCPs
says what the theme costs, whatever the machine. The twins are written into the audit's
own copy of the site, under BARE_FOLDER, after the checks have listed the real pages.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from backguide import html
from backguide.site import built_file

BARE_FOLDER = "bare-html"


def bare_page(page_html: str) -> str:
    """The article of a built page in a minimal document: charset, viewport, title, the article."""
    root = html.parse(page_html)
    title = root.css_first("title")
    title_text = title.text() if title is not None else ""
    article = html.article(root)
    # Scripts are dropped with the theme: the yardstick is the text and its markup alone.
    for node in article.css("script, style, link"):
        node.decompose()
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        f"<title>{escape(title_text)}</title>\n</head>\n<body>\n{article.html}\n</body>\n</html>\n"
    )


def bare_path(path: str) -> str:
    """Where a page's bare twin is served, below the site root: methods/chair/ -> bare-html/methods/chair/."""
    return f"{BARE_FOLDER}/{path}" if path.endswith("/") or not path else f"{BARE_FOLDER}/{path.removesuffix('.html')}/"


def write_bare_pages(site: Path, pages) -> dict[str, str]:
    """Write a bare twin of every page; returns page path -> its twin's path."""
    twins = {}
    for page in pages:
        twin = bare_path(page.path)
        target = built_file(site, twin)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(bare_page(page.file.read_text(encoding="utf-8")), encoding="utf-8")
        twins[page.path] = twin
    return twins
