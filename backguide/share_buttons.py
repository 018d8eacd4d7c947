"""A share button under each method page's title and under each of its step sections.

The buttons are written into the page's Markdown, each right below its heading, so the
rendered HTML is never rewritten. They are plain HTML, there before any script runs and
never shifting the page; `docs/javascripts/share.js` only gives them behaviour. Each
carries the link it shares: the page's address, or its section's, with the heading's id.
"""

from __future__ import annotations

from html import escape

import markdown as python_markdown

from backguide import html
from backguide.rules import STEP_HEADING
from backguide.site import MarkdownHeading, below_headings

# Material Design Icons "share-variant", as Material for MkDocs ships it (Apache 2.0).
ICON = (
    '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M18 16.08c-.76 0-1.44.3-1.96.77L8.91'
    " 12.7c.05-.23.09-.46.09-.7s-.04-.47-.09-.7l7.05-4.11c.54.5 1.25.81 2.04.81a3 3 0 0 0 3-3 3 3 0 0 0-3-3 3 3 0"
    " 0 0-3 3c0 .24.04.47.09.7L8.04 9.81C7.5 9.31 6.79 9 6 9a3 3 0 0 0-3 3 3 3 0 0 0 3 3c.79 0 1.5-.31 2.04-.81l7.12"
    " 4.15c-.05.21-.08.43-.08.66 0 1.61 1.31 2.91 2.92 2.91s2.92-1.3 2.92-2.91A2.92 2.92 0 0 0 18 16.08\"/></svg>"
)


def heading_label(markdown_text: str) -> str:
    """What a reader sees of a heading: its Markdown rendered, as plain text."""
    return " ".join(html.text(html.parse(python_markdown.markdown(markdown_text))).split())


def add_share_buttons(markdown: str, page_url: str, page_title: str) -> str:
    """The page's Markdown with a button below its first `# ` title and below every 'Step…'/'Option…' heading.

    A section heading without an `{#id}` gets no button: there would be no anchor to link to.
    """
    seen_title = False

    def button(heading: MarkdownHeading) -> str:
        nonlocal seen_title
        label = heading_label(heading.text)
        if heading.level == 1 and not seen_title:
            seen_title = True
            return share_button(page_url, page_title, "Share this method")
        if heading.level > 1 and heading.id and STEP_HEADING.match(label):
            return share_button(f"{page_url}#{heading.id}", f"{label} – {page_title}", f"Share {label}")
        return ""

    return below_headings(markdown, button)


def share_button(url: str, title: str, label: str) -> str:
    """A real button with its accessible name, and a polite live region for "Link copied".

    `data-pagefind-ignore` keeps the word "Share" out of the search index.
    """
    return (
        '<div class="share" data-pagefind-ignore>'
        f'<button type="button" class="share__button" aria-label="{escape(label)}"'
        f' data-share-url="{escape(url)}" data-share-title="{escape(title)}">'
        f"{ICON}<span>Share</span></button>"
        '<span class="share__status" role="status"></span>'
        "</div>"
    )
