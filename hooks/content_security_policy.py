"""A Content-Security-Policy meta tag on every page, with the hash of each of its inline scripts.

`mkdocs serve` injects a live-reload script whose text changes on every rebuild, so no
build-time hash can allow it: pages previewed with `make serve` go without the policy.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from backguide.build import site_build
from backguide.csp import with_policy

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


@event_priority(-100)  # last: it hashes the finished page, after every hook that changes it
def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    return output if site_build(config).serving else with_policy(output)


@event_priority(-100)  # last: after plugins write pages of their own (the 404 page, redirect pages)
def on_post_build(*, config: MkDocsConfig) -> None:
    if site_build(config).serving:
        return
    for path in sorted(Path(config.site_dir).rglob("*.html")):
        page = path.read_text(encoding="utf-8")
        with_tag = with_policy(page)
        if with_tag != page:
            path.write_text(with_tag, encoding="utf-8")
