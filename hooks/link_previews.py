"""Open Graph and Twitter values for every page's template, and a card image for each, drawn after the build."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from backguide.build import site_build
from backguide.drawings import main_pose
from backguide.previews import card_for, card_path, card_pose, link_preview, page_title, title_problem, write_cards
from backguide.rules import Problem
from backguide.site import project_path

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not config.site_url:
        raise PluginError("Link previews: set site_url in mkdocs.yml; og:url and og:image must be absolute addresses")
    return config


# Once the page's title is known, and before hooks/report.py reports what the build found.
def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if problem := title_problem(page_title(page.meta, page.title, config.site_name, page.is_homepage)):
        site_build(config).problems.append(Problem(project_path(config, page.file), problem))
    return html


def on_page_context(context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    title = page_title(page.meta, page.title, config.site_name, page.is_homepage)
    path = card_path(page.file.src_uri)
    build = site_build(config)
    drawing = main_pose(build.drawings.get(page.file.src_uri)) or card_pose(page.file.src_uri, build.drawings)
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
    write_cards(Path(config.site_dir), site_build(config).cards)
