"""The build fails if an address readers may have shared (docs/published_urls.txt) no longer opens."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from backguide.build import site_build
from backguide.gate import SERVE_NOTE
from backguide.published_urls import URL_LIST_NAME, broken_urls, error_message, read_url_list
from backguide.site import relative_to_project

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


@event_priority(-50)  # after mkdocs-redirects has written its redirect pages
def on_post_build(*, config: MkDocsConfig) -> None:
    url_list = Path(config.docs_dir) / URL_LIST_NAME
    problems = broken_urls(Path(config.site_dir), read_url_list(url_list.read_text(encoding="utf-8")))
    if not problems:
        return
    message = error_message(problems, relative_to_project(config, url_list))
    if site_build(config).serving:  # a refused page lacks its ids; a stopped preview would hang
        print(f"{message}\n{SERVE_NOTE}", file=sys.stderr, flush=True)
    else:
        raise PluginError(message)
