"""Link previews: the Open Graph and Twitter Card values of a page, and its card.

overrides/main.html writes the values out as meta tags; `cards.py` draws the card after the
build, offline, and `write_cards` puts the cards into the site. Tags and cards come from the
same values, so they always agree.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from backguide.cards import MAX_TITLE_LINES, TITLE_SIZES, Card, draw_card, title_layout

CARDS_DIR = "assets/cards"
METHOD_PREFIX = re.compile(r"^Method \d+:\s*")


@dataclass(frozen=True)
class LinkPreview:
    type: str
    title: str
    description: str
    url: str
    image: str
    image_alt: str


def page_title(meta: Mapping[str, Any], nav_title: str | None, site_name: str, is_home: bool) -> str:
    """The title a shared link shows: the front matter title; a nav label like "Chair" is too short."""
    if isinstance(meta.get("title"), str) and meta["title"].strip():
        return meta["title"]
    return site_name if is_home or not nav_title else nav_title


def card_path(src_uri: str) -> str:
    """Where a page's card goes in the site: methods/chair.md -> assets/cards/methods/chair.png."""
    return f"{CARDS_DIR}/{posixpath.splitext(src_uri)[0]}.png"


def card_for(title: str, site_name: str, meta: Mapping[str, Any]) -> Card:
    """A method page's card says "Method 1" small above its title, so the title itself can be large."""
    method = meta.get("method")
    kicker = f"Method {method}" if isinstance(method, int) else ""
    if kicker:
        title = METHOD_PREFIX.sub("", title)
    header = "" if title == site_name else site_name
    return Card(title=title, header=header, kicker=kicker)


def link_preview(
    *, title: str, description: object, site_description: str | None, url: str, image: str, is_home: bool
) -> LinkPreview:
    """A page without its own description is shared with the site's."""
    if not isinstance(description, str) or not description.strip():
        description = site_description or ""
    return LinkPreview(
        type="website" if is_home else "article",
        title=title,
        description=description,
        url=url,
        image=image,
        image_alt=title,  # the card shows the title, in large type
    )


def too_long(source: str, title: str) -> str:
    return (
        f"  {source}: the title \"{title}\" does not fit on its link preview card"
        f" in {MAX_TITLE_LINES} lines at {TITLE_SIZES[-1]} px; shorten the page's title (its front matter 'title')"
    )


def titles_too_long(cards: Mapping[str, tuple[str, Card]]) -> list[str]:
    """One line for each card whose title would be cut; `cards` maps a card's path to (source page, card)."""
    return [too_long(source, card.title) for source, card in cards.values() if title_layout(card.title) is None]


def write_cards(site_dir: Path, cards: Mapping[str, tuple[str, Card]]) -> None:
    """Draw every card into the built site, at its path (assets/cards/…), in path order."""
    for path, (_, card) in sorted(cards.items()):
        file = site_dir / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(draw_card(card))
