"""Link previews: Open Graph and Twitter Card values for every page, and a 1200×630 card image for each.

This hook puts a `preview` into each page's template context, which overrides/main.html
writes out as meta tags, and draws the cards with card_image.py after the build,
offline. Tags and cards come from the same values, so they always agree.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping

from card_image import MAX_TITLE_LINES, TITLE_SIZES, Card, draw_card, title_layout
from mkdocs.exceptions import PluginError
from safety import docs_path

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

CARDS_DIR = "assets/cards"
METHOD_PREFIX = re.compile(r"^Method \d+:\s*")

# Card path in the site -> (page's source path, card), gathered while pages render.
_cards: dict[str, tuple[str, Card]] = {}


@dataclass(frozen=True)
class LinkPreview:
    type: str
    title: str
    description: str
    url: str
    image: str
    image_alt: str


# Hooks


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _cards.clear()  # mkdocs serve keeps this module between rebuilds
    if not config.site_url:
        raise PluginError("Link previews: set site_url in mkdocs.yml; og:url and og:image must be absolute addresses")
    return config


def on_page_context(
    context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext:
    title = page_title(page.meta, page.title, config.site_name, page.is_homepage)
    path = card_path(page.file.src_uri)
    _cards[path] = (docs_path(config, page.file), card_for(title, config.site_name, page.meta))
    context["preview"] = link_preview(
        title=title,
        description=page.meta.get("description"),
        site_description=config.site_description,
        url=page.canonical_url or config.site_url,
        image=config.site_url + path,
        is_home=page.is_homepage,
    )
    return context


def on_post_build(*, config: MkDocsConfig) -> None:
    problems = [too_long(source, card.title) for source, card in _cards.values() if title_layout(card.title) is None]
    if problems:
        raise PluginError("Link previews: a card title must fit without being cut:\n" + "\n".join(problems))
    for path, (_, card) in sorted(_cards.items()):
        file = Path(config.site_dir) / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(draw_card(card))


# Helpers


def page_title(meta: Mapping[str, Any], nav_title: str | None, site_name: str, is_home: bool) -> str:
    """The title the browser tab shows, as Material picks it: a nav label like "Chair" is too short to share."""
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

