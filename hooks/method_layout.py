"""Give each method page its layout: the template, its header pieces, and each option's facts line."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mkdocs.plugins import event_priority

from backguide.glance import with_option_facts
from backguide.build import site_build
from backguide.drawings import main_drawing
from backguide.method_layout import header_problems, method_header, short_address, use_method_layout
from backguide.rules import Problem
from backguide.site import is_method_page, project_path, short_links

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


@event_priority(-20)  # after the share buttons, so an option's facts line sits right under its heading
def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not is_method_page(page.file.src_uri, page.meta):
        return markdown
    use_method_layout(page.meta)
    return with_option_facts(markdown, page.meta)


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if is_method_page(page.file.src_uri, page.meta):
        problems = header_problems(page.meta, page.toc)
        site_build(config).problems += [Problem(project_path(config, page.file), message) for message in problems]
    return html


def on_page_context(context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav) -> dict[str, Any]:
    if is_method_page(page.file.src_uri, page.meta):
        drawings = site_build(config).drawings.get(page.file.src_uri) or {}
        address = short_address(config.site_url or "", page.url, short_links(config), page.file.src_uri)
        context["method"] = method_header(page.meta, page.canonical_url or "", page.toc, main_drawing(drawings), address)
    return context
