"""Open Graph and Twitter values for every page's template, and a card image for each, drawn after the build."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from backguide.build import site_build
from backguide.cards import draw_card, title_layout
from backguide.drawings import main_pose
from backguide.previews import card_for, card_path, link_preview, page_title, too_long
from backguide.site import project_path

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not config.site_url:
        raise PluginError("Link previews: set site_url in mkdocs.yml; og:url and og:image must be absolute addresses")
    return config


def on_page_context(context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    title = page_title(page.meta, page.title, config.site_name, page.is_homepage)
    path = card_path(page.file.src_uri)
    build = site_build(config)
    drawing = main_pose(build.drawings.get(page.file.src_uri))
    build.cards[path] = (project_path(config, page.file), card_for(title, config.site_name, page.meta, drawing))
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
    cards = site_build(config).cards
    problems = [too_long(source, card.title) for source, card in cards.values() if title_layout(card.title) is None]
    if problems:
        raise PluginError("Link previews: a card title must fit without being cut:\n" + "\n".join(problems))
    for path, (_, card) in sorted(cards.items()):
        file = Path(config.site_dir) / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(draw_card(card))
