"""Put a share button under each method page's title and under each of its step sections.

The buttons are plain HTML, so they are there before any script runs and never shift
the page; `docs/javascripts/share.js` only gives them behaviour. Each carries the link
it shares: the page's address, or the address of its section with the heading's anchor.
"""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING

from html_tree import parse
from rules import STEP_HEADING, is_method_page

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

HEADING = re.compile(r"<(h[1-6])\b([^>]*)>(.*?)</\1>", re.DOTALL)
HEADING_ID = re.compile(r'\bid="([^"]+)"')

# Material Design Icons "share-variant", as Material for MkDocs ships it (Apache 2.0).
ICON = (
    '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M18 16.08c-.76 0-1.44.3-1.96.77L8.91'
    " 12.7c.05-.23.09-.46.09-.7s-.04-.47-.09-.7l7.05-4.11c.54.5 1.25.81 2.04.81a3 3 0 0 0 3-3 3 3 0 0 0-3-3 3 3 0"
    " 0 0-3 3c0 .24.04.47.09.7L8.04 9.81C7.5 9.31 6.79 9 6 9a3 3 0 0 0-3 3 3 3 0 0 0 3 3c.79 0 1.5-.31 2.04-.81l7.12"
    " 4.15c-.05.21-.08.43-.08.66 0 1.61 1.31 2.91 2.92 2.91s2.92-1.3 2.92-2.91A2.92 2.92 0 0 0 18 16.08\"/></svg>"
)


# Hooks


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not is_method_page(page.file.src_uri, page.meta):
        return html
    # The front matter title is the method's full name; page.title may be the short nav label.
    title = str(page.meta.get("title") or page.title or "")
    return add_share_buttons(html, page.canonical_url or "", title)


# Helpers


def add_share_buttons(html: str, page_url: str, page_title: str) -> str:
    """The page's HTML with a button after its first h1 and after every 'Step…'/'Option…' heading.

    A heading without an id gets no button: there would be no anchor to link to.
    """
    seen_title = False

    def after_heading(match: re.Match[str]) -> str:
        nonlocal seen_title
        tag, attrs, inner = match.groups()
        text = " ".join(parse(inner).text(skip=frozenset({"headerlink"})).split())
        if tag == "h1" and not seen_title:
            seen_title = True
            return match.group(0) + "\n" + share_button(page_url, page_title, "Share this method")
        anchor = HEADING_ID.search(attrs)
        if tag != "h1" and anchor and STEP_HEADING.match(text):
            section_url = f"{page_url}#{anchor.group(1)}"
            return match.group(0) + "\n" + share_button(section_url, f"{text} – {page_title}", f"Share {text}")
        return match.group(0)

    return HEADING.sub(after_heading, html)


def share_button(url: str, title: str, label: str) -> str:
    """A real button with its accessible name, and a polite live region for "Link copied".

    `data-search-exclude` keeps the word "Share" out of Material's search index.
    """
    return (
        '<div class="share" data-search-exclude>'
        f'<button type="button" class="share__button" aria-label="{escape(label)}"'
        f' data-share-url="{escape(url)}" data-share-title="{escape(title)}">'
        f"{ICON}<span>Share</span></button>"
        '<span class="share__status" role="status"></span>'
        "</div>"
    )
