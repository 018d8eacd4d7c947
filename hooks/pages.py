"""Read every page's front matter once per build, for the features that list or judge pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from backguide.build import site_build, started
from backguide.site import pages_of

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


def on_startup(*, command: str, dirty: bool) -> None:
    started(command)  # `mkdocs serve` previews differ: no CSP, and a refused page shows its error


@event_priority(90)  # after the include check, before any feature reads the pages
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    site_build(config).pages = pages_of(files)
    return files
