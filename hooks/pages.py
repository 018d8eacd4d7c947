"""Read every page's front matter once per build; a page whose front matter cannot be read, or that the nav misses, is a problem."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from backguide.build import site_build, started
from backguide.front_matter import unknown_keys, unreadable
from backguide.report import PLACEHOLDER
from backguide.rules import Problem
from backguide.site import nav_problems, pages_of, project_path

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page



def on_startup(*, command: str, dirty: bool) -> None:
    started(command)  # `mkdocs serve` previews differ: no CSP, and a refused page shows its error


@event_priority(90)  # after the include check, before any feature reads the pages
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    build = site_build(config)
    build.pages = pages_of(files)
    for file in files.documentation_pages():
        path = project_path(config, file)
        found = [broken] if (broken := unreadable(file.content_string)) else unknown_keys(file.content_string)
        # Either kind leaves the page's facts unread (a typo'd key is a missing one): the page is
        # not judged further until it is fixed, so the one mistake gets one message.
        if found:
            build.problems += [Problem(f"{path}:{line}" if line else path, message) for line, message in found]
            build.unreadable.add(file.src_uri)
    return files


def on_nav(nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
    # A page listed under not_in_nav is meant to be out of the menu (a generated page, a draft).
    pages = [file.src_uri for file in files.documentation_pages() if not file.inclusion.is_not_in_nav()]
    site_build(config).problems += [Problem("mkdocs.yml", message) for message in nav_problems(nav.items, pages)]
    return nav


@event_priority(100)  # first: MkDocs would render the broken front matter as the page's text
def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return PLACEHOLDER if page.file.src_uri in site_build(config).unreadable else markdown
