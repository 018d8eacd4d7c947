"""The safety gate: refuse to build a site whose method pages lack their warnings (rules in backguide.rules)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from backguide.build import site_build
from backguide.follow_along import check_follow_along
from backguide.gate import SERVE_NOTE, refusal_html
from backguide.rules import check_method_page, error_message
from backguide.site import is_method_page, project_path

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


@event_priority(-100)  # last: it judges the final HTML, after every hook that changes a page
def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not is_method_page(page.file.src_uri, page.meta):
        return html
    build = site_build(config)
    problems = check_method_page(path := project_path(config, page.file), html, page.meta) + check_follow_along(path, html, page.meta, page.url)
    build.problems += problems
    return refusal_html(problems) if problems and build.serving else html


@event_priority(-100)  # after every page is judged, and before any page is written
def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    build = site_build(config)
    if build.problems and build.serving:
        print(f"{error_message(build.problems)}\n{SERVE_NOTE}", file=sys.stderr, flush=True)
    elif build.problems:
        raise PluginError(error_message(build.problems))
    return env
