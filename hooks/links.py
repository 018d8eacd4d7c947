"""Every link an author writes opens a page and section of the guide, or a listed https page (backguide.links)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from backguide import html
from backguide.build import site_build
from backguide.links import SitePage, duplicate_ids, image_problems, link_problems, read_allowed_external
from backguide.rules import Problem
from backguide.site import is_method_page, page_url, project_path, short_links

from backguide.facts import options

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


# Default priority: once every page is rendered, before hooks/report.py (-100) reports.
def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    build = site_build(config)
    rendered = [file for file in files.documentation_pages() if file.page is not None and file.page.content is not None]
    contents = {file.src_uri: html.content(file.page.content) for file in rendered}
    pages = {
        page_url(file.src_uri): SitePage(
            project_path(config, file), page_url(file.src_uri), html.ids(contents[file.src_uri]), entry_ids(file.src_uri, file.page.meta)
        )
        for file in rendered
    }
    redirects = {page_url(source): page_url(target) for source, target in short_links(config).items()}
    allowed = read_allowed_external(Path(config.config_file_path or ".").parent)
    site_files = {"/" + file.url for file in files if not file.is_documentation_page()}
    for file in rendered:
        if file.src_uri in build.unreadable:
            continue
        page = pages[page_url(file.src_uri)]
        content = contents[file.src_uri]
        messages = link_problems(page, content, pages, redirects, allowed) + image_problems(page, content, site_files)
        messages += duplicate_ids(content)
        build.problems += [Problem(page.path, message) for message in messages]
    return env


def entry_ids(src_uri: str, meta) -> frozenset[str] | None:
    """Where a link from another page may open this one: a method page, only at its top, its warnings or an option."""
    if not is_method_page(src_uri, meta):
        return None
    return frozenset({"before-you-start", *(str(option.get("id")) for option in options(meta))})
