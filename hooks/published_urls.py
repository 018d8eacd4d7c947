"""Every address readers may have shared (docs/published_urls.txt) is listed, and still opens its page and section."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from backguide.build import site_build
from backguide.published_urls import (
    URL_LIST_NAME,
    broken_urls,
    current_urls,
    read_url_list,
    short_link_problems,
    unlisted_urls,
)
from backguide.rules import Problem
from backguide.site import relative_to_project, short_links

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


# Default priority: before hooks/report.py (-100) reports what the build found.
def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    url_list = Path(config.docs_dir) / URL_LIST_NAME
    shown_as = relative_to_project(config, url_list)
    pages = [(file.src_uri, file.content_string) for file in files.documentation_pages()]
    current = current_urls(pages, list(short_links(config)))
    problems = unlisted_urls(current, read_url_list(url_list.read_text(encoding="utf-8")), shown_as)
    build = site_build(config)
    build.problems += [Problem(shown_as, message) for message in problems]
    pages = [src_uri for src_uri, _ in pages]
    build.problems += [Problem("mkdocs.yml", message) for message in short_link_problems(short_links(config), pages)]
    return env


@event_priority(-50)  # after mkdocs-redirects has written its redirect pages; hooks/report.py reports
def on_post_build(*, config: MkDocsConfig) -> None:
    build = site_build(config)
    if build.serving:  # a refused page lacks its ids by design; the listed check above still runs
        return
    url_list = Path(config.docs_dir) / URL_LIST_NAME
    problems = broken_urls(Path(config.site_dir), read_url_list(url_list.read_text(encoding="utf-8")))
    shown_as = relative_to_project(config, url_list)
    build.late_problems += [
        Problem(shown_as, f"{problem} (readers may have shared it: it must keep working)") for problem in problems
    ]
