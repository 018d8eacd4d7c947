"""The build fails if an address readers may have shared (backguide/published_urls.txt) no longer opens."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from backguide.published_urls import URL_LIST, broken_urls, error_message, read_url_list
from backguide.site import relative_to_project

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


@event_priority(-50)  # after mkdocs-redirects has written its redirect pages
def on_post_build(*, config: MkDocsConfig) -> None:
    problems = broken_urls(Path(config.site_dir), read_url_list(URL_LIST.read_text(encoding="utf-8")))
    if problems:
        raise PluginError(error_message(problems, relative_to_project(config, URL_LIST)))
