"""The layout of a method page: overrides/method.html, with what it shows above the page's content.

Every method page gets the template and loses the table of contents sidebar here, so an
author cannot forget either. The template writes, in this order: the title (front matter
`title`), the one-line summary (`description`), "At a glance" with the page's share button, and
on a page with `options:` the map of its options; then the page's content, which opens
with the safety panel ("Before you start") and goes on to the steps.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any, Iterable, Mapping, MutableMapping

from backguide.glance import glance_html, missing_option_headings, option_map_html
from backguide.share_buttons import share_button

if TYPE_CHECKING:
    from backguide.drawings import Drawing

TEMPLATE = "method.html"


def use_method_layout(meta: MutableMapping[str, Any]) -> None:
    """Select the template, and hide the table of contents: the page's own option map replaces it."""
    meta["template"] = TEMPLATE
    hidden = meta.get("hide") if isinstance(meta.get("hide"), list) else []
    meta["hide"] = [*hidden, *(["toc"] if "toc" not in hidden else [])]


@dataclass(frozen=True)
class MethodHeader:
    """The pieces the template places above the page's content, as HTML."""

    glance: str  # with the page's share button in its title row, where it costs no extra line
    option_map: str
    print_footer: str = ""  # the short address and the review date, at the foot of every printed page


def print_footer_html(address: str, meta: Mapping[str, Any]) -> str:
    """The line at the foot of every printed page: where to find the page again, and how current it is.

    Shown only on paper (docs/stylesheets/print.css); on screen the page's review dates stand at its end.
    """
    reviewed = meta.get("reviewed")
    when = f" · Reviewed {reviewed.day} {reviewed.strftime('%B %Y')}" if isinstance(reviewed, datetime.date) else ""
    return f'<p class="print-footer" data-pagefind-ignore>{escape(address)}{escape(when)}</p>'


def short_address(site_url: str, page_url: str, short_links: Mapping[str, str], src_uri: str) -> str:
    """The page's shortest address, as a reader would type it from paper: 'example.org/chair/'."""
    short = next((source for source, target in short_links.items() if target == src_uri), None)
    path = short.removesuffix(".md") + "/" if short else page_url
    host = site_url.split("://", 1)[-1].rstrip("/")
    return f"{host}/{path.lstrip('/')}"


def heading_titles(toc: Iterable[Any]) -> dict[str, str]:
    """Every heading id of the page's table of contents -> the heading's text."""
    found: dict[str, str] = {}
    for item in toc:
        found[item.id] = item.title
        found.update(heading_titles(item.children))
    return found


def header_problems(meta: Mapping[str, Any], toc: Iterable[Any]) -> list[str]:
    """What the template could not show: an option of the front matter with no heading of its id."""
    if missing := missing_option_headings(meta, heading_titles(toc)):
        return [
            f"front matter 'options' names {missing}, but the page has no heading with that id;"
            " give each option's heading its id, e.g.  ## Option #3: Knees to chest {#knees-to-chest}"
        ]
    return []


def method_header(
    meta: Mapping[str, Any], url: str, toc: Iterable[Any], drawing: Drawing | None = None, address: str = ""
) -> MethodHeader:
    """The header's pieces; an option with no heading is left out of the map (header_problems reports it).
    `drawing` is the method's main drawing, shown small in "At a glance"; `address` its short link, printed."""
    titles = heading_titles(toc)
    title = str(meta.get("title") or "")
    return MethodHeader(
        glance=glance_html(meta, share=share_button(url, title, "Share this method"), drawing=drawing),
        option_map=option_map_html(meta, titles),
        print_footer=print_footer_html(address or url, meta),
    )
