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


# The drawing on the card of each page that has none of its own: a page shared on its own
# still shows what the guide is about. Page (src_uri) -> a drawing's name in docs/methods/*.poses.yml.
CARD_DRAWINGS = {
    "index.md": "chair-lean-back",  # the first method, the one most readers start with
    "methods/index.md": "sitting-twist",  # the finder: a method needing nothing
    "rules.md": "chair-sit",  # the general rules: sitting relaxed before a move
    "help.md": "floor-corpse-pose",  # when to get help: resting, not moving
}


def card_pose(src_uri: str, by_page: Mapping[str, Any]) -> Any:
    """The pose for a page's card when the page has no drawing of its own, from CARD_DRAWINGS; or None."""
    name = CARD_DRAWINGS.get(src_uri)
    for drawings in by_page.values():
        if isinstance(drawings, Mapping) and name in drawings:
            return drawings[name].pose
    return None


def card_for(title: str, site_name: str, meta: Mapping[str, Any], drawing: Any = None) -> Card:
    """A method page's card says "Method 1" small above its title, so the title itself can be large,
    and shows the page's main drawing (a `backguide.poses.Pose`) when it has one."""
    method = meta.get("method")
    kicker = f"Method {method}" if isinstance(method, int) else ""
    if kicker:
        title = METHOD_PREFIX.sub("", title)
    header = "" if title == site_name else site_name
    return Card(title=title, header=header, kicker=kicker, drawing=drawing)


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


def title_problem(title: str) -> str | None:
    """Why a page's title cannot go on its link preview card whole, or None when it fits."""
    if title_layout(title) is not None:
        return None
    return (
        f"the title \"{title}\" does not fit on its link preview card in {MAX_TITLE_LINES} lines at"
        f" {TITLE_SIZES[-1]} px, and a card never cuts a title; shorten the page's title (its front matter 'title')"
    )


def write_cards(site_dir: Path, cards: Mapping[str, tuple[str, Card]]) -> None:
    """Draw every card into the built site, at its path (assets/cards/…), in path order.

    A card whose title does not fit is left out: the build has reported it (title_problem).
    """
    for path, (_, card) in sorted(cards.items()):
        if title_layout(card.title) is None:
            continue
        file = site_dir / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(draw_card(card))
